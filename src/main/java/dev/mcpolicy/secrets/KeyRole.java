package dev.mcpolicy.secrets;

/** What a key's name says about the literal value stored under it. */
enum KeyRole {
    /** Names a credential outright ({@code password}, {@code apiKey}, {@code JWT_SECRET}): any literal is a secret. */
    CREDENTIAL,
    /**
     * Ends in "secret" with a qualifier that says which credential a Secret object holds ({@code passwordSecret},
     * bare {@code secret}): a multi-part object name ({@code db-password-secret}) is a reference.
     */
    CREDENTIAL_OR_SECRET_NAME,
    /**
     * Ends in "secret" with a qualifier that names a kind of Kubernetes Secret ({@code tlsSecret},
     * {@code pullSecret}): any object name is a reference; only a credential-shaped value is a secret.
     */
    SECRET_OBJECT_NAME,
    /** {@code passwordKey}, {@code tokenKey}: usually the key inside a Secret; a literal key name is a reference. */
    CREDENTIAL_OR_KEY_NAME,
    /** {@code secretKey}, {@code SECRET_KEY}: a credential unless the value is a structured key name. */
    SECRET_KEY,
    /** {@code STRIPE_KEY}, {@code auth}: a secret only when the value has the shape of a credential. */
    CREDENTIAL_IF_SHAPED,
    /** Configuration or a reference ({@code tokenTTL}, {@code secretName}, {@code existingSecret}, {@code *Ref}). */
    NOT_SECRET,
    /** Nothing secret about the name. */
    NEUTRAL
}

package dev.mcpolicy.secrets;

/** What a detector recognised in a string: the kind of secret and the reviewer-facing reason. */
record Detection(String kind, String reason) {

    SecretHit at(String pointer) {
        return new SecretHit(pointer, kind, reason);
    }
}

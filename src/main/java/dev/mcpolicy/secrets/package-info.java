/**
 * Recognising literal secrets in Helm values and container env vars without ever printing them.
 *
 * <p>Entry point: {@link dev.mcpolicy.secrets.SecretScanner}. Decisions, most specific first:
 * <ol>
 *   <li>well-known token formats anywhere in a string ({@code TokenFormats}), including credentials in URLs,
 *       connection strings, Authorization headers and settings written inside embedded text
 *       ({@code EmbeddedAssignments});</li>
 *   <li>the key's name ({@code KeyNames}, read segment-wise down to its head noun) combined with the shape
 *       of the literal ({@code ValueShapes}): placeholders (also elided ones such as {@code sk-...}), template
 *       expressions, references to secret stores or files, ciphertext (SOPS, Ansible Vault, a SealedSecret's
 *       {@code encryptedData}) and digests ({@code checksum/secret}) are never secrets; names of Secrets and of their
 *       keys are references, unless the value is shaped like a passphrase (several words that no identifier would
 *       use: prose words, spaces, words that name nothing it could hold).</li>
 * </ol>
 * Inside a rendered Secret, {@code SecretScanner.classifySecretEntry} tells the keys that hold credentials from
 * settings, so a Secret full of flags is not reported for its flags.
 * Reasons ({@code Reasons}) are fixed texts per kind, plus the key name only when it shares no text with the value.
 */
package dev.mcpolicy.secrets;

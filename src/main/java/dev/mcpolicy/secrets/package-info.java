/**
 * Recognising literal secrets in Helm values and container env vars without ever printing them.
 *
 * <p>Entry point: {@link dev.mcpolicy.secrets.SecretScanner}. Decisions, most specific first:
 * <ol>
 *   <li>well-known token formats anywhere in a string ({@code TokenFormats}), including credentials in URLs,
 *       connection strings, Authorization headers and settings written inside embedded text
 *       ({@code EmbeddedAssignments});</li>
 *   <li>the key's name ({@code KeyNames}, read segment-wise down to its head noun) combined with the shape
 *       of the literal ({@code ValueShapes}): placeholders, template expressions and references to secret
 *       stores or files are never secrets; names of Secrets and of their keys are references.</li>
 * </ol>
 * Reasons ({@code Reasons}) are fixed texts per kind, plus the key name only when it shares no text with the value.
 */
package dev.mcpolicy.secrets;

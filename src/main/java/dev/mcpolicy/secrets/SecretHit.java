package dev.mcpolicy.secrets;

/**
 * One literal secret found in a values document or an env var.
 *
 * @param pointer RFC 6901 pointer of the value that holds the secret
 * @param kind    what sort of secret it is ("GitHub token", "secret-named key", ...)
 * @param reason  why it was flagged, in words for a security reviewer; never contains the value
 *                (at most a well-known fixed prefix such as {@code ghp_})
 */
public record SecretHit(String pointer, String kind, String reason) {
}

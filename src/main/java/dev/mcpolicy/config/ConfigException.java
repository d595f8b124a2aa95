package dev.mcpolicy.config;

/** A configuration that cannot be used; the message is one line, {@code file:line:col: message}. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}

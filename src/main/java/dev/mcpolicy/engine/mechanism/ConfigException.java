package dev.mcpolicy.engine.mechanism;

/**
 * Thrown by a configuration's constructor when a value cannot work (a regular expression that does not compile, a
 * schema that is not one); the rule compiler reports it at {@code field} of the rule file.
 */
public final class ConfigException extends IllegalArgumentException {
    private final String field;

    public ConfigException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package dev.mcpolicy.engine.mechanism;

/**
 * One {@code where} filter of a selector.
 *
 * @param type        what it takes
 * @param description what it keeps, for the rule-language reference
 */
public record Filter(Type type, String description) {

    public static Filter bool(String description) {
        return new Filter(Type.BOOLEAN, description);
    }

    public static Filter strings(String description) {
        return new Filter(Type.STRINGS, description);
    }

    public enum Type {
        /** {@code true} or {@code false} */
        BOOLEAN,
        /** one string or a list of strings; matches when any equals */
        STRINGS
    }
}

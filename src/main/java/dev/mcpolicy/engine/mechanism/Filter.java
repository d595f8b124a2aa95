package dev.mcpolicy.engine.mechanism;

/**
 * One {@code where} filter of a selector.
 *
 * @param type        what it takes
 * @param description what it keeps, for the rule-language reference
 * @param example     a value it takes, for the reference's example ({@code Deployment}); null when none is given
 */
public record Filter(Type type, String description, String example) {

    public Filter(Type type, String description) {
        this(type, description, type == Type.BOOLEAN ? "true" : null);
    }

    public static Filter bool(String description) {
        return new Filter(Type.BOOLEAN, description);
    }

    public static Filter strings(String description) {
        return new Filter(Type.STRINGS, description);
    }

    /** A strings filter with a typical value to show in the reference. */
    public static Filter strings(String description, String example) {
        return new Filter(Type.STRINGS, description, example);
    }

    /** The filter as a rule writes it, {@code where: {kind: [Deployment]}}; empty without an example. */
    public java.util.Optional<String> exampleWhere(String name) {
        if (example == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("where: {" + name + ": " + (type == Type.BOOLEAN ? example : "[" + example + "]")
                + "}");
    }

    public enum Type {
        /** {@code true} or {@code false} */
        BOOLEAN,
        /** one string or a list of strings; matches when any equals */
        STRINGS
    }
}

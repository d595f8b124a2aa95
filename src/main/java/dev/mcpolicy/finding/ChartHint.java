package dev.mcpolicy.finding;

/**
 * What chart mode's source mapping needs to know about a finding beyond its pointer. Only the mapper reads it;
 * reports never print it (an offending value may be any value of the input).
 *
 * @param missingKind    the kind of object whose absence the finding is about (a PodDisruptionBudget), so the mapper
 *                       can point at the value that switches the chart's template for that kind off; null otherwise
 * @param offendingValue the part of the rendered value the finding is about (an image's tag), to pick the values key
 *                       among several on one template line; null otherwise
 */
public record ChartHint(String missingKind, String offendingValue) {
    public static final ChartHint NONE = new ChartHint(null, null);

    public static ChartHint missing(String kind) {
        return new ChartHint(kind, null);
    }

    public static ChartHint offendingValue(String value) {
        return new ChartHint(null, value == null ? "" : value);
    }

    @Override
    public String toString() {
        return "ChartHint[missingKind=" + missingKind + ", offendingValue=" + (offendingValue == null ? "none" : "…")
                + "]";
    }
}

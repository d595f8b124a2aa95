package dev.mcpolicy.engine.mechanism;

import dev.mcpolicy.finding.ChartHint;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.manifest.ManifestDocument;

import java.util.List;
import java.util.Map;

/**
 * One failed assertion, before it becomes a {@link dev.mcpolicy.finding.Finding}.
 *
 * @param kind         which message applies: {@link #DEFAULT} (the check's {@code message}) or a kind the
 *                     assertion names ({@code wrong-type}, {@code invalid}, …) that {@code messages} may override
 * @param pointer      pointer of the offending (or missing) node in document coordinates
 * @param placeholders values for the message template
 * @param properties   facts for JSON/SARIF consumers; never a secret value
 * @param related      other places worth showing
 * @param document     the document {@code pointer} belongs to when the line to edit is in another object than the
 *                     target (a PodDisruptionBudget whose selector misses the workload); null means the target's
 * @param chartHint    what chart mode's source mapping needs beyond the pointer; never printed
 * @param about        further objects the violation concerns besides the target (the workloads a budget blocks), so a
 *                     finding on one of them can supersede it ({@code supersededBy})
 */
public record Violation(String kind, String pointer, Map<String, String> placeholders, Map<String, String> properties,
                        List<Related> related, ManifestDocument document, ChartHint chartHint, List<K8sObject> about) {
    public static final String DEFAULT = "default";

    public Violation {
        placeholders = Map.copyOf(placeholders);
        properties = Map.copyOf(properties);
        related = List.copyOf(related);
        chartHint = chartHint == null ? ChartHint.NONE : chartHint;
        about = about == null ? List.of() : List.copyOf(about);
    }

    public Violation(String kind, String pointer, Map<String, String> placeholders, Map<String, String> properties,
                     List<Related> related, ManifestDocument document) {
        this(kind, pointer, placeholders, properties, related, document, ChartHint.NONE, List.of());
    }

    public Violation(String kind, String pointer, Map<String, String> placeholders, Map<String, String> properties,
                     List<Related> related) {
        this(kind, pointer, placeholders, properties, related, null, ChartHint.NONE, List.of());
    }

    public Violation withChartHint(ChartHint hint) {
        return new Violation(kind, pointer, placeholders, properties, related, document, hint, about);
    }

    public Violation withAbout(List<K8sObject> objects) {
        return new Violation(kind, pointer, placeholders, properties, related, document, chartHint, objects);
    }

    public static Violation of(String kind, String pointer, Map<String, String> placeholders) {
        return new Violation(kind, pointer, placeholders, Map.of(), List.of());
    }

    /** A place in a document worth showing next to the finding. */
    public record Related(ManifestDocument document, String pointer, String message) {
    }
}

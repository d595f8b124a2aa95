package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Kubernetes label selector with the API server's semantics.
 *
 * <ul>
 *   <li>{@link #parse(JsonNode, boolean)} reads a {@code metav1.LabelSelector} ({@code matchLabels} and
 *       {@code matchExpressions}, as in Deployments and PodDisruptionBudgets). A missing or null selector selects
 *       nothing; an empty one ({@code {}}) selects everything when {@code emptySelectsEverything}
 *       (policy/v1 PDBs) and nothing otherwise (policy/v1beta1 PDBs).</li>
 *   <li>{@link #parseServiceSelector(JsonNode)} reads a Service's plain {@code key: value} map; a missing or empty
 *       one selects nothing (such a Service has its endpoints managed by hand).</li>
 * </ul>
 * A selector the API server would reject (unknown operator, {@code In} without values, …) selects nothing and
 * says why in {@link #problem()}.
 */
public final class LabelSelector {
    private static final LabelSelector NOTHING = new LabelSelector(Map.of(), List.of(), true, null);
    private static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of(), false, null);

    private final Map<String, String> matchLabels;
    private final List<Requirement> expressions;
    private final boolean selectsNothing;
    private final String problem;

    private LabelSelector(Map<String, String> matchLabels, List<Requirement> expressions, boolean selectsNothing,
                          String problem) {
        this.matchLabels = matchLabels;
        this.expressions = expressions;
        this.selectsNothing = selectsNothing;
        this.problem = problem;
    }

    public static LabelSelector nothing() {
        return NOTHING;
    }

    public static LabelSelector everything() {
        return EVERYTHING;
    }

    private static LabelSelector invalid(String problem) {
        return new LabelSelector(Map.of(), List.of(), true, problem);
    }

    /** Reads a {@code metav1.LabelSelector}; see the class comment for empty and missing selectors. */
    public static LabelSelector parse(JsonNode selector, boolean emptySelectsEverything) {
        if (isAbsent(selector)) {
            return NOTHING;
        }
        try {
            requireMapping(selector, "selector");
            Map<String, String> labels = new LinkedHashMap<>();
            JsonNode labelsNode = selector.path("matchLabels");
            if (!isAbsent(labelsNode)) {
                requireMapping(labelsNode, "matchLabels");
                readStringMap(labelsNode, labels, "matchLabels");
            }
            List<Requirement> requirements = new ArrayList<>();
            JsonNode expressionsNode = selector.path("matchExpressions");
            if (!isAbsent(expressionsNode)) {
                if (!expressionsNode.isArray()) {
                    throw new InvalidSelector("matchExpressions is not a list");
                }
                for (int i = 0; i < expressionsNode.size(); i++) {
                    requirements.add(Requirement.parse(expressionsNode.get(i), "matchExpressions[" + i + "]"));
                }
            }
            if (labels.isEmpty() && requirements.isEmpty()) {
                return emptySelectsEverything ? EVERYTHING : NOTHING;
            }
            return new LabelSelector(Collections.unmodifiableMap(labels), List.copyOf(requirements), false, null);
        } catch (InvalidSelector invalid) {
            return invalid(invalid.getMessage());
        }
    }

    /** Reads a Service's {@code spec.selector} map; missing or empty selects nothing. */
    public static LabelSelector parseServiceSelector(JsonNode selector) {
        if (isAbsent(selector)) {
            return NOTHING;
        }
        try {
            requireMapping(selector, "selector");
            Map<String, String> labels = new LinkedHashMap<>();
            readStringMap(selector, labels, "selector");
            return labels.isEmpty() ? NOTHING
                    : new LabelSelector(Collections.unmodifiableMap(labels), List.of(), false, null);
        } catch (InvalidSelector invalid) {
            return invalid(invalid.getMessage());
        }
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private static void requireMapping(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new InvalidSelector(what + " is not a mapping");
        }
    }

    /** Selector from plain label equalities (empty map selects everything). */
    public static LabelSelector ofLabels(Map<String, String> labels) {
        return new LabelSelector(Collections.unmodifiableMap(new LinkedHashMap<>(labels)), List.of(), false, null);
    }

    /**
     * Label values are strings in Kubernetes; a YAML scalar such as {@code 1} or {@code true} is read as its text
     * (which is how it reads when quoted).
     */
    private static void readStringMap(JsonNode node, Map<String, String> into, String what) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            into.put(entry.getKey(), scalarText(entry.getValue(), what + " value of " + entry.getKey()));
        }
    }

    private static String scalarText(JsonNode value, String what) {
        if (!value.isValueNode() || value.isNull()) {
            throw new InvalidSelector(what + " is not a string");
        }
        return value.asText();
    }

    /** Raised while parsing only; turned into an invalid selector that selects nothing. */
    private static final class InvalidSelector extends RuntimeException {
        InvalidSelector(String message) {
            super(message, null, false, false);
        }
    }

    public boolean matches(Map<String, String> labels) {
        if (selectsNothing) {
            return false;
        }
        for (Map.Entry<String, String> required : matchLabels.entrySet()) {
            if (!required.getValue().equals(labels.get(required.getKey()))) {
                return false;
            }
        }
        for (Requirement requirement : expressions) {
            if (!requirement.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** The {@code key: value} equalities every selected label set must have (used to pick index posting lists). */
    public Map<String, String> matchLabels() {
        return matchLabels;
    }

    public List<Requirement> expressions() {
        return expressions;
    }

    public boolean selectsNothing() {
        return selectsNothing;
    }

    public boolean selectsEverything() {
        return !selectsNothing && matchLabels.isEmpty() && expressions.isEmpty();
    }

    /** Why the API server would reject this selector, when it would. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public String toString() {
        if (selectsNothing) {
            return problem == null ? "<nothing>" : "<invalid: " + problem + ">";
        }
        if (selectsEverything()) {
            return "<everything>";
        }
        List<String> parts = new ArrayList<>();
        matchLabels.forEach((k, v) -> parts.add(k + "=" + v));
        expressions.forEach(e -> parts.add(e.toString()));
        return String.join(",", parts);
    }

    public enum Operator { In, NotIn, Exists, DoesNotExist }

    /** One {@code matchExpressions} entry. */
    public record Requirement(String key, Operator operator, Set<String> values) {
        public Requirement {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        public boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case In -> value != null && values.contains(value);
                case NotIn -> value == null || !values.contains(value);
                case Exists -> value != null;
                case DoesNotExist -> value == null;
            };
        }

        static Requirement parse(JsonNode node, String where) {
            requireMapping(node, where);
            JsonNode keyNode = node.path("key");
            if (!keyNode.isTextual() || keyNode.asText().isEmpty()) {
                throw new InvalidSelector(where + " has no key");
            }
            String operatorText = node.path("operator").asText("");
            Operator operator = Arrays.stream(Operator.values())
                    .filter(candidate -> candidate.name().equals(operatorText))
                    .findFirst()
                    .orElseThrow(() -> new InvalidSelector(where + " has unknown operator \"" + operatorText + "\""));
            Set<String> values = new LinkedHashSet<>();
            JsonNode valuesNode = node.path("values");
            if (valuesNode.isArray()) {
                for (JsonNode value : valuesNode) {
                    values.add(scalarText(value, where + " value"));
                }
            } else if (!isAbsent(valuesNode)) {
                throw new InvalidSelector(where + " values is not a list");
            }
            boolean needsValues = operator == Operator.In || operator == Operator.NotIn;
            if (needsValues && values.isEmpty()) {
                throw new InvalidSelector(where + " uses " + operator + " without values");
            }
            if (!needsValues && !values.isEmpty()) {
                throw new InvalidSelector(where + " uses " + operator + " with values");
            }
            return new Requirement(keyNode.asText(), operator, values);
        }

        @Override
        public String toString() {
            return switch (operator) {
                case In -> key + " in (" + String.join(",", values) + ")";
                case NotIn -> key + " notin (" + String.join(",", values) + ")";
                case Exists -> key;
                case DoesNotExist -> "!" + key;
            };
        }
    }
}

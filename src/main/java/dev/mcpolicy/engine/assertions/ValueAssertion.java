package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpolicy.engine.MessageLists;
import dev.mcpolicy.engine.Assertion;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.MechanismRegistry;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.ValueKind;
import dev.mcpolicy.engine.Values;
import dev.mcpolicy.engine.Violation;
import dev.mcpolicy.graph.Workload;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code value}: one field at {@code path} (relative to the target, or to the workload's pod spec with
 * {@code from: pod-spec}), checked the way its consumer reads it: {@code type} is the YAML type the Kubernetes API
 * accepts (anything else is rejected), {@code as} how the value is parsed, {@code default} what applies when it is
 * unset, and {@code min}/{@code max}/{@code equals}/{@code oneOf} the policy.
 * {@code annotation}: the same on {@code metadata.annotations[key]}, whose values Kubernetes requires to be strings;
 * {@code alternativeKeys} are other spellings of the same setting (another vendor's prefix): the first key present
 * is checked. {@code listItem} reads one {@code name=value} item of a comma-separated list (ALB's
 * {@code load-balancer-attributes}); a missing item is unset. {@code unlimited} lists values that mean "no limit"
 * ({@code "0s"}, {@code infinity}) and satisfy any bound.
 */
public final class ValueAssertion implements Assertion {
    public static final String MISSING = "missing";
    public static final String WRONG_TYPE = "wrong-type";
    public static final String INVALID = "invalid";
    public static final String TOO_LOW = "too-low";
    public static final String TOO_HIGH = "too-high";
    public static final String NOT_EQUAL = "not-equal";
    public static final String NOT_ONE_OF = "not-one-of";

    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "any");

    private final boolean annotation;

    private ValueAssertion(boolean annotation) {
        this.annotation = annotation;
    }

    public static ValueAssertion value() {
        return new ValueAssertion(false);
    }

    public static ValueAssertion annotation() {
        return new ValueAssertion(true);
    }

    @Override
    public String name() {
        return annotation ? "annotation" : "value";
    }

    @Override
    public Set<String> messageKinds() {
        return Set.of(MISSING, WRONG_TYPE, INVALID, TOO_LOW, TOO_HIGH, NOT_EQUAL, NOT_ONE_OF);
    }

    @Override
    public Optional<String> defaultMessage(String kind) {
        return switch (kind) {
            case WRONG_TYPE -> Optional.of("{object} sets {key} to a YAML {actualType} ({written}), but Kubernetes only "
                    + "accepts a {expectedType} there and rejects the manifest; {typeFix}.");
            case INVALID -> Optional.of("{object} sets {key} to \"{written}\", which is not {accepted}; write a valid value.");
            default -> Optional.empty();
        };
    }

    @Override
    public Set<String> placeholders(JsonNode config, MechanismRegistry registry) {
        return Set.of("key", "path", "actual", "written", "default", "defaultNote", "min", "max", "equals", "oneOf",
                "actualType", "expectedType", "typeFix", "accepted", "item");
    }

    @Override
    public List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                                 Map<String, RuleDefinition.Parameter> parameters,
                                                 MechanismRegistry registry) {
        ConfigCheck check = new ConfigCheck(pointer, parameters);
        if (annotation) {
            if (!config.has("key")) {
                check.problem(null, "an annotation assertion needs key");
            }
            if (config.has("path") || config.has("from")) {
                check.problem(config.has("path") ? "path" : "from", "an annotation assertion takes key, not path or from");
            }
            if (config.has("type") && !config.path("type").asText().equals("string")) {
                check.problem("type", "annotation values are always strings in Kubernetes");
            }
            if (selector.yieldsValuesDocuments()) {
                check.problem(null, "values documents have no annotations");
            }
        } else if (!config.has("path")) {
            check.problem(null, "a value assertion needs path (a JSON pointer such as /spec/replicas)");
        }
        if (!annotation && config.has("alternativeKeys")) {
            check.problem("alternativeKeys", "alternativeKeys are other annotation keys; a value assertion has a path");
        }
        if ("pod-spec".equals(config.path("from").asText()) && !selector.yieldsWorkloads()) {
            check.problem("from", "from: pod-spec needs a target that yields workloads, not " + selector.name());
        }
        if (config.has("type") && !TYPES.contains(config.path("type").asText())) {
            check.problem("type", "must be string, integer, number, boolean or any");
        }
        ValueKind kind = kind(config);
        boolean bounded = config.has("min") || config.has("max");
        if (bounded && !kind.numeric()) {
            check.problem("as", "min and max need a numeric 'as' (number, integer, seconds or duration)");
        }
        for (String bound : List.of("min", "max")) {
            if (!config.has(bound)) {
                continue;
            }
            Optional<RuleDefinition.Parameter> reference = check.reference(config.get(bound));
            if (reference.isPresent() && !dev.mcpolicy.rules.ParameterTypes.isNumeric(reference.get().type())) {
                check.problem(bound, "parameter " + reference.get().name() + " is a " + reference.get().type()
                        + "; " + bound + " needs a number");
            } else if (kind.numeric() && kind.boundKind().read(check.resolved(config.get(bound))).isEmpty()) {
                check.problem(bound, "must be a number or ${param}");
            }
        }
        for (String field : List.of("default", "equals")) {
            if (config.has(field) && kind.read(check.resolved(config.get(field))).isEmpty()) {
                check.problem(field, "'" + Values.text(config.get(field)) + "' is not " + kind.description()
                        + " (as: " + kind.id() + ")");
            }
        }
        JsonNode oneOf = config.path("oneOf");
        for (int i = 0; i < oneOf.size(); i++) {
            if (kind.read(check.resolved(oneOf.get(i))).isEmpty()) {
                check.problem("oneOf/" + i, "is not " + kind.description() + " (as: " + kind.id() + ")");
            }
        }
        JsonNode unlimited = config.path("unlimited");
        if (config.has("unlimited") && !bounded) {
            check.problem("unlimited", "unlimited values only matter with min or max");
        }
        for (int i = 0; i < unlimited.size(); i++) {
            if (!unlimited.get(i).isValueNode()) {
                check.problem("unlimited/" + i, "must be a string or a number");
            }
        }
        boolean constrained = bounded || config.has("equals") || config.has("oneOf") || config.path("required").asBoolean(false);
        if (!constrained) {
            check.problem(null, "needs at least one of min, max, equals, oneOf or required: true");
        }
        return check.problems();
    }

    @Override
    public List<Violation> check(Target target, JsonNode config, EvaluationContext context) {
        ValueKind kind = kind(config);
        String expectedType = config.path("type").asText(annotation ? "string" : "any");
        boolean ignoreCase = config.path("ignoreCase").asBoolean(false);
        String key = annotation ? presentKey(target.node(), config) : null;
        String relative = annotation
                ? "/metadata/annotations/" + JsonPointers.escape(key)
                : config.path("path").asText();
        String basePointer = target.pointer();
        JsonNode base = target.node();
        if ("pod-spec".equals(config.path("from").asText())) {
            Workload workload = target.workload();
            if (workload == null) {
                return List.of();
            }
            basePointer = workload.object().pointer(workload.podSpecPointer());
            base = workload.podSpec();
        }
        String pointer = basePointer + relative;
        JsonNode node = base.at(relative);
        String item = config.path("listItem").asText("");
        if (!item.isEmpty()) {
            node = listItem(node, item);
        }

        Map<String, String> facts = new HashMap<>();
        facts.put("key", annotation ? key : relative);
        facts.put("item", item);
        facts.put("path", relative);
        facts.put("expectedType", expectedType);
        facts.put("accepted", kind.description());
        facts.put("default", config.has("default") ? Values.text(config.get("default")) : "none");
        facts.put("min", config.has("min") ? Values.text(config.get("min")) : "");
        facts.put("max", config.has("max") ? Values.text(config.get("max")) : "");
        facts.put("equals", config.has("equals") ? Values.text(config.get("equals")) : "");
        facts.put("oneOf", oneOfText(config.path("oneOf")));
        facts.put("defaultNote", "");

        Object actual;
        boolean unset = node.isMissingNode() || node.isNull();
        if (unset) {
            facts.put("written", "unset");
            facts.put("actualType", "nothing");
            if (!config.has("default")) {
                boolean required = config.path("required").asBoolean(true);
                facts.put("actual", "unset");
                return required ? List.of(Violation.of(MISSING, pointer, facts)) : List.of();
            }
            actual = kind.read(config.get("default")).orElseThrow();
            facts.put("defaultNote", " (not set, so the default " + ValueKind.text(actual) + " applies)");
        } else {
            facts.put("written", Values.text(node));
            facts.put("actualType", Values.yamlType(node));
            if (!acceptsType(expectedType, node)) {
                facts.put("actual", Values.text(node));
                facts.put("typeFix", typeFix(expectedType, node));
                return List.of(Violation.of(WRONG_TYPE, pointer, facts));
            }
            for (JsonNode value : config.path("unlimited")) {
                if (Values.text(node).equalsIgnoreCase(Values.text(value))) {
                    return List.of();
                }
            }
            Optional<Object> read = kind.read(node);
            if (read.isEmpty()) {
                facts.put("actual", Values.text(node));
                return List.of(Violation.of(INVALID, pointer, facts));
            }
            actual = read.get();
        }
        facts.put("actual", ValueKind.text(actual));
        if (isUnlimited(kind, unset ? config.get("default") : node, actual, config.path("unlimited"))) {
            return List.of();
        }
        String failure = compare(kind, actual, config, ignoreCase);
        return failure == null ? List.of() : List.of(Violation.of(failure, pointer, facts));
    }

    /** The annotation key to read: {@code key}, else the first of {@code alternativeKeys} the object sets. */
    private static String presentKey(JsonNode object, JsonNode config) {
        String key = config.path("key").asText();
        JsonNode annotations = object.path("metadata").path("annotations");
        if (annotations.has(key)) {
            return key;
        }
        for (JsonNode alternative : config.path("alternativeKeys")) {
            if (annotations.has(alternative.asText())) {
                return alternative.asText();
            }
        }
        return key;
    }

    /** The value of {@code name=value} in a comma-separated list; missing when the list lacks it or is no text. */
    private static JsonNode listItem(JsonNode list, String name) {
        if (!list.isTextual()) {
            return list.isMissingNode() || list.isNull() ? list : MissingNode.getInstance();
        }
        for (String entry : list.asText().split(",")) {
            int equals = entry.indexOf('=');
            if (equals > 0 && entry.substring(0, equals).trim().equals(name)) {
                return TextNode.valueOf(entry.substring(equals + 1).trim());
            }
        }
        return MissingNode.getInstance();
    }

    private static boolean isUnlimited(ValueKind kind, JsonNode written, Object actual, JsonNode unlimited) {
        for (JsonNode value : unlimited) {
            if (written != null && written.isValueNode() && Values.text(written).equalsIgnoreCase(Values.text(value))) {
                return true;
            }
            Optional<Object> read = kind.read(value);
            if (read.isPresent() && ValueKind.same(actual, read.get(), true)) {
                return true;
            }
        }
        return false;
    }

    private static String compare(ValueKind kind, Object actual, JsonNode config, boolean ignoreCase) {
        if (config.has("min") && actual instanceof BigDecimal number
                && number.compareTo((BigDecimal) kind.boundKind().read(config.get("min")).orElseThrow()) < 0) {
            return TOO_LOW;
        }
        if (config.has("max") && actual instanceof BigDecimal number
                && number.compareTo((BigDecimal) kind.boundKind().read(config.get("max")).orElseThrow()) > 0) {
            return TOO_HIGH;
        }
        if (config.has("equals") && !ValueKind.same(actual, kind.read(config.get("equals")).orElseThrow(), ignoreCase)) {
            return NOT_EQUAL;
        }
        if (config.has("oneOf")) {
            for (JsonNode option : config.get("oneOf")) {
                if (ValueKind.same(actual, kind.read(option).orElseThrow(), ignoreCase)) {
                    return null;
                }
            }
            return NOT_ONE_OF;
        }
        return null;
    }

    private static ValueKind kind(JsonNode config) {
        if (config.has("as")) {
            return ValueKind.byId(config.path("as").asText()).orElse(ValueKind.STRING);
        }
        return config.has("min") || config.has("max") ? ValueKind.NUMBER : ValueKind.STRING;
    }

    private static boolean acceptsType(String expected, JsonNode node) {
        return switch (expected) {
            case "string" -> node.isTextual();
            case "integer" -> node.isIntegralNumber();
            case "number" -> node.isNumber();
            case "boolean" -> node.isBoolean();
            default -> true;
        };
    }

    private static String typeFix(String expected, JsonNode node) {
        if (expected.equals("string")) {
            return node.isBoolean()
                    ? "quote the value (unquoted on/off/yes/no/true/false are YAML booleans)"
                    : "quote the value";
        }
        if ((expected.equals("integer") || expected.equals("number")) && node.isTextual()) {
            return "write the number without quotes";
        }
        if (expected.equals("boolean") && node.isTextual()) {
            return "write true or false without quotes";
        }
        return "write a " + expected;
    }

    private static String oneOfText(JsonNode options) {
        List<String> texts = new ArrayList<>();
        options.forEach(option -> texts.add(Values.text(option)));
        return MessageLists.join(texts, 6);
    }
}

package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.ConfigProblems;
import dev.mcpolicy.engine.mechanism.Descriptions;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.ValueKind;
import dev.mcpolicy.engine.mechanism.Values;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.engine.mechanism.MessageLists;
import dev.mcpolicy.graph.Workload;
import dev.mcpolicy.manifest.JsonPointers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
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
public final class ValueAssertion implements Assertion<ValueAssertion.Config> {
    public static final String MISSING = "missing";
    public static final String WRONG_TYPE = "wrong-type";
    public static final String INVALID = "invalid";
    public static final String TOO_LOW = "too-low";
    public static final String TOO_HIGH = "too-high";
    public static final String NOT_EQUAL = "not-equal";
    public static final String NOT_ONE_OF = "not-one-of";

    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "any");

    private final boolean annotation;

    public record Config(
            @JsonPropertyDescription("value: JSON pointer of the field (/spec/replicas)") String path,
            @JsonPropertyDescription("annotation: the annotation key") String key,
            @JsonPropertyDescription("annotation: other spellings of the key, tried in order when key is absent") List<String> alternativeKeys,
            @JsonPropertyDescription("read the name=value item of this name in a comma-separated list") String listItem,
            @JsonPropertyDescription("values that mean no limit and satisfy any bound (\"0s\", infinity)") List<JsonNode> unlimited,
            @JsonPropertyDescription("value: object (default) or pod-spec, what path is relative to") String from,
            @JsonPropertyDescription("how the value is read, see Value kinds (default: number when bounded, else string)") String as,
            @JsonPropertyDescription("the YAML type Kubernetes accepts there: string, integer, number, boolean, any") String type,
            @JsonProperty("default") @JsonPropertyDescription("what applies when the field is unset") JsonNode defaultValue,
            @JsonPropertyDescription("whether an unset field without a default is a violation (default true)") Boolean required,
            @JsonPropertyDescription("the lowest acceptable value (numeric as)") JsonNode min,
            @JsonPropertyDescription("the highest acceptable value (numeric as)") JsonNode max,
            @JsonPropertyDescription("the one acceptable value") JsonNode equals,
            @JsonPropertyDescription("the acceptable values") List<JsonNode> oneOf,
            @JsonPropertyDescription("compare strings ignoring case") Boolean ignoreCase) {
        public Config {
            alternativeKeys = alternativeKeys == null ? List.of() : List.copyOf(alternativeKeys);
            unlimited = unlimited == null ? List.of() : List.copyOf(unlimited);
            oneOf = oneOf == null ? null : List.copyOf(oneOf);
        }

        /** How the value is read: {@code as}, else a number when bounded, else a string. */
        ValueKind kind() {
            if (as != null) {
                return ValueKind.byId(as).orElse(ValueKind.STRING);
            }
            return min != null || max != null ? ValueKind.NUMBER : ValueKind.STRING;
        }

        boolean podSpec() {
            return "pod-spec".equals(from);
        }

        boolean bounded() {
            return min != null || max != null;
        }
    }

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
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Set<TargetKind> accepts() {
        return annotation ? EnumSet.complementOf(EnumSet.of(TargetKind.VALUES_DOCUMENT)) : EnumSet.allOf(TargetKind.class);
    }

    @Override
    public Map<String, String> violationKinds() {
        return Descriptions.of(
                MISSING, "the field is unset and has no default (unless required: false)",
                WRONG_TYPE, "the YAML type is not the one Kubernetes accepts there (type)",
                INVALID, "the consumer cannot read the value (as)",
                TOO_LOW, "below min",
                TOO_HIGH, "above max",
                NOT_EQUAL, "not equals",
                NOT_ONE_OF, "none of oneOf");
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
    public Map<String, String> placeholders() {
        return Descriptions.of(
                "key", annotation ? "the annotation key read" : "the path read",
                "path", "the relative pointer read",
                "item", "the listItem name, else empty",
                "actual", "the value as read (or \"unset\")",
                "written", "the value as written (or \"unset\")",
                "default", "the default, or \"none\"",
                "defaultNote", "\" (not set, so the default … applies)\" when the default was used, else empty",
                "min", "min as written", "max", "max as written", "equals", "equals as written",
                "oneOf", "the oneOf values, comma-separated",
                "actualType", "the YAML type written (string, integer, …, nothing)",
                "expectedType", "the YAML type expected",
                "typeFix", "how to write the expected type (quote it, …)",
                "accepted", "what the consumer accepts, in words");
    }

    @Override
    public MechanismDoc doc() {
        return annotation
                ? new MechanismDoc("One annotation, read the way its consumer reads it (Kubernetes requires the value"
                + " to be a string): `key` (with `alternativeKeys` tried in order), `listItem` for one `name=value`"
                + " item of a comma-separated list, `as` how it is parsed, `default` when unset, `unlimited` values"
                + " that satisfy any bound, and the policy: `min`, `max`, `equals`, `oneOf` or `required`.",
                "assert:\n  annotation:\n    key: nginx.ingress.kubernetes.io/proxy-read-timeout\n    as: seconds\n"
                        + "    default: 60\n    min: ${minSeconds}")
                : new MechanismDoc("One field at `path` (relative to the target, or to the workload's pod spec with"
                + " `from: pod-spec`), read the way its consumer reads it: `type` is the YAML type the Kubernetes"
                + " API accepts, `as` how the value is parsed, `default` what applies when unset, and the policy:"
                + " `min`, `max`, `equals`, `oneOf` (with `ignoreCase`) or `required`.",
                "target: mcp-servers\nassert:\n  value:\n    path: /terminationGracePeriodSeconds\n    from: pod-spec\n    type: integer\n"
                        + "    as: integer\n    default: 30\n    min: ${minSeconds}");
    }

    @Override
    public void validate(Config config, TargetKind target, ConfigProblems problems) {
        if (annotation) {
            if (config.key() == null) {
                problems.add(null, "an annotation assertion needs key");
            }
            if (config.path() != null || config.from() != null) {
                problems.add(config.path() != null ? "path" : "from", "an annotation assertion takes key, not path or from");
            }
            if (config.type() != null && !config.type().equals("string")) {
                problems.add("type", "annotation values are always strings in Kubernetes");
            }
        } else if (config.path() == null) {
            problems.add(null, "a value assertion needs path (a JSON pointer such as /spec/replicas)");
        }
        if (!annotation && !config.alternativeKeys().isEmpty()) {
            problems.add("alternativeKeys", "alternativeKeys are other annotation keys; a value assertion has a path");
        }
        if (config.podSpec() && !target.carriesWorkload()) {
            problems.add("from", "from: pod-spec needs a target that yields workloads");
        }
        if (config.type() != null && !TYPES.contains(config.type())) {
            problems.add("type", "must be string, integer, number, boolean or any");
        }
        ValueKind kind = config.kind();
        if (config.bounded() && !kind.numeric()) {
            problems.add("as", "min and max need a numeric 'as' (number, integer, seconds or duration)");
        }
        for (String bound : List.of("min", "max")) {
            JsonNode value = bound.equals("min") ? config.min() : config.max();
            if (value != null && kind.numeric() && kind.boundKind().read(value).isEmpty()) {
                problems.add(bound, "must be a number or ${param}");
            }
        }
        if (config.defaultValue() != null && kind.read(config.defaultValue()).isEmpty()) {
            problems.add("default", "'" + Values.text(config.defaultValue()) + "' is not " + kind.description()
                    + " (as: " + kind.id() + ")");
        }
        if (config.equals() != null && kind.read(config.equals()).isEmpty()) {
            problems.add("equals", "'" + Values.text(config.equals()) + "' is not " + kind.description()
                    + " (as: " + kind.id() + ")");
        }
        List<JsonNode> oneOf = config.oneOf() == null ? List.of() : config.oneOf();
        for (int i = 0; i < oneOf.size(); i++) {
            if (kind.read(oneOf.get(i)).isEmpty()) {
                problems.add("oneOf/" + i, "is not " + kind.description() + " (as: " + kind.id() + ")");
            }
        }
        if (!config.unlimited().isEmpty() && !config.bounded()) {
            problems.add("unlimited", "unlimited values only matter with min or max");
        }
        for (int i = 0; i < config.unlimited().size(); i++) {
            if (!config.unlimited().get(i).isValueNode()) {
                problems.add("unlimited/" + i, "must be a string or a number");
            }
        }
        boolean constrained = config.bounded() || config.equals() != null || config.oneOf() != null
                || Boolean.TRUE.equals(config.required());
        if (!constrained) {
            problems.add(null, "needs at least one of min, max, equals, oneOf or required: true");
        }
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
        ValueKind kind = config.kind();
        String expectedType = config.type() != null ? config.type() : annotation ? "string" : "any";
        boolean ignoreCase = Boolean.TRUE.equals(config.ignoreCase());
        String key = annotation ? presentKey(target.node(), config) : null;
        String relative = annotation ? "/metadata/annotations/" + JsonPointers.escape(key) : config.path();
        String basePointer = target.pointer();
        JsonNode base = target.node();
        if (config.podSpec()) {
            Workload workload = target.workload();
            if (workload == null) {
                return List.of();
            }
            basePointer = workload.object().pointer(workload.podSpecPointer());
            base = workload.podSpec();
        }
        String pointer = basePointer + relative;
        JsonNode node = base.at(relative);
        String item = config.listItem() == null ? "" : config.listItem();
        if (!item.isEmpty()) {
            node = listItem(node, item);
        }

        Map<String, String> facts = new HashMap<>();
        facts.put("key", annotation ? key : relative);
        facts.put("item", item);
        facts.put("path", relative);
        facts.put("expectedType", expectedType);
        facts.put("accepted", kind.description());
        facts.put("default", config.defaultValue() != null ? Values.text(config.defaultValue()) : "none");
        facts.put("min", config.min() != null ? Values.text(config.min()) : "");
        facts.put("max", config.max() != null ? Values.text(config.max()) : "");
        facts.put("equals", config.equals() != null ? Values.text(config.equals()) : "");
        facts.put("oneOf", oneOfText(config.oneOf()));
        facts.put("defaultNote", "");

        Object actual;
        boolean unset = node.isMissingNode() || node.isNull();
        if (unset) {
            facts.put("written", "unset");
            facts.put("actualType", "nothing");
            if (config.defaultValue() == null) {
                boolean required = !Boolean.FALSE.equals(config.required());
                facts.put("actual", "unset");
                return required ? List.of(Violation.of(MISSING, pointer, facts)) : List.of();
            }
            actual = kind.read(config.defaultValue()).orElseThrow();
            facts.put("defaultNote", " (not set, so the default " + ValueKind.text(actual) + " applies)");
        } else if (!Values.finite(node)) {
            return List.of(); // .inf or .nan: the loader already reports the value Kubernetes cannot read, at its line
        } else {
            facts.put("written", Values.text(node));
            facts.put("actualType", Values.yamlType(node));
            if (!acceptsType(expectedType, node)) {
                facts.put("actual", Values.text(node));
                facts.put("typeFix", typeFix(expectedType, node));
                return List.of(Violation.of(WRONG_TYPE, pointer, facts));
            }
            for (JsonNode value : config.unlimited()) {
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
        if (isUnlimited(kind, unset ? config.defaultValue() : node, actual, config.unlimited())) {
            return List.of();
        }
        String failure = compare(kind, actual, config, ignoreCase);
        return failure == null ? List.of() : List.of(Violation.of(failure, pointer, facts));
    }

    /** The annotation key to read: {@code key}, else the first of {@code alternativeKeys} the object sets. */
    private static String presentKey(JsonNode object, Config config) {
        String key = config.key();
        JsonNode annotations = object.path("metadata").path("annotations");
        if (annotations.has(key)) {
            return key;
        }
        for (String alternative : config.alternativeKeys()) {
            if (annotations.has(alternative)) {
                return alternative;
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

    private static boolean isUnlimited(ValueKind kind, JsonNode written, Object actual, List<JsonNode> unlimited) {
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

    private static String compare(ValueKind kind, Object actual, Config config, boolean ignoreCase) {
        if (config.min() != null && actual instanceof BigDecimal number
                && number.compareTo((BigDecimal) kind.boundKind().read(config.min()).orElseThrow()) < 0) {
            return TOO_LOW;
        }
        if (config.max() != null && actual instanceof BigDecimal number
                && number.compareTo((BigDecimal) kind.boundKind().read(config.max()).orElseThrow()) > 0) {
            return TOO_HIGH;
        }
        if (config.equals() != null && !ValueKind.same(actual, kind.read(config.equals()).orElseThrow(), ignoreCase)) {
            return NOT_EQUAL;
        }
        if (config.oneOf() != null) {
            for (JsonNode option : config.oneOf()) {
                if (ValueKind.same(actual, kind.read(option).orElseThrow(), ignoreCase)) {
                    return null;
                }
            }
            return NOT_ONE_OF;
        }
        return null;
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

    private static String oneOfText(List<JsonNode> options) {
        if (options == null) {
            return "";
        }
        List<String> texts = new ArrayList<>();
        options.forEach(option -> texts.add(Values.text(option)));
        return MessageLists.join(texts, 6);
    }
}

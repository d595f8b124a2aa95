package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.Assertion;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.MechanismRegistry;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Values;
import dev.mcpolicy.engine.Violation;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.secrets.SecretHit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code secret-data}: a core Secret rendered with literal content in {@code data} or {@code stringData}: whatever the
 * chart renders into a Secret was written in the chart, its values or the command line. Not counted: empty values and
 * fill-in markers, keys that hold no credential (flags, numbers, user names, URLs without a password: the scanner's
 * {@code classifySecretEntry} decides), Secret types listed in {@code exemptTypes}, and values that a values document
 * of the run holds as a literal secret the scanner reports (the values file is where that one is reported and fixed).
 * One violation per Secret, on {@code stringData} or {@code data}; it names keys, never values.
 * Placeholders: {@code keys}, {@code keyCount}, {@code secretType}.
 */
public final class SecretDataAssertion implements Assertion {
    private static final int MAX_NAMED_KEYS = 3;
    /** Shorter values-file literals are not looked for inside composed values (a dockerconfigjson, a URL). */
    private static final int MIN_CONTAINED_LENGTH = 6;

    @Override
    public String name() {
        return "secret-data";
    }

    @Override
    public Set<String> messageKinds() {
        return Set.of();
    }

    @Override
    public Set<String> placeholders(JsonNode config, MechanismRegistry registry) {
        return Set.of("keys", "keyCount", "secretType");
    }

    @Override
    public List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                                 Map<String, RuleDefinition.Parameter> parameters,
                                                 MechanismRegistry registry) {
        ConfigCheck check = new ConfigCheck(pointer, parameters);
        if (selector.yieldsContainers() || selector.yieldsValuesDocuments()) {
            check.problem(null, "secret-data needs an object target (objects with where: {kind: Secret}), not "
                    + selector.name());
        }
        config.fieldNames().forEachRemaining(field -> {
            if (!field.equals("exemptTypes")) {
                check.problem(field, "unknown option; secret-data has exemptTypes");
            }
        });
        JsonNode exempt = check.resolved(config.path("exemptTypes"));
        if (!exempt.isMissingNode() && !exempt.isArray()) {
            check.problem("exemptTypes", "must be a list of Secret types");
        }
        return check.problems();
    }

    @Override
    public List<Violation> check(Target target, JsonNode config, EvaluationContext context) {
        if (target.object() == null || !target.object().kind().equals("Secret")
                || !target.object().apiVersion().equals("v1")) {
            return List.of();
        }
        String type = target.node().path("type").asText("Opaque");
        for (JsonNode exempt : config.path("exemptTypes")) {
            if (exempt.asText().equals(type)) {
                return List.of();
            }
        }
        Set<String> reportedInValues = literalsReportedInValues(context);
        List<String> keys = new ArrayList<>();
        String field = null;
        for (String candidate : List.of("stringData", "data")) {
            JsonNode entries = target.node().path(candidate);
            if (!entries.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> entry : entries.properties()) {
                String value = plain(candidate, entry.getValue());
                String pointer = target.object().pointer("/" + candidate + "/" + JsonPointers.escape(entry.getKey()));
                if (value != null && !alreadyReported(value, reportedInValues) && context.secretScanner()
                        .classifySecretEntry(pointer, entry.getKey(), value).isPresent()) {
                    keys.add(entry.getKey());
                    field = field == null ? candidate : field;
                }
            }
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        String named = String.join(", ", keys.subList(0, Math.min(MAX_NAMED_KEYS, keys.size())))
                + (keys.size() > MAX_NAMED_KEYS ? " and " + (keys.size() - MAX_NAMED_KEYS) + " more" : "");
        return List.of(new Violation(Violation.DEFAULT, target.object().pointer("/" + field),
                Map.of("keys", named, "keyCount", Integer.toString(keys.size()), "secretType", type),
                Map.of("secretKeys", String.join(",", keys)), List.of()));
    }

    /** The value as the pod will see it: {@code data} decoded from base64 (undecodable text counts as it is). */
    private static String plain(String field, JsonNode node) {
        if (node == null || node.isNull() || !node.isValueNode()) {
            return null;
        }
        String text = Values.text(node);
        if (!field.equals("data")) {
            return text;
        }
        try {
            return new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return text;
        }
    }

    private static boolean alreadyReported(String value, Set<String> reportedInValues) {
        if (reportedInValues.contains(value)) {
            return true;
        }
        for (String literal : reportedInValues) {
            if (literal.length() >= MIN_CONTAINED_LENGTH && value.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> literalsReportedInValues(EvaluationContext context) {
        return context.memo("literal-secrets-in-values", () -> {
            Set<String> literals = new HashSet<>();
            for (ManifestDocument document : context.valuesDocuments()) {
                for (SecretHit hit : context.secretScanner().scanValues(document.content())) {
                    JsonNode value = document.content().at(hit.pointer());
                    if (value.isValueNode()) {
                        literals.add(Values.text(value));
                    }
                }
            }
            return literals;
        });
    }
}

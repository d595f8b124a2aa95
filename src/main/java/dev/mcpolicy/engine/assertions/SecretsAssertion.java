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
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.secrets.SecretHit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code secrets}: literal secrets found by the scanner, in a values document ({@code scan: values}), in a
 * container's {@code env[].value} literals ({@code scan: env}) or in a ConfigMap's {@code data} ({@code scan: config-map}). Messages get {@code key}, {@code secretKind} and
 * {@code reason} — never the value.
 */
public final class SecretsAssertion implements Assertion {

    @Override
    public String name() {
        return "secrets";
    }

    @Override
    public Set<String> messageKinds() {
        return Set.of();
    }

    @Override
    public Set<String> placeholders(JsonNode config, MechanismRegistry registry) {
        return Set.of("key", "secretKind", "reason");
    }

    @Override
    public List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                                 Map<String, RuleDefinition.Parameter> parameters,
                                                 MechanismRegistry registry) {
        ConfigCheck check = new ConfigCheck(pointer, parameters);
        String scan = config.path("scan").asText();
        if (scan.equals("values") && !selector.yieldsValuesDocuments()) {
            check.problem("scan", "scan: values needs target values-documents, not " + selector.name());
        }
        if (scan.equals("config-map") && (selector.yieldsContainers() || selector.yieldsValuesDocuments())) {
            check.problem("scan", "scan: config-map needs an object target (objects with where: {kind: ConfigMap}), not "
                    + selector.name());
        }
        if (scan.equals("env") && !selector.yieldsContainers()) {
            check.problem("scan", "scan: env needs a container target (containers or mcp-server-containers), not "
                    + selector.name());
        }
        return check.problems();
    }

    @Override
    public List<Violation> check(Target target, JsonNode config, EvaluationContext context) {
        return switch (config.path("scan").asText()) {
            case "values" -> scanValues(target, context);
            case "config-map" -> scanConfigMap(target, context);
            default -> scanEnv(target, context);
        };
    }

    /**
     * Each {@code data} entry of a core ConfigMap, classified like an env var of that name: ConfigMap keys become env
     * vars through {@code envFrom}, and file-like entries are scanned for credentials embedded in their text.
     */
    private static List<Violation> scanConfigMap(Target target, EvaluationContext context) {
        List<Violation> violations = new ArrayList<>();
        if (target.object() == null || !target.object().kind().equals("ConfigMap")
                || !target.object().apiVersion().equals("v1")) {
            return violations;
        }
        JsonNode data = target.node().path("data");
        if (!data.isObject()) {
            return violations;
        }
        for (Map.Entry<String, JsonNode> entry : data.properties()) {
            if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                continue;
            }
            String pointer = target.pointer() + "/data/" + JsonPointers.escape(entry.getKey());
            context.secretScanner().classifyEnv(pointer, entry.getKey(), Values.text(entry.getValue()))
                    .ifPresent(hit -> violations.add(violation(pointer, entry.getKey(), hit)));
        }
        return violations;
    }

    private static List<Violation> scanValues(Target target, EvaluationContext context) {
        List<Violation> violations = new ArrayList<>();
        for (SecretHit hit : context.secretScanner().scanValues(target.node())) {
            violations.add(violation(target.pointer() + hit.pointer(), Values.dottedPath(hit.pointer()), hit));
        }
        return violations;
    }

    private static List<Violation> scanEnv(Target target, EvaluationContext context) {
        List<Violation> violations = new ArrayList<>();
        JsonNode env = target.node().path("env");
        if (!env.isArray()) {
            return violations;
        }
        for (int i = 0; i < env.size(); i++) {
            JsonNode entry = env.get(i);
            JsonNode value = entry.path("value");
            if (!value.isValueNode() || value.isNull()) {
                continue;
            }
            String name = entry.path("name").asText("");
            String pointer = target.pointer() + "/env/" + i + "/value";
            Optional<SecretHit> hit = context.secretScanner().classifyEnv(pointer, name, Values.text(value));
            hit.ifPresent(h -> violations.add(violation(pointer, name, h)));
        }
        return violations;
    }

    private static Violation violation(String pointer, String key, SecretHit hit) {
        return new Violation(Violation.DEFAULT, pointer,
                Map.of("key", key, "secretKind", hit.kind(), "reason", hit.reason()),
                Map.of("secretKind", hit.kind()), List.of());
    }
}

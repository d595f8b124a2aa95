package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.ConfigProblems;
import dev.mcpolicy.engine.mechanism.Descriptions;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Values;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.secrets.SecretHit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code secrets}: literal secrets found by the scanner, in a values document ({@code scan: values}), in a
 * container's {@code env[].value} literals ({@code scan: env}) or in a ConfigMap's {@code data} ({@code scan: config-map}),
 * never printing the value.
 */
public final class SecretsAssertion implements Assertion<SecretsAssertion.Config> {

    /** @param scan what to scan: values (a values document), env (container env literals), config-map (its data) */
    public record Config(@JsonPropertyDescription("values (a values document), env (container env literals) or config-map (a ConfigMap's data)") String scan) {
    }

    @Override
    public String name() {
        return "secrets";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Set<TargetKind> accepts() {
        return EnumSet.allOf(TargetKind.class);
    }

    @Override
    public Set<TargetKind> accepts(Config config) {
        return switch (String.valueOf(config.scan())) {
            case "values" -> EnumSet.of(TargetKind.VALUES_DOCUMENT);
            case "env" -> EnumSet.of(TargetKind.CONTAINER);
            case "config-map" -> EnumSet.of(TargetKind.OBJECT);
            default -> accepts();
        };
    }

    @Override
    public String subject(Config config) {
        return "scan: " + config.scan();
    }

    @Override
    public String acceptsField() {
        return "scan";
    }

    @Override
    public Map<String, String> violationKinds() {
        return Map.of();
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("key", "the values key (dotted), env var or ConfigMap key holding the secret",
                "secretKind", "what kind of secret it looks like (GitHub token, password, …)",
                "reason", "why it counts as a literal secret");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("Literal secrets the scanner finds in a values document (`scan: values`), in a"
                + " container's `env[].value` literals (`scan: env`) or in a ConfigMap's `data`"
                + " (`scan: config-map`); messages name the key and the kind of secret, never the value.",
                "target: values-documents\nassert:\n  secrets: {scan: values}");
    }

    @Override
    public void validate(Config config, TargetKind target, ConfigProblems problems) {
        if (!Set.of("values", "env", "config-map").contains(String.valueOf(config.scan()))) {
            problems.add("scan", "must be values, env or config-map");
        }
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
        return switch (config.scan()) {
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

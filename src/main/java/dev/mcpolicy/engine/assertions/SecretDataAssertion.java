package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.Descriptions;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Values;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.manifest.JsonPointers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
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
 */
public final class SecretDataAssertion implements Assertion<SecretDataAssertion.Config> {

    /** @param exemptTypes Secret types whose data is not judged (service-account tokens, TLS, …) */
    public record Config(@JsonPropertyDescription("Secret types not judged (kubernetes.io/service-account-token, …)") List<String> exemptTypes) {
        public Config {
            exemptTypes = exemptTypes == null ? List.of() : List.copyOf(exemptTypes);
        }
    }
    private static final int MAX_NAMED_KEYS = 3;
    /** Shorter values-file literals are not looked for inside composed values (a dockerconfigjson, a URL). */
    private static final int MIN_CONTAINED_LENGTH = 6;

    @Override
    public String name() {
        return "secret-data";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Set<TargetKind> accepts() {
        return EnumSet.complementOf(EnumSet.of(TargetKind.CONTAINER, TargetKind.VALUES_DOCUMENT));
    }

    @Override
    public Map<String, String> violationKinds() {
        return Map.of();
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("keys", "the keys with literal values (at most five named)",
                "keyCount", "how many keys", "secretType", "the Secret's type (Opaque when unset)");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("A core Secret rendered with literal content in `data` or `stringData` (empty values,"
                + " fill-in markers and literals a values file of the run already holds as secrets do not count);"
                + " `exemptTypes` lists Secret types not judged. One violation per Secret, naming keys, never values.",
                "target: objects\nwhere: {kind: [Secret]}\nassert:\n"
                        + "  secret-data: {exemptTypes: [kubernetes.io/service-account-token]}");
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
        if (target.object() == null || !target.object().kind().equals("Secret")
                || !target.object().apiVersion().equals("v1")) {
            return List.of();
        }
        String type = target.node().path("type").asText("Opaque");
        if (config.exemptTypes().contains(type)) {
            return List.of();
        }
        Set<String> reportedInValues = context.facts().literalSecretsInValues();
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
}

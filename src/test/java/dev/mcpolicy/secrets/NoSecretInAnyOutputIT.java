package dev.mcpolicy.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mcpolicy.cli.EndToEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar on a render where a seeded random secret of every format the scanner knows sits in every field a
 * message quotes: an image reference, {@code replicas} and a grace period written as strings, a probe's port name, a
 * label of a selector, an annotation value, a backend's Service name, an autoscaler's target, a duplicate key, an
 * {@code !!int} value, a values file. No part of any secret may appear in the text, JSON or SARIF report or on stderr,
 * while the findings that quote those fields are there, masked.
 */
class NoSecretInAnyOutputIT {
    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> QUOTING_RULES = Set.of("replica-count", "termination-grace-period", "probe-port",
            "service-selects-workload", "sse-read-timeout", "hpa-target-exists", "route-backend-exists",
            "image-reference");

    @TempDir
    Path dir;

    /** A secret as planted, and the part of it that must never be printed (what follows a public prefix). */
    private record Planted(String format, String value, String secretPart) {
    }

    private static List<Planted> secrets(Random random) {
        List<Planted> planted = new ArrayList<>();
        FakeTokens.generators().forEach((format, generator) -> {
            String token = generator.make().apply(random);
            planted.add(new Planted(format, token, token));
        });
        String password = FakeTokens.generic(random, 24);
        planted.add(new Planted("url-credentials", "https://deployer:" + password + "@registry.example.com/acme/mcp:1",
                password));
        String labelled = FakeTokens.generic(random, 20);
        planted.add(new Planted("credential-named-label", labelled, labelled));
        return planted;
    }

    @Test
    void noPlantedSecretReachesAnyOutput() throws IOException {
        List<Planted> planted = secrets(new Random(20_261_125L));
        Path render = dir.resolve("render.yaml");
        Path values = dir.resolve("values.yaml");
        Files.writeString(render, render(planted), StandardCharsets.UTF_8);
        Files.writeString(values, values(planted), StandardCharsets.UTF_8);

        Map<String, EndToEnd.Run> runs = new LinkedHashMap<>();
        for (String format : List.of("text", "json", "sarif", "junit", "github", "gitlab", "markdown")) {
            EndToEnd.Run run = EndToEnd.run(EndToEnd.mcpolicy("check", render.toString(), "-f", values.toString(),
                    "--format", format), Map.of("NO_COLOR", "1"));
            assertEquals(2, run.exitCode(), run::describe); // duplicate keys and !!int are input problems
            runs.put(format, run);
        }

        for (Planted secret : planted) {
            for (String window : windows(secret.secretPart())) {
                runs.forEach((format, run) -> {
                    assertFalse(run.stdout().contains(window), () -> secret.format() + " shows in the " + format
                            + " report");
                    assertFalse(run.stderr().contains(window), () -> secret.format() + " shows on stderr");
                });
            }
        }

        JsonNode report = new ObjectMapper().readTree(runs.get("json").stdout());
        Set<String> maskedRules = new TreeSet<>();
        for (JsonNode finding : report.path("findings")) {
            if (finding.path("message").asText().contains(TextMasking.MASK)) {
                maskedRules.add(finding.path("ruleId").asText());
            }
        }
        assertTrue(maskedRules.containsAll(QUOTING_RULES), () -> "findings that quote a planted field, masked: "
                + maskedRules);
        long maskedProblems = 0;
        for (JsonNode problem : report.path("problems")) {
            maskedProblems += problem.path("message").asText().contains(TextMasking.MASK) ? 1 : 0;
        }
        assertTrue(maskedProblems >= planted.size() - 3, "duplicate keys are reported with the key masked");
        assertTrue(runs.get("text").stdout().contains("password=****"), "a selector's credential-named label");
        assertTrue(runs.get("text").stdout().contains("\"ghp_****\""), "masked text still reads well");
        assertTrue(runs.get("text").stdout().contains("https://deployer:****@registry.example.com"),
                "a URL keeps all but its password");
    }

    /** A waiver reason is quoted by the reports and by {@code config show}: a secret pasted into it is masked too. */
    @Test
    void noPlantedSecretInAWaiverReasonReachesAnyOutput() throws IOException {
        List<Planted> planted = secrets(new Random(20_261_202L));
        Path render = dir.resolve("render.yaml");
        Files.writeString(render, render(planted), StandardCharsets.UTF_8);
        StringBuilder reason = new StringBuilder("accepted, see");
        // a bare random string is a secret only by its name, as a label it was password=…; here too
        planted.forEach(secret -> reason.append(' ').append(secret.format().equals("credential-named-label")
                ? "password=" + secret.value() : secret.value()));
        Path config = dir.resolve(".mcpolicy.yaml");
        Files.writeString(config, "waivers:\n  - rule: replica-count\n    reason: "
                + new ObjectMapper().writeValueAsString(reason.toString()) + "\n", StandardCharsets.UTF_8);

        Map<String, EndToEnd.Run> runs = new LinkedHashMap<>();
        for (String format : List.of("text", "json", "sarif")) {
            runs.put(format, EndToEnd.run(EndToEnd.mcpolicy("check", render.toString(), "--config", config.toString(),
                    "--format", format), Map.of("NO_COLOR", "1")));
        }
        runs.put("config show", EndToEnd.run(EndToEnd.mcpolicy("config", "show", "--config", config.toString()),
                Map.of("NO_COLOR", "1")));
        assertEquals(0, runs.get("config show").exitCode(), runs.get("config show")::describe);
        JsonNode report = new ObjectMapper().readTree(runs.get("json").stdout());
        assertFalse(report.path("waived").isEmpty(), "the waiver applies");
        assertTrue(report.path("waived").path(0).path("waiver").path("reason").asText().contains(TextMasking.MASK));
        for (Planted secret : planted) {
            for (String window : windows(secret.secretPart())) {
                runs.forEach((output, run) -> {
                    assertFalse(run.stdout().contains(window), () -> secret.format() + " shows in " + output);
                    assertFalse(run.stderr().contains(window), () -> secret.format() + " shows on stderr");
                });
            }
        }
    }

    /** Every run of eight characters of the secret that is not a public, fixed part of its format. */
    private static List<String> windows(String secret) {
        String rest = secret.replace("https://hooks.slack.com/services/", "\u0000")
                .replace("https://deployer:", "\u0000").replace("@registry.example.com/acme/mcp:1", "\u0000");
        for (String fragment : FakeTokens.PUBLIC_FRAGMENTS) {
            rest = rest.replace(fragment, "\u0000");
        }
        List<String> out = new ArrayList<>();
        for (String part : rest.split("[\\u0000\\s]+")) {
            for (int i = 0; i + 8 <= part.length(); i++) {
                out.add(part.substring(i, i + 8));
            }
        }
        return out;
    }

    private static String render(List<Planted> planted) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < planted.size(); i++) {
            String secret = planted.get(i).value();
            String app = "mcp-" + i;
            if (planted.get(i).format().equals("credential-named-label")) {
                // a generic string is a secret only under a name that says so: here a selector's "password" label
                ObjectNode service = service(app, secret, true);
                out.append("---\n").append(YAML.writeValueAsString(service));
                continue;
            }
            for (ObjectNode object : List.of(deployment(app, secret), service(app, null, false),
                    service(app, secret, false), ingress(app, secret), autoscaler(app, secret))) {
                out.append("---\n").append(YAML.writeValueAsString(object));
            }
            String quoted = NODES.textNode(secret).toString(); // a JSON string is a YAML double-quoted scalar
            out.append("---\n")
                    .append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-").append(i).append('\n')
                    .append("data:\n  ").append(quoted).append(": a\n  ").append(quoted).append(": b\n")
                    .append("  count: !!int ").append(quoted).append('\n');
        }
        return out.toString();
    }

    private static ObjectNode deployment(String app, String secret) {
        ObjectNode deployment = object("apps/v1", "Deployment", app);
        ((ObjectNode) deployment.get("metadata")).putObject("annotations").put("mcpolicy.dev/mcp-server", "true");
        ObjectNode spec = deployment.putObject("spec");
        spec.put("replicas", secret);
        spec.putObject("selector").putObject("matchLabels").put("app", app);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app", app);
        ObjectNode pod = template.putObject("spec");
        pod.put("terminationGracePeriodSeconds", secret);
        ArrayNode containers = pod.putArray("containers");
        ObjectNode server = containers.addObject();
        server.put("name", "server");
        server.put("image", secret.startsWith("https://") ? secret : "registry.example.com/acme/mcp:" + secret);
        server.putArray("ports").addObject().put("name", "http").put("containerPort", 8080);
        server.putObject("readinessProbe").putObject("httpGet").put("path", "/ready").put("port", secret);
        server.putArray("env").addObject().put("name", "MCP_API_TOKEN").put("value", secret);
        return deployment;
    }

    /** The Service of the app (secret null), or one whose selector has the secret as a label value. */
    private static ObjectNode service(String app, String secret, boolean credentialLabel) {
        ObjectNode service = object("v1", "Service", (secret == null ? "svc-" : "other-") + app);
        ObjectNode spec = service.putObject("spec");
        ObjectNode selector = spec.putObject("selector").put("app", app);
        if (secret != null) {
            selector.put(credentialLabel ? "password" : "release", secret);
        }
        spec.putArray("ports").addObject().put("port", 80).put("targetPort", "http");
        return service;
    }

    private static ObjectNode ingress(String app, String secret) {
        ObjectNode ingress = object("networking.k8s.io/v1", "Ingress", "ing-" + app);
        ((ObjectNode) ingress.get("metadata")).putObject("annotations")
                .put("nginx.ingress.kubernetes.io/proxy-read-timeout", secret);
        ObjectNode spec = ingress.putObject("spec");
        spec.put("ingressClassName", "nginx");
        ArrayNode paths = spec.putArray("rules").addObject().put("host", app + ".example.com")
                .putObject("http").putArray("paths");
        paths.addObject().put("path", "/").put("pathType", "Prefix").putObject("backend").putObject("service")
                .put("name", "svc-" + app).putObject("port").put("number", 80);
        paths.addObject().put("path", "/other").put("pathType", "Prefix").putObject("backend").putObject("service")
                .put("name", secret).putObject("port").put("number", 80);
        return ingress;
    }

    private static ObjectNode autoscaler(String app, String secret) {
        ObjectNode hpa = object("autoscaling/v2", "HorizontalPodAutoscaler", "hpa-" + app);
        ObjectNode spec = hpa.putObject("spec");
        spec.putObject("scaleTargetRef").put("apiVersion", "apps/v1").put("kind", "Deployment").put("name", secret);
        spec.put("minReplicas", 2).put("maxReplicas", 4);
        return hpa;
    }

    private static ObjectNode object(String apiVersion, String kind, String name) {
        ObjectNode object = NODES.objectNode().put("apiVersion", apiVersion).put("kind", kind);
        object.putObject("metadata").put("name", name);
        return object;
    }

    private static String values(List<Planted> planted) throws IOException {
        ObjectNode values = NODES.objectNode();
        for (int i = 0; i < planted.size(); i++) {
            values.putObject("app" + i).put("apiToken", planted.get(i).value()).put("note", planted.get(i).value());
        }
        return YAML.writeValueAsString(values);
    }
}

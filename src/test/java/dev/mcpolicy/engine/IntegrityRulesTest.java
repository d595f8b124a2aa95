package dev.mcpolicy.engine;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleLoadException;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cross-object integrity, TLS and Secret rules through the real loader, graph and engine. */
class IntegrityRulesTest {
    private static final String SERVER = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: mcp}
            spec:
              selector: {matchLabels: {app: mcp}}
              template:
                metadata: {labels: {app: mcp}}
                spec:
                  containers:
                    - name: server
                      image: ghcr.io/acme/mcp-server:1.0.0
                      ports: [{name: http, containerPort: 8080}]
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: mcp}
            spec:
              minAvailable: 1
              selector: {matchLabels: {app: mcp}}
            """;

    private static RuleSet only(String... ids) throws RuleLoadException {
        RuleSet pack = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        List<dev.mcpolicy.rules.RuleDefinition> rules = new ArrayList<>();
        for (String id : ids) {
            rules.add(pack.byId(id).orElseThrow());
        }
        return new RuleSet(rules);
    }

    private static List<Finding> run(RuleSet rules, String manifests, String values) {
        ManifestLoader loader = new ManifestLoader();
        List<ManifestDocument> documents = loader.loadText("rendered.yaml", manifests).documents();
        List<ManifestDocument> valuesDocuments = values == null ? List.of()
                : loader.loadText("values.yaml", values).documents();
        return new Engine(rules).run(ResourceGraph.build(documents, "default"), valuesDocuments);
    }

    private static String service(String name, String selector, String ports) {
        return "---\napiVersion: v1\nkind: Service\nmetadata: {name: " + name + "}\nspec:\n  selector: " + selector
                + "\n  ports: " + ports + "\n";
    }

    private static String ingress(String name, String backend, String tls) {
        return "---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: " + name + "}\nspec:\n"
                + "  ingressClassName: nginx\n" + tls
                + "  rules:\n    - host: mcp.example.com\n      http:\n        paths:\n          - path: /\n"
                + "            pathType: Prefix\n            backend: " + backend + "\n";
    }

    @Test
    void aServiceSelectingNothingIsAnErrorWhenRoutedAndAWarningOtherwise() throws Exception {
        String manifests = SERVER
                + service("routed", "{app: mpc}", "[{port: 8080}]")
                + service("idle", "{app: mpc}", "[{port: 8080}]")
                + ingress("mcp", "{service: {name: routed, port: {number: 8080}}}", "");
        List<Finding> findings = run(only("service-selects-workload"), manifests, null);
        assertEquals(2, findings.size(), findings.toString());
        Finding routed = findings.stream().filter(f -> f.object().name().equals("routed")).findFirst().orElseThrow();
        Finding idle = findings.stream().filter(f -> f.object().name().equals("idle")).findFirst().orElseThrow();
        assertEquals(Level.ERROR, routed.level());
        assertEquals(Level.WARNING, idle.level());
        assertTrue(routed.message().contains("Ingress/mcp sends traffic to it"), routed.message());
        assertTrue(routed.message().contains("Closest: Deployment/mcp (pod labels app=mcp)"), routed.message());
        assertEquals("/spec/selector/app", routed.pointer(), "the finding sits on the label that does not match");
    }

    @Test
    void helmTestPodsDoNotCountAsSelectedPods() throws Exception {
        String manifests = SERVER + service("mcp", "{app: mcp, helm.sh/chart: mcp-1.0.0}", "[{port: 8080, targetPort: http}]")
                + """
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: mcp-test
                  labels: {app: mcp, helm.sh/chart: mcp-1.0.0}
                  annotations: {helm.sh/hook: test}
                spec:
                  restartPolicy: Never
                  containers:
                    - name: probe
                      image: curlimages/curl:8.6.0
                """;
        List<Finding> findings = run(only("service-selects-workload", "service-target-port"), manifests, null);
        assertEquals(List.of("service-selects-workload"), findings.stream().map(Finding::ruleId).toList());
        assertEquals("/spec/selector/helm.sh~1chart", findings.get(0).pointer());
    }

    @Test
    void targetPortKindsCarryTheirOwnLevels() throws Exception {
        String manifests = SERVER + service("mcp", "{app: mcp}",
                "[{name: a, port: 80, targetPort: web}, {name: b, port: 81, targetPort: 9999}, "
                        + "{name: c, port: 82, targetPort: \"8080\"}, {name: d, port: 8080}, {name: e, port: 83, targetPort: http}]");
        List<Finding> findings = run(only("service-target-port"), manifests, null);
        Map<String, Level> byPointer = new java.util.TreeMap<>();
        findings.forEach(f -> byPointer.put(f.pointer(), f.level()));
        assertEquals(Map.of(
                "/spec/ports/0/targetPort", Level.ERROR,
                "/spec/ports/1/targetPort", Level.NOTE,
                "/spec/ports/2/targetPort", Level.ERROR), byPointer);
    }

    @Test
    void routeBackendsDistinguishMissingMisspelledAndWrongPort() throws Exception {
        String manifests = SERVER + service("mcp-server", "{app: mcp}", "[{name: http, port: 8080}]")
                + ingress("wrong-port", "{service: {name: mcp-server, port: {number: 80}}}", "")
                + ingress("typo", "{service: {name: mcp-sever, port: {number: 8080}}}", "")
                + ingress("elsewhere", "{service: {name: billing, port: {number: 8080}}}", "")
                + ingress("fine", "{service: {name: mcp-server, port: {name: http}}}", "");
        List<Finding> findings = run(only("route-backend-exists"), manifests, null);
        Map<String, Level> byRoute = new java.util.TreeMap<>();
        findings.forEach(f -> byRoute.put(f.object().name(), f.level()));
        assertEquals(Map.of("wrong-port", Level.ERROR, "typo", Level.ERROR, "elsewhere", Level.WARNING), byRoute);
        Finding typo = findings.stream().filter(f -> f.object().name().equals("typo")).findFirst().orElseThrow();
        assertTrue(typo.message().contains("Did you mean Service/mcp-server?"), typo.message());
    }

    @Test
    void tlsForAnotherHostIsAnErrorOnTheTlsListAndNoTlsIsAWarning() throws Exception {
        String backend = "{service: {name: mcp, port: {number: 8080}}}";
        String manifests = SERVER + service("mcp", "{app: mcp}", "[{port: 8080}]")
                + ingress("stale", backend, "  tls:\n    - hosts: [mcp-old.example.com]\n      secretName: cert\n")
                + ingress("plain", backend, "");
        List<Finding> findings = run(only("ingress-tls"), manifests, null);
        assertEquals(2, findings.size(), findings.toString());
        Finding stale = findings.stream().filter(f -> f.object().name().equals("stale")).findFirst().orElseThrow();
        Finding plain = findings.stream().filter(f -> f.object().name().equals("plain")).findFirst().orElseThrow();
        assertEquals(Level.ERROR, stale.level());
        assertEquals("/spec/tls/0/hosts/0", stale.pointer());
        assertEquals(1, stale.related().size(), "the rule's host is shown next to it");
        assertEquals(Level.WARNING, plain.level());
    }

    @Test
    void secretDataNamesKeysNeverValuesAndSkipsWhatTheValuesFileReports() throws Exception {
        String manifests = """
                apiVersion: v1
                kind: Secret
                metadata: {name: creds}
                stringData:
                  DB_PASSWORD: Tr0ub4dor-3x
                  API_KEY: local-dev-key-123
                  EMPTY: ""
                """;
        List<Finding> alone = run(only("secret-literal-data"), manifests, null);
        assertEquals(1, alone.size());
        assertTrue(alone.get(0).message().contains("DB_PASSWORD, API_KEY"), alone.get(0).message());
        assertFalse(alone.get(0).message().contains("Tr0ub4dor"), "never the value");
        assertFalse(alone.get(0).properties().toString().contains("local-dev-key"), "never the value");
        List<Finding> withValues = run(only("secret-literal-data"), manifests,
                "db:\n  password: Tr0ub4dor-3x\nsettings:\n  mode: local-dev-key-123\n");
        assertEquals(1, withValues.size());
        assertEquals("API_KEY", withValues.get(0).properties().get("secretKeys"),
                "the password is reported in the values file already; the other literal is not a secret there");
    }

    @Test
    void secretDataNamesOnlyTheKeysThatHoldCredentials() throws Exception {
        StringBuilder manifests = new StringBuilder("""
                apiVersion: v1
                kind: Secret
                metadata: {name: gateway-config}
                stringData:
                  GATEWAY_ADMIN_PASSWORD: Tr0ub4dor-3x
                  UPSTREAM_SIGNING: kj3h4k5j3h4q
                  OPENAI_API_KEY: sk-...
                  DATABASE_URL: postgres://gateway:@db:5432/gateway
                  ADMIN_USER: admin
                """);
        String[] flags = {"true", "false", "8080", "info", "https://api.example.com/v1", "30s", "gpt-4o-mini", "1Gi",
                "us-east-1", "json", "0.75", "/var/lib/gateway", "streamable-http", "redis-master.cache.svc:6379"};
        for (int i = 0; i < 90; i++) {
            manifests.append("  FEATURE_").append(i).append(": \"").append(flags[i % flags.length]).append("\"\n");
        }
        List<Finding> findings = run(only("secret-literal-data"), manifests.toString(), null);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("GATEWAY_ADMIN_PASSWORD,UPSTREAM_SIGNING", findings.get(0).properties().get("secretKeys"),
                "flags, numbers, URLs without a password, user names and placeholders hold no credential");
        assertTrue(findings.get(0).message().contains("GATEWAY_ADMIN_PASSWORD, UPSTREAM_SIGNING"), findings.get(0).message());
        assertTrue(findings.get(0).message().length() < 400, findings.get(0).message());
    }

    @Test
    void aSecretOfAUserNameAndAPasswordlessUrlHoldsNoCredential() throws Exception {
        String manifests = """
                apiVersion: v1
                kind: Secret
                metadata: {name: db-connection}
                stringData:
                  username: app
                  url: postgres://app:@postgres:5432/mcp
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: sops-managed}
                stringData:
                  password: ENC[AES256_GCM,data:Zm9vYmFyYmF6,iv:aXYxMjM0NTY3OA==,tag:dGFnMTIz,type:str]
                """;
        assertEquals(List.of(), run(only("secret-literal-data"), manifests, null));
    }

    @Test
    void pdbCoverageShowsTheLabelsThatSelectNotEveryPodLabel() throws Exception {
        String manifests = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: mcp}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app.kubernetes.io/name: mcp, app.kubernetes.io/instance: rel}}
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: mcp
                        app.kubernetes.io/instance: rel
                        app.kubernetes.io/version: 1.4.2
                        app.kubernetes.io/managed-by: Helm
                        helm.sh/chart: mcp-0.3.1
                    spec: {containers: [{name: server, image: ghcr.io/acme/mcp-server:1.0.0}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: standalone-mcp
                  labels: {app: standalone-mcp, helm.sh/chart: mcp-0.3.1, heritage: Helm, tier: tools, team: ai, zone: a, extra: x}
                spec: {containers: [{name: mcp, image: ghcr.io/acme/mcp-server:1.0.0}]}
                """;
        List<Finding> findings = run(only("pdb-coverage"), manifests, null);
        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("(app.kubernetes.io/instance=rel,app.kubernetes.io/name=mcp)"),
                findings.get(0).message());
        assertTrue(findings.get(1).message().contains("(app=standalone-mcp,extra=x,team=ai,tier=tools and 1 more)"),
                findings.get(1).message());
        findings.forEach(f -> assertFalse(f.message().contains("helm.sh/chart"), f.message()));
    }

    @Test
    void configMapSecretsAreReportedByValuesNoSecretsOncePerKey() throws Exception {
        String manifests = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg}
                data:
                  LOG_LEVEL: debug
                  REDIS_URL: redis://:Wq7pLm3Zx9Kd@redis:6379/0
                  ADMIN_PASSWORD: changeme
                """;
        List<Finding> findings = run(only("values-no-secrets"), manifests, null);
        assertEquals(List.of("/data/REDIS_URL", "/data/ADMIN_PASSWORD"), findings.stream().map(Finding::pointer).toList());
        findings.forEach(f -> assertFalse(f.message().contains("Wq7pLm3Zx9Kd") || f.message().contains("changeme"),
                f.message()));
    }

    @Test
    void aPdbBesideAnUncoveredMcpServerIsLeftToPdbCoverage() throws Exception {
        String manifests = SERVER.replace("selector: {matchLabels: {app: mcp}}\n", "selector: {matchLabels: {app: mcp}}\n")
                .replace("  minAvailable: 1\n  selector: {matchLabels: {app: mcp}}", "  minAvailable: 1\n  selector: {matchLabels: {app: api}}");
        List<Finding> findings = run(only("pdb-coverage", "pdb-selects-pods"), manifests, null);
        assertEquals(List.of("pdb-coverage"), findings.stream().map(Finding::ruleId).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"levels: {no-such-kind: warning}", "level: severe"})
    void checkLevelsAreValidatedWhenTheRuleLoads(String line) {
        String rule = """
                id: custom
                title: t
                level: error
                tags: [x]
                precision: high
                rationale: r
                help: h
                check:
                  target: ingress-routes
                  %s
                  assert:
                    route-backends: {}
                  message: "{object} is broken"
                examples:
                  - {name: n, expect: pass, manifests: ""}
                """.formatted(line);
        assertThrows(RuleLoadException.class,
                () -> RuleCompiler.standard().ruleLoader().parse("custom.yaml", null, rule));
    }

    /**
     * Seeded random renders: selects-pods reports exactly the judged Services whose selector matches no pod labels
     * in their namespace (brute force), and stays fast on many objects.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42})
    void selectsPodsAgreesWithBruteForce(long seed) throws Exception {
        Random random = new Random(seed);
        String[] namespaces = {"a", "b"};
        String[] apps = {"mcp", "web", "db", "cache", "queue"};
        StringBuilder manifests = new StringBuilder();
        List<String[]> pods = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String namespace = namespaces[random.nextInt(namespaces.length)];
            String app = apps[random.nextInt(apps.length)];
            String tier = "t" + random.nextInt(3);
            pods.add(new String[] {namespace, app, tier});
            manifests.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w").append(i)
                    .append(", namespace: ").append(namespace).append("}\nspec:\n  selector: {matchLabels: {app: ")
                    .append(app).append("}}\n  template:\n    metadata: {labels: {app: ").append(app).append(", tier: ")
                    .append(tier).append("}}\n    spec:\n      containers: [{name: c, image: ghcr.io/acme/mcp-").append(app)
                    .append(":1}]\n");
        }
        TreeSet<String> expected = new TreeSet<>();
        for (int i = 0; i < 600; i++) {
            String namespace = namespaces[random.nextInt(namespaces.length)];
            String app = random.nextInt(4) == 0 ? "gone" + i : apps[random.nextInt(apps.length)];
            String tier = "t" + random.nextInt(4);
            manifests.append("---\napiVersion: v1\nkind: Service\nmetadata: {name: s").append(i).append(", namespace: ")
                    .append(namespace).append("}\nspec:\n  selector: {app: ").append(app).append(", tier: ").append(tier)
                    .append("}\n  ports: [{port: 80}]\n");
            boolean selects = pods.stream().anyMatch(p -> p[0].equals(namespace) && p[1].equals(app) && p[2].equals(tier));
            boolean namespaceHasPods = pods.stream().anyMatch(p -> p[0].equals(namespace));
            if (!selects && namespaceHasPods) {
                expected.add(namespace + "/s" + i);
            }
        }
        TreeSet<String> actual = new TreeSet<>();
        for (Finding finding : run(only("service-selects-workload"), manifests.toString(), null)) {
            actual.add(finding.object().namespace() + "/" + finding.object().name());
            assertEquals(Level.WARNING, finding.level(), "nothing routes to these Services");
        }
        assertEquals(expected, actual);
    }
}

package dev.mcpolicy.report;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.Suppressions;
import dev.mcpolicy.finding.ServerDecision;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.rules.RuleDefinition;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-built run over a small repository: one finding per rule of the design card, MCP-server decisions and
 * input problems. {@link #writeFiles(Path)} creates the files the findings point into, so reports that read the
 * disk (line hashes, token ends) and the SARIF validator see real files.
 */
final class SampleRun {
    static final String VERSION = "0.1.0";
    static final ToolInfo TOOL = ToolInfo.mcpolicy(VERSION);

    static final String MANIFESTS = "deploy/mcp-server.yaml";
    static final String TEMPLATE = "charts/mcp-server/templates/ingress.yaml";
    static final String RENDERED = "out/production.yaml";
    static final String VALUES = "charts/mcp-server/values-production.yaml";
    static final String BROKEN = "deploy/broken.yaml";

    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put(MANIFESTS, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: mcp-gateway
                  namespace: mcp
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: mcp-gateway
                  template:
                    metadata:
                      labels:
                        app: mcp-gateway
                    spec:
                      terminationGracePeriodSeconds: 30
                      containers:
                        - name: server
                          image: ghcr.io/example/mcp-gateway:1.4.2
                          ports:
                            - name: mcp
                              containerPort: 8080
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: mcp-gateway
                  namespace: mcp
                  annotations:
                    nginx.ingress.kubernetes.io/proxy-buffering: "off"
                    nginx.ingress.kubernetes.io/proxy-read-timeout: "60"
                spec:
                  ingressClassName: nginx
                  rules:
                    - host: mcp.example.com
                      http:
                        paths:
                          - path: /mcp
                            pathType: Prefix
                            backend:
                              service:
                                name: mcp-gateway
                                port:
                                  number: 8080
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: mcp-gateway
                  namespace: mcp
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: mcp-gateway
                  minReplicas: 2
                  maxReplicas: 10
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: mcp
                spec:
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                ---
                """);
        FILES.put(TEMPLATE, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: {{ include "mcp-server.fullname" . }}
                  annotations:
                    {{- toYaml .Values.ingress.annotations | nindent 4 }}
                spec:
                  ingressClassName: {{ .Values.ingress.className }}
                """);
        FILES.put(RENDERED, """
                ---
                # Source: mcp-server/templates/ingress.yaml
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: prod-mcp-server
                  annotations:
                    nginx.ingress.kubernetes.io/proxy-read-timeout: "3600"
                spec:
                  ingressClassName: nginx
                """);
        FILES.put(VALUES, """
                ingress:
                  className: nginx
                secrets:
                  apiKey: not-a-real-key-0000
                """);
        FILES.put(BROKEN, """
                apiVersion: v1
                kind: ConfigMap
                metadata: name: settings
                """);
    }

    private SampleRun() {
    }

    static void writeFiles(Path root) {
        try {
            for (Map.Entry<String, String> file : FILES.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunResult run() {
        ObjectRef gateway = new ObjectRef("apps/v1", "Deployment", "mcp-gateway", "mcp");
        ObjectRef ingress = new ObjectRef("networking.k8s.io/v1", "Ingress", "mcp-gateway", "mcp");
        ObjectRef chartIngress = new ObjectRef("networking.k8s.io/v1", "Ingress", "prod-mcp-server", null);
        ObjectRef hpa = new ObjectRef("autoscaling/v2", "HorizontalPodAutoscaler", "mcp-gateway", "mcp");
        ObjectRef web = new ObjectRef("apps/v1", "Deployment", "web", "mcp");

        Location readTimeout = valueOf(MANIFESTS, "\"60\"", Location.EXACT);
        List<Finding> findings = new ArrayList<>(List.of(
                finding("sse-proxy-buffering", Level.ERROR,
                        "Ingress/prod-mcp-server does not turn proxy buffering off, so SSE events stall in the proxy;"
                                + " add nginx.ingress.kubernetes.io/proxy-buffering: \"off\".",
                        keyOf(TEMPLATE, "annotations", Location.INCLUDE_CALL),
                        keyOf(RENDERED, "annotations", Location.PARENT_KEY),
                        chartIngress, "/metadata/annotations", "mcp-server/templates/ingress.yaml",
                        List.of(), List.of("staging", "production"), Map.of()),
                finding("sse-read-timeout", Level.ERROR,
                        "Ingress/mcp-gateway closes idle streams after 60s; set proxy-read-timeout to at least 3600.",
                        readTimeout, readTimeout, ingress,
                        "/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-read-timeout", null,
                        List.of(), List.of(), Map.of("actual", "60", "minimum", "3600")),
                finding("sse-send-timeout", Level.WARNING,
                        "Ingress/mcp-gateway has no proxy-send-timeout; long SSE responses are cut after 60s.",
                        keyOf(MANIFESTS, "  annotations", Location.PARENT_KEY), null, ingress,
                        "/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-send-timeout", null,
                        List.of(), List.of(), Map.of()),
                finding("termination-grace-period", Level.WARNING,
                        "Deployment/mcp-gateway gives pods 30s to stop; open MCP sessions need at least 60s to drain.",
                        valueOf(MANIFESTS, "terminationGracePeriodSeconds", Location.EXACT), null, gateway,
                        "/spec/template/spec/terminationGracePeriodSeconds", null,
                        List.of(), List.of(), Map.of()),
                finding("hpa-scale-down-stabilization", Level.WARNING,
                        "HorizontalPodAutoscaler/mcp-gateway scales down without a stabilization window;"
                                + " set spec.behavior.scaleDown.stabilizationWindowSeconds to at least 300.",
                        keyOf(MANIFESTS, "  maxReplicas", Location.PARENT_KEY), null, hpa,
                        "/spec/behavior/scaleDown/stabilizationWindowSeconds", null,
                        List.of(), List.of(), Map.of()),
                finding("pdb-coverage", Level.NOTE,
                        "Deployment/mcp-gateway runs 2 replicas but no PodDisruptionBudget selects its pods.",
                        lineStart(MANIFESTS, 1), null, gateway, "", "mcp-server/templates/deployment.yaml",
                        List.of(new Finding.RelatedLocation(keyOf(MANIFESTS, "kind: HorizontalPodAutoscaler",
                                Location.EXACT), "HorizontalPodAutoscaler/mcp-gateway scales this workload")),
                        List.of(), Map.of()),
                finding("values-no-secrets", Level.ERROR,
                        "Values key secrets.apiKey holds a literal secret; reference an existing Secret instead.",
                        keyOf(VALUES, "apiKey", Location.VALUES), null, null, "/secrets/apiKey", null,
                        List.of(), List.of(), Map.of("secretKind", "secret-named-key"))));
        findings.sort(Comparator.comparing((Finding f) -> f.primary().file())
                .thenComparingInt(f -> f.primary().line())
                .thenComparingInt(f -> f.primary().column())
                .thenComparing(Finding::ruleId));

        List<ServerDecision> decisions = List.of(
                new ServerDecision(gateway, lineStart(MANIFESTS, 1), true,
                        "container port named 'mcp' and Ingress path /mcp route to it"),
                new ServerDecision(web, keyOf(MANIFESTS, "  name: web", Location.DOCUMENT), false,
                        "no MCP signal: no port, path, label or annotation mentions MCP"));
        List<InputProblem> problems = List.of(
                InputProblem.error(BROKEN, 3, 15, "YAML syntax error: mapping values are not allowed here"),
                InputProblem.note(MANIFESTS, lastLine(MANIFESTS), 1, "empty document skipped"));
        return new RunResult(List.of("deploy/", "charts/mcp-server"), findings, decisions, problems);
    }

    /**
     * The sample run of a team adopting mcpolicy: the read timeout waived in the config, the grace period waived by an
     * annotation, the autoscaler finding already in the baseline, and a baseline entry no longer found.
     */
    static RunResult adopted() {
        RunResult run = run();
        List<Finding> active = new ArrayList<>();
        List<Suppressions.Waived> waived = new ArrayList<>();
        List<Finding> unchanged = new ArrayList<>();
        for (Finding finding : run.findings()) {
            switch (finding.ruleId()) {
                case "sse-read-timeout" -> waived.add(new Suppressions.Waived(finding, Suppressions.Kind.EXTERNAL,
                        "config", "the gateway closes sessions after 50s itself (PLAT-77)",
                        new Location(".mcpolicy.yaml", 4, 5, 0, Location.EXACT), "2027-01-31"));
                case "termination-grace-period" -> waived.add(new Suppressions.Waived(finding,
                        Suppressions.Kind.IN_SOURCE, "annotation", "sessions are short tool calls",
                        keyOf(MANIFESTS, "terminationGracePeriodSeconds", Location.EXACT), null));
                case "hpa-scale-down-stabilization" -> unchanged.add(finding);
                default -> active.add(finding);
            }
        }
        Suppressions suppressed = new Suppressions(waived, false, List.of(), List.of()).withBaseline(unchanged,
                List.of(new Suppressions.Absent("0f".repeat(32), "sse-send-timeout", "Ingress/mcp/old-gateway",
                        MANIFESTS, "Ingress/old-gateway has no proxy-send-timeout.")));
        return new RunResult(run.inputs(), active, run.decisions(), run.problems(), suppressed);
    }

    static RunResult empty() {
        return new RunResult(List.of("deploy/"), List.of(), List.of(), List.of());
    }

    static List<RuleDefinition> rules() {
        return List.of(
                rule("sse-proxy-buffering", "Ingress for an SSE MCP server must not buffer responses", Level.ERROR,
                        List.of("mcp", "sse", "ingress", "reliability"), "high", null,
                        "ingress-nginx holds upstream responses in a buffer by default. A streaming MCP endpoint then"
                                + " delivers its events late or in bursts, and clients time out waiting for them.",
                        "Set `nginx.ingress.kubernetes.io/proxy-buffering: \"off\"` on the Ingress."),
                rule("sse-read-timeout", "Ingress read timeout must outlast idle SSE streams", Level.ERROR,
                        List.of("mcp", "sse", "ingress", "reliability"), "high", null,
                        "The proxy drops an upstream connection that stays silent longer than its read timeout."
                                + " The 60 second default ends quiet MCP sessions in the middle of their work.",
                        "Raise `nginx.ingress.kubernetes.io/proxy-read-timeout` to `3600` or more."),
                rule("sse-send-timeout", "Ingress send timeout must outlast long SSE responses", Level.WARNING,
                        List.of("mcp", "sse", "ingress"), "high", null,
                        "A send timeout shorter than a streamed response cuts the stream while the server is still"
                                + " writing to it.",
                        "Raise `nginx.ingress.kubernetes.io/proxy-send-timeout` to `3600` or more."),
                rule("termination-grace-period", "MCP server pods need time to drain open sessions", Level.WARNING,
                        List.of("mcp", "availability"), "very-high", null,
                        "When a pod is stopped, its open SSE sessions only end cleanly if the pod lives long enough"
                                + " for clients to finish and reconnect elsewhere.",
                        "Set `spec.template.spec.terminationGracePeriodSeconds` to `60` or more."),
                rule("hpa-scale-down-stabilization", "Autoscaler must wait before removing MCP server pods",
                        Level.WARNING, List.of("mcp", "autoscaling"), "high", null,
                        "Connection-bound load makes CPU drop while sessions are still open; scaling down at once"
                                + " kills sessions that would have ended on their own.",
                        "Set `spec.behavior.scaleDown.stabilizationWindowSeconds` to `300` or more."),
                rule("pdb-coverage", "Replicated MCP servers need a PodDisruptionBudget", Level.NOTE,
                        List.of("mcp", "availability"), "medium", null,
                        "Node drains may evict every replica at the same time unless a disruption budget keeps"
                                + " some of them running.",
                        "Add a `PodDisruptionBudget` with `minAvailable: 1` that selects the server's pods."),
                rule("values-no-secrets", "Values files must not contain literal secrets", Level.ERROR,
                        List.of("security", "secrets", "helm"), "high", "8.5",
                        "A secret written into a values file ends up in the repository history and in every"
                                + " rendered release.",
                        "Move the value into a Kubernetes `Secret` and reference it with `secretKeyRef`."));
    }

    static String render(Report report, RunResult run, ReportContext context) {
        StringWriter out = new StringWriter();
        try {
            report.write(run, context, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static RuleDefinition rule(String id, String title, Level level, List<String> tags, String precision,
                                       String securitySeverity, String rationale, String help) {
        return new RuleDefinition(id, SarifRules.pascalCase(id), title, level, tags, precision, securitySeverity,
                rationale, help, List.of(), null, List.of(), "rules/" + id + ".yaml");
    }

    private static Finding finding(String ruleId, Level level, String message, Location primary, Location rendered,
                                   ObjectRef object, String pointer, String helmSource,
                                   List<Finding.RelatedLocation> related, List<String> environments,
                                   Map<String, String> properties) {
        return new Finding(ruleId, level, message, primary, rendered, object, pointer, helmSource, related,
                environments, properties);
    }

    /** The key {@code needle} (leading spaces skipped) with its exclusive end column. */
    static Location keyOf(String file, String needle, String mapping) {
        int[] at = find(file, needle);
        String key = needle.strip();
        int column = at[1] + (needle.length() - needle.stripLeading().length());
        int keyLength = key.contains(":") ? key.indexOf(':') : key.length();
        return new Location(file, at[0], column, column + keyLength, mapping);
    }

    /** A value, end column left unknown so the reports must find the token end themselves. */
    static Location valueOf(String file, String needle, String mapping) {
        int[] at = find(file, needle);
        return new Location(file, at[0], at[1], 0, mapping);
    }

    static Location lineStart(String file, int line) {
        return new Location(file, line, 1, 0, Location.DOCUMENT);
    }

    private static int lastLine(String file) {
        return FILES.get(file).split("\n").length;
    }

    private static int[] find(String file, String needle) {
        String[] lines = FILES.get(file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int index = lines[i].indexOf(needle);
            if (index >= 0) {
                return new int[] {i + 1, index + 1};
            }
        }
        throw new IllegalArgumentException(needle + " not in " + file);
    }
}

package dev.mcpolicy.manifest;

import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

import static dev.mcpolicy.manifest.LoaderTestSupport.lines;

/** The whole loader output for a typical `helm template` render of an MCP server chart, reviewed as text. */
class HelmRenderApprovalTest {

    private static final String RENDER = lines(
            "---",
            "# Source: mcp-server/templates/hpa.yaml",
            "---",
            "# Source: mcp-server/templates/service.yaml",
            "apiVersion: v1",
            "kind: Service",
            "metadata:",
            "  name: release-mcp-server",
            "  labels: &labels",
            "    app.kubernetes.io/name: mcp-server",
            "spec:",
            "  selector: *labels",
            "  ports:",
            "    - port: 80",
            "      targetPort: http",
            "---",
            "# Source: mcp-server/templates/ingress.yaml",
            "apiVersion: networking.k8s.io/v1",
            "kind: Ingress",
            "metadata:",
            "  name: release-mcp-server",
            "  annotations:",
            "    nginx.ingress.kubernetes.io/proxy-buffering: off",
            "    nginx.ingress.kubernetes.io/proxy-read-timeout: 3600",
            "    nginx.ingress.kubernetes.io/proxy-send-timeout: \"3600\"",
            "spec:",
            "  rules:",
            "    - host: mcp.example.com",
            "      http:",
            "        paths:",
            "          - {path: /sse, pathType: Prefix, backend: {service: {name: release-mcp-server, port: {number: 80}}}}",
            "---",
            "# Source: mcp-server/templates/deployment.yaml",
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata:",
            "  name: release-mcp-server",
            "spec:",
            "  replicas: 2",
            "  replicas: 3",
            "  template:",
            "    spec:",
            "      terminationGracePeriodSeconds: 0x3C",
            "      containers:",
            "        - name: server",
            "          env:",
            "            - name: LOG_JSON",
            "              value: yes",
            "---",
            "# Source: mcp-server/templates/notes.yaml",
            "- not",
            "- an object");

    @Test
    void helmRender() {
        LoadResult result = new ManifestLoader().loadText("render.yaml", RENDER);
        StringBuilder out = new StringBuilder();
        for (ManifestDocument document : result.documents()) {
            out.append("document ").append(document.index()).append(" at line ").append(document.firstLine())
                    .append(" from ").append(document.helmSource()).append('\n');
            out.append("  object: ").append(KubernetesObjects.whyNotAnObject(document.content()).orElse("yes"))
                    .append('\n');
            out.append("  content: ").append(document.content()).append('\n');
            Map<String, NodeSpan> spans = new TreeMap<>();
            collect(document, document.content(), "", spans);
            spans.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, NodeSpan> e) -> e.getValue().anchor())
                            .thenComparing(Map.Entry::getKey))
                    .forEach(e -> out.append("  ").append(describe(e.getValue())).append("  ")
                            .append(e.getKey().isEmpty() ? "(root)" : e.getKey()).append('\n'));
        }
        result.problems().forEach(problem -> out.append(problem.severity()).append(' ')
                .append(problem.oneLine()).append('\n'));
        Approvals.verify(out.toString());
    }

    private static void collect(ManifestDocument document, com.fasterxml.jackson.databind.JsonNode node,
                                String pointer, Map<String, NodeSpan> spans) {
        spans.put(pointer, document.positions().get(pointer).orElseThrow());
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> collect(document, f.getValue(),
                    JsonPointers.child(pointer, f.getKey()), spans));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(document, node.get(i), JsonPointers.child(pointer, i), spans);
            }
        }
    }

    private static String describe(NodeSpan span) {
        String key = span.key() == null ? "-" : span.key() + "-" + span.keyEnd();
        return String.format("key %-11s value %s-%s", key, span.valueStart(), span.valueEnd());
    }
}

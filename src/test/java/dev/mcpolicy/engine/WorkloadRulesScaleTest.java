package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.PositionIndex;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A seeded render of 20k MCP servers with Services, Ingresses, PDBs and (for some) HPAs — about 100k objects — runs
 * through the workload rules; the counts per rule match an oracle computed while generating. A quadratic mechanism
 * shows up as a test that does not finish.
 */
class WorkloadRulesScaleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SERVERS = 20_000;

    @Test
    void largeRenderMatchesTheOracle() throws Exception {
        Random random = new Random(4242);
        List<ManifestDocument> documents = new ArrayList<>();
        Oracle oracle = new Oracle();
        for (int i = 0; i < SERVERS; i++) {
            String namespace = "ns" + (i % 40);
            String app = "mcp-" + i;
            boolean autoscaled = random.nextInt(3) == 0;
            int replicas = 1 + random.nextInt(4);
            int minReplicas = 1 + random.nextInt(3);
            boolean sse = random.nextInt(4) == 0;
            boolean sticky = random.nextBoolean();
            int minAvailable = 1 + random.nextInt(3);
            boolean namedPortTypo = random.nextInt(10) == 0;
            int fewest = autoscaled ? minReplicas : replicas;
            int most = autoscaled ? 10 : replicas;

            oracle.replicas += !autoscaled && replicas < 2 ? 1 : 0;
            oracle.hpaMin += autoscaled && minReplicas < 2 ? 1 : 0;
            oracle.scaleDown += autoscaled ? 1 : 0;
            // a blocking budget on a single unscaled replica is folded into replica-count (one cause, one finding)
            oracle.eviction += minAvailable >= fewest && (autoscaled || replicas >= 2) ? 1 : 0;
            oracle.affinity += sse && most > 1 && !sticky ? 1 : 0;
            oracle.probePort += namedPortTypo ? 1 : 0;
            oracle.rollingUpdate += fewest / 4 > 0 ? 1 : 0;

            add(documents, """
                    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%s","namespace":"%s"},
                     "spec":{%s"selector":{"matchLabels":{"app":"%s"}},"template":{"metadata":{"labels":{"app":"%s"}},
                     "spec":{"containers":[{"name":"server","image":"ghcr.io/acme/mcp-server:1",
                       "ports":[{"name":"http","containerPort":8080}],
                       "readinessProbe":{"httpGet":{"path":"/health","port":"%s"}},
                       "livenessProbe":{"httpGet":{"path":"/health","port":"http"}},
                       "resources":{"requests":{"cpu":"100m","memory":"128Mi"},"limits":{"memory":"512Mi"}},
                       "env":[{"name":"MCP_TRANSPORT","value":"%s"}]}]}}}}
                    """.formatted(app, namespace, autoscaled ? "" : "\"replicas\":" + replicas + ",", app, app,
                    namedPortTypo ? "htpp" : "http", sse ? "sse" : "http"));
            add(documents, """
                    {"apiVersion":"v1","kind":"Service","metadata":{"name":"%s","namespace":"%s"},
                     "spec":{"selector":{"app":"%s"},"ports":[{"port":8080}]}}
                    """.formatted(app, namespace, app));
            add(documents, """
                    {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"%s","namespace":"%s",
                     "annotations":{%s}},
                     "spec":{"ingressClassName":"nginx","defaultBackend":{"service":{"name":"%s","port":{"number":8080}}}}}
                    """.formatted(app, namespace,
                    sticky ? "\"nginx.ingress.kubernetes.io/affinity\":\"cookie\"" : "", app));
            add(documents, """
                    {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"%s","namespace":"%s"},
                     "spec":{"minAvailable":%d,"selector":{"matchLabels":{"app":"%s"}}}}
                    """.formatted(app, namespace, minAvailable, app));
            if (autoscaled) {
                add(documents, """
                        {"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"%s","namespace":"%s"},
                         "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"%s"},
                         "minReplicas":%d,"maxReplicas":10}}
                        """.formatted(app, namespace, app, minReplicas));
            }
        }
        RuleSet rules = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        List<Finding> findings = SingleRender.run(new Engine(rules), documents, "default");
        assertEquals(oracle.replicas, count(findings, "replica-count"));
        assertEquals(oracle.hpaMin, count(findings, "hpa-min-replicas"));
        assertEquals(oracle.scaleDown, count(findings, "hpa-scale-down-rate"));
        assertEquals(oracle.eviction, count(findings, "pdb-allows-eviction"));
        assertEquals(oracle.affinity, count(findings, "session-affinity"));
        assertEquals(oracle.probePort, count(findings, "probe-port"));
        assertEquals(oracle.rollingUpdate, count(findings, "rolling-update-no-drop"));
        assertEquals(0, count(findings, "hpa-target-exists"));
        assertEquals(0, count(findings, "container-probes"));
        assertEquals(0, count(findings, "container-resources"));
        assertEquals(0, count(findings, "image-pinned"));
        assertEquals(0, count(findings, "image-reference"));
    }

    private static final class Oracle {
        int replicas;
        int hpaMin;
        int scaleDown;
        int eviction;
        int affinity;
        int probePort;
        int rollingUpdate;
    }

    private static long count(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).count();
    }

    private static void add(List<ManifestDocument> documents, String json) throws Exception {
        JsonNode content = JSON.readTree(json);
        documents.add(new ManifestDocument("big.yaml", documents.size(), 1 + documents.size(), null, content,
                PositionIndex.empty()));
    }
}

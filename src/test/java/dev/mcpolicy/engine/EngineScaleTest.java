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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large seeded render (20k MCP servers, their Services, Ingresses and PDBs, half of the PDBs in the wrong
 * namespace or with the wrong selector) runs through every rule; the findings match an oracle computed while
 * generating. No timing assertion: a quadratic mechanism shows up as a test that does not finish.
 */
class EngineScaleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SERVERS = 20_000;

    @Test
    void largeRenderMatchesTheOracle() throws Exception {
        Random random = new Random(20260101);
        List<ManifestDocument> documents = new ArrayList<>();
        int expectedGrace = 0;
        int expectedPdb = 0;
        int expectedTimeout = 0;
        int firstTypo = -1;
        for (int i = 0; i < SERVERS; i++) {
            String namespace = "ns" + (i % 50);
            String app = "mcp-" + i;
            int grace = random.nextBoolean() ? 30 : 120;
            expectedGrace += grace < 60 ? 1 : 0;
            add(documents, """
                    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%s","namespace":"%s"},
                     "spec":{"replicas":2,"selector":{"matchLabels":{"app":"%s"}},"template":{"metadata":{"labels":{"app":"%s"}},
                     "spec":{"terminationGracePeriodSeconds":%d,"containers":[{"name":"server","image":"ghcr.io/acme/mcp-server:1"}]}}}}
                    """.formatted(app, namespace, app, app, grace));
            add(documents, """
                    {"apiVersion":"v1","kind":"Service","metadata":{"name":"%s","namespace":"%s"},
                     "spec":{"selector":{"app":"%s"},"ports":[{"port":8080}]}}
                    """.formatted(app, namespace, app));
            int timeout = random.nextBoolean() ? 60 : 3600;
            expectedTimeout += timeout < 3600 ? 1 : 0;
            add(documents, """
                    {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"%s","namespace":"%s",
                     "annotations":{"nginx.ingress.kubernetes.io/proxy-read-timeout":"%d"}},
                     "spec":{"ingressClassName":"nginx","defaultBackend":{"service":{"name":"%s","port":{"number":8080}}}}}
                    """.formatted(app, namespace, timeout, app));
            int pdbCase = random.nextInt(3);
            String pdbNamespace = pdbCase == 1 ? "other" + (i % 7) : namespace;
            String pdbApp = pdbCase == 2 ? app + "-typo" : app;
            expectedPdb += pdbCase == 0 ? 0 : 1;
            firstTypo = firstTypo < 0 && pdbCase == 2 ? i : firstTypo;
            add(documents, """
                    {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"%s","namespace":"%s"},
                     "spec":{"minAvailable":1,"selector":{"matchLabels":{"app":"%s"}}}}
                    """.formatted(app, pdbNamespace, pdbApp));
        }
        RuleSet rules = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        List<Finding> findings = new Engine(rules).run(ResourceGraph.build(documents, "default"), List.of());
        assertEquals(expectedGrace, count(findings, "termination-grace-period"));
        assertEquals(expectedPdb, count(findings, "pdb-coverage"));
        assertEquals(expectedTimeout, count(findings, "sse-read-timeout"));
        assertEquals(SERVERS, count(findings, "sse-proxy-buffering"));
        assertEquals(0, count(findings, "hpa-scale-down-stabilization"));
        String typoMessage = "PodDisruptionBudget/mcp-" + firstTypo + " (selector app=mcp-" + firstTypo + "-typo)";
        String typoWorkload = "Deployment/mcp-" + firstTypo + " ";
        Finding typo = findings.stream().filter(f -> f.ruleId().equals("pdb-coverage")
                && f.message().startsWith(typoWorkload)).findFirst().orElseThrow();
        assertTrue(typo.message().contains(typoMessage + " and "), typo.message());
        assertEquals(1, findings.stream().filter(f -> f.message().contains(typoMessage)).count(),
                "unrelated workloads do not name that PDB");
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

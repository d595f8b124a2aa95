package dev.mcpolicy.engine;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One cause, one finding: with a single replica, replica-count is the root cause; pdb-coverage and
 * pdb-allows-eviction on the same workload are folded into it (rules' {@code supersededBy}, the pipeline's
 * {@code FoldSuperseded} step).
 */
class OneCauseOneFindingTest {

    private static String server(int replicas, String pdb) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: tools, namespace: ai}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: tools}}
                  template:
                    metadata: {labels: {app: tools}}
                    spec:
                      containers:
                        - name: server
                          image: ghcr.io/acme/mcp-server:1.0.0
                """.formatted(replicas) + (pdb == null ? "" : """
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: tools, namespace: ai}
                spec:
                  %s
                  selector: {matchLabels: {app: tools}}
                """.formatted(pdb));
    }

    private static List<Finding> run(String manifests) throws Exception {
        RuleSet rules = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        var documents = new ManifestLoader().loadText("rendered.yaml", manifests).documents();
        return SingleRender.run(new Engine(rules), documents, "ai").stream()
                .filter(f -> f.ruleId().startsWith("pdb-") || f.ruleId().equals("replica-count")).toList();
    }

    @Test
    void aSingleReplicaWithoutBudgetIsReportedOnceByItsRootCause() throws Exception {
        List<Finding> findings = run(server(1, null));
        assertEquals(List.of("replica-count"), findings.stream().map(Finding::ruleId).toList());
        Finding finding = findings.get(0);
        assertEquals(Level.ERROR, finding.level(), "the folded error keeps its weight");
        assertTrue(finding.message().endsWith("add one with maxUnavailable: 1, which lets drains proceed once two"
                + " replicas run."), finding.message());
        assertEquals("pdb-coverage", finding.properties().get("folded"));
        assertTrue(finding.related().stream().anyMatch(r -> r.message().equals("pdb-coverage, folded into this finding")));
    }

    @Test
    void aBlockingBudgetOnASingleReplicaIsFoldedToo() throws Exception {
        List<Finding> findings = run(server(1, "minAvailable: 1"));
        assertEquals(List.of("replica-count"), findings.stream().map(Finding::ruleId).toList());
        assertEquals(Level.WARNING, findings.get(0).level());
        assertTrue(findings.get(0).message().contains("so node drains block until it runs more."), findings.get(0).message());
        assertEquals("pdb-allows-eviction", findings.get(0).properties().get("folded"));
    }

    @Test
    void withTwoReplicasEachBudgetFindingStandsOnItsOwn() throws Exception {
        assertEquals(List.of("pdb-coverage"), run(server(2, null)).stream().map(Finding::ruleId).toList());
        assertEquals(List.of("pdb-allows-eviction"),
                run(server(2, "minAvailable: 2")).stream().map(Finding::ruleId).toList());
    }

    @Test
    void anotherCheckOfTheSupersedingRuleDoesNotFoldAnIndependentCause() throws Exception {
        // replica-count also reports spec.replicas on an autoscaled workload: a budget that misses is another cause
        String autoscaled = server(3, null) + """
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: tools, namespace: ai}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: tools}
                  minReplicas: 2
                  maxReplicas: 5
                """;
        assertEquals(List.of("pdb-coverage", "replica-count"),
                run(autoscaled).stream().map(Finding::ruleId).sorted().toList());
    }

    @Test
    void fixingTheRootCauseLeavesNoFindingBehindWhenTheNoteIsFollowed() throws Exception {
        assertEquals(List.of(), run(server(2, "maxUnavailable: 1")));
    }
}

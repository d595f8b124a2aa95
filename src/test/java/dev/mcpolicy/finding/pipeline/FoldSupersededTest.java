package dev.mcpolicy.finding.pipeline;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fold step on its own: who supersedes whom, within one render, and what the superseding finding keeps. */
class FoldSupersededTest {
    private static final ObjectRef WORKLOAD = new ObjectRef("apps/v1", "Deployment", "tools", "ai");
    private static final ObjectRef BUDGET = new ObjectRef("policy/v1", "PodDisruptionBudget", "tools", "ai");
    private static final Map<String, FoldSuperseded.Superseded> PACK = Map.of(
            "pdb-coverage", new FoldSuperseded.Superseded(
                    List.of(FoldSuperseded.Source.parse("replica-count/too-few-replicas")), "No budget either."),
            "pdb-allows-eviction", new FoldSuperseded.Superseded(
                    List.of(FoldSuperseded.Source.parse("replica-count")), "Its budget blocks drains."));

    private static Finding finding(String rule, Level level, ObjectRef object, String render, int line) {
        Location at = new Location(render, line, 3, 0, Location.EXACT);
        return new Finding(rule, level, rule + " says so.", at, at, object, "/spec", null, List.of(), List.of(),
                Map.of());
    }

    private static List<Finding> fold(Finding... findings) {
        return new FoldSuperseded(PACK, f -> f.rendered() == null ? null : f.rendered().file()).apply(List.of(findings));
    }

    @Test
    void aFindingFoldsIntoItsRootCauseOnTheSameObject() {
        Finding replicas = finding("replica-count", Level.WARNING, WORKLOAD, "a", 10).withCheck("too-few-replicas");
        Finding coverage = finding("pdb-coverage", Level.ERROR, WORKLOAD, "a", 12);
        List<Finding> out = fold(coverage, replicas);
        assertEquals(1, out.size());
        Finding into = out.get(0);
        assertEquals("replica-count", into.ruleId());
        assertEquals(Level.ERROR, into.level(), "the higher level stays");
        assertEquals("replica-count says so. No budget either.", into.message());
        assertEquals("pdb-coverage", into.properties().get(FoldSuperseded.FOLDED));
        assertEquals(List.of(new Finding.RelatedLocation(coverage.primary(), "pdb-coverage, folded into this finding")),
                into.related());
        assertEquals("too-few-replicas", into.check());
    }

    @Test
    void anotherCheckOfTheSupersedingRuleIsNotTheRootCause() {
        Finding replicas = finding("replica-count", Level.WARNING, WORKLOAD, "a", 10).withCheck("autoscaled");
        Finding coverage = finding("pdb-coverage", Level.ERROR, WORKLOAD, "a", 12);
        assertEquals(List.of(coverage, replicas), fold(coverage, replicas));
    }

    @Test
    void aFindingOnAnotherObjectFoldsThroughWhatItIsAbout() {
        Finding replicas = finding("replica-count", Level.WARNING, WORKLOAD, "a", 10).withCheck("too-few-replicas");
        Finding budget = finding("pdb-allows-eviction", Level.WARNING, BUDGET, "a", 30);
        assertEquals(List.of(budget, replicas), fold(budget, replicas), "a budget alone is about itself");
        List<Finding> out = fold(budget.withAbout(List.of(WORKLOAD)), replicas);
        assertEquals(List.of("replica-count"), out.stream().map(Finding::ruleId).toList());
        assertEquals("pdb-allows-eviction", out.get(0).properties().get(FoldSuperseded.FOLDED));
    }

    @Test
    void findingsOfTwoRendersNeverFoldTogether() {
        Finding replicas = finding("replica-count", Level.WARNING, WORKLOAD, "staging", 10).withCheck("too-few-replicas");
        Finding coverage = finding("pdb-coverage", Level.ERROR, WORKLOAD, "production", 12);
        assertEquals(List.of(replicas, coverage), fold(replicas, coverage));
    }

    @Test
    void twoFoldedRulesAddTheirNotesOnceEachInTheOrderFound() {
        Finding replicas = finding("replica-count", Level.NOTE, WORKLOAD, "a", 10).withCheck("too-few-replicas");
        Finding coverage = finding("pdb-coverage", Level.WARNING, WORKLOAD, "a", 12);
        Finding budget = finding("pdb-allows-eviction", Level.WARNING, BUDGET, "a", 30).withAbout(List.of(WORKLOAD));
        List<Finding> out = fold(replicas, budget, coverage);
        assertEquals(1, out.size());
        assertEquals("replica-count says so. Its budget blocks drains. No budget either.", out.get(0).message());
        assertEquals("pdb-allows-eviction,pdb-coverage", out.get(0).properties().get(FoldSuperseded.FOLDED));
        assertEquals(Level.WARNING, out.get(0).level());
        assertEquals(2, out.get(0).related().size());
    }

    @Test
    void findingsWithoutARenderStayAsTheyAre() {
        Finding replicas = finding("replica-count", Level.WARNING, WORKLOAD, "a", 10).withCheck("too-few-replicas");
        Finding values = new Finding("pdb-coverage", Level.ERROR, "m", replicas.primary(), null, WORKLOAD, "",
                null, List.of(), List.of(), Map.of());
        assertEquals(List.of(values, replicas), fold(values, replicas));
    }

    @Test
    void itIsANamedStep() {
        assertEquals("fold superseded", new FoldSuperseded(PACK, f -> "one").name());
    }
}

package dev.mcpolicy.finding.pipeline;

import dev.mcpolicy.finding.Certainty;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FindingPipelineTest {

    private static Finding finding(String rule, Level level, String file, int line, String message) {
        Location at = new Location(file, line, 3, 0, Location.EXACT);
        return new Finding(rule, level, message, at, at, new ObjectRef("v1", "Service", "x", null), "/spec", null,
                List.of(), List.of(), Map.of());
    }

    @Test
    void stepsRunInOrderAndHaveNames() {
        FindingPipeline pipeline = FindingPipeline.of(new SortFindings(), new DropDuplicates(),
                new LowerInferredErrors(), new MergeEnvironments(List.of()), new MergeSameLine());
        assertEquals(List.of("sort", "dedupe", "MCP certainty", "environment merge", "same-line merge"),
                pipeline.names());
        Finding b = finding("r", Level.ERROR, "b.yaml", 1, "m");
        Finding a = finding("r", Level.ERROR, "a.yaml", 1, "m");
        assertEquals(List.of(a, b), pipeline.run(List.of(b, a, b)));
    }

    @Test
    void onlyInferredErrorsBecomeWarnings() {
        Finding error = finding("r", Level.ERROR, "a.yaml", 1, "m");
        Finding note = finding("r", Level.NOTE, "a.yaml", 2, "m").withCertainty(Certainty.INFERRED);
        List<Finding> out = new LowerInferredErrors().apply(List.of(error, error.withCertainty(Certainty.INFERRED), note));
        assertEquals(List.of(Level.ERROR, Level.WARNING, Level.NOTE), out.stream().map(Finding::level).toList());
    }

    /** Whatever order renders arrive in, environments are named in declared order and the earliest one stands. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void environmentsMergeInDeclaredOrder(long seed) {
        List<String> declared = List.of("dev", "staging", "production");
        List<Finding> findings = new ArrayList<>();
        for (String environment : declared) {
            Finding one = finding("r", Level.ERROR, "values.yaml", 4, "m").withEnvironments(List.of(environment));
            findings.add(one.withLocations(one.primary(), new Location("<" + environment + ">", 9, 1, 0, "exact")));
        }
        findings.add(finding("r", Level.ERROR, "values.yaml", 5, "other").withEnvironments(List.of("production")));
        Collections.shuffle(findings, new Random(seed));
        List<Finding> merged = new SortFindings().apply(new MergeEnvironments(declared).apply(findings));
        assertEquals(2, merged.size());
        assertEquals(declared, merged.get(0).environments());
        assertEquals("<dev>", merged.get(0).rendered().file());
        assertEquals(List.of("production"), merged.get(1).environments());
    }

    @Test
    void sameLineFindingsOfOneRuleBecomeOneWithTheMostSevereLevel() {
        Finding first = finding("r", Level.WARNING, "a.yaml", 1, "Read timeout.");
        Finding second = finding("r", Level.ERROR, "a.yaml", 1, "Send timeout.");
        Finding otherRule = finding("s", Level.NOTE, "a.yaml", 1, "Other.");
        List<Finding> out = new MergeSameLine().apply(List.of(first, second, otherRule));
        assertEquals(2, out.size());
        assertEquals("Read timeout. Send timeout.", out.get(0).message());
        assertEquals(Level.ERROR, out.get(0).level());
    }
}

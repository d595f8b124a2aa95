package dev.mcpolicy.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.mcpolicy.manifest.LoaderTestSupport.assertOneLineWithoutJavaNames;
import static dev.mcpolicy.manifest.LoaderTestSupport.lines;
import static dev.mcpolicy.manifest.LoaderTestSupport.load;
import static dev.mcpolicy.manifest.LoaderTestSupport.onlyProblem;
import static dev.mcpolicy.manifest.LoaderTestSupport.pos;
import static dev.mcpolicy.manifest.LoaderTestSupport.single;
import static dev.mcpolicy.manifest.LoaderTestSupport.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AliasesAndDuplicatesTest {

    @Test
    void duplicateKeyIsReportedAtTheSecondKeyAndTheLastValueKept() {
        String text = lines(
                "metadata:",               // 1
                "  name: first",           // 2
                "  labels: {a: 1}",        // 3
                "  name: second",          // 4
                "spec:",                   // 5
                "  replicas: 2");          // 6
        LoadResult result = load(text);
        InputProblem problem = onlyProblem(result);
        assertEquals(InputProblem.Severity.ERROR, problem.severity());
        assertEquals(4, problem.line());
        assertEquals(3, problem.column());
        assertTrue(problem.message().startsWith("duplicate key 'name' (first at line 2)"), problem.message());
        assertOneLineWithoutJavaNames(problem.message());
        ManifestDocument doc = result.documents().get(0);
        assertEquals("second", doc.content().at("/metadata/name").textValue());
        assertEquals(pos(4, 3), span(doc, "/metadata/name").key());
        assertEquals(2, doc.content().at("/spec/replicas").intValue(), "the rest of the document still loads");
    }

    @Test
    void replacedDuplicateLeavesNoStalePositions() {
        ManifestDocument doc = load(lines("a:", "  inner: 1", "a: 2")).documents().get(0);
        assertEquals(2, doc.content().get("a").intValue());
        assertTrue(doc.positions().get("/a/inner").isEmpty());
    }

    @Test
    void quotedAndPlainSpellingsOfOneKeyAreDuplicates() {
        InputProblem problem = onlyProblem(load(lines("on: 1", "'on': 2")));
        assertEquals(2, problem.line());
    }

    @Test
    void duplicateInsideAnAnchorIsReportedOnceHoweverOftenItIsUsed() {
        LoadResult result = load(lines("base: &b {x: 1, x: 2}", "one: *b", "two: *b", "three: {<<: *b}"));
        InputProblem problem = onlyProblem(result);
        assertEquals(1, problem.line());
        assertEquals(17, problem.column());
        assertEquals(2, result.documents().get(0).content().at("/three/x").intValue());
    }

    @Test
    void aliasesCopyTheAnchoredValue() {
        ManifestDocument doc = single(lines(
                "defaults: &d",
                "  image: mcp:1.0",
                "  ports: [8080]",
                "a: *d",
                "name: &n server",
                "b: *n"));
        assertEquals(doc.content().get("defaults"), doc.content().get("a"));
        assertEquals("server", doc.content().get("b").textValue());
        assertEquals(pos(3, 11), span(doc, "/a/ports/0").valueStart());
    }

    @Test
    void mergeKeysFollowGoYamlPrecedence() {
        ManifestDocument doc = single(lines(
                "one: &one {a: 1, b: 1}",
                "two: &two {b: 2, c: 2}",
                "explicitAfter:",
                "  <<: *one",
                "  a: 9",
                "explicitBefore:",
                "  a: 9",
                "  <<: *one",
                "list:",
                "  <<: [*one, *two]",
                "inline:",
                "  <<: {z: 0}",
                "nested:",
                "  <<: {<<: *two, d: 4}"));
        assertEquals("{\"a\":9,\"b\":1}", doc.content().get("explicitAfter").toString());
        assertEquals("{\"a\":1,\"b\":1}", doc.content().get("explicitBefore").toString(),
                "go-yaml v2 applies the merge where it is written");
        assertEquals(1, doc.content().at("/list/a").intValue());
        assertEquals(1, doc.content().at("/list/b").intValue(), "earlier mappings of a merge list win");
        assertEquals(2, doc.content().at("/list/c").intValue());
        assertEquals(0, doc.content().at("/inline/z").intValue());
        assertEquals("{\"b\":2,\"c\":2,\"d\":4}", doc.content().get("nested").toString());
        assertTrue(doc.positions().get("/list/<<").isEmpty());
        assertEquals(pos(1, 12), span(doc, "/list/a").key());
    }

    @Test
    void quotedMergeKeyIsAnOrdinaryKey() {
        ManifestDocument doc = single(lines("a: {'<<': {x: 1}}"));
        assertEquals(1, doc.content().at("/a/<<~1x".replace("~1", "/")).intValue());
    }

    @Test
    void mergeOfANonMappingIsReportedAndIgnored() {
        LoadResult result = load(lines("a:", "  <<: 5", "  b: 1", "list: &l [1]", "c:", "  <<: *l"));
        assertEquals(2, result.problems().size(), () -> result.problems().toString());
        assertEquals(2, result.problems().get(0).line());
        assertEquals(6, result.problems().get(1).line());
        assertEquals("{\"b\":1}", result.documents().get(0).content().get("a").toString());
    }

    @Test
    void collectionKeysAreReportedAndSkipped() {
        LoadResult result = load(lines("? [a, b]", ": 1", "c: 2"));
        InputProblem problem = onlyProblem(result);
        assertEquals(1, problem.line());
        assertEquals(3, problem.column());
        assertEquals("{\"c\":2}", result.documents().get(0).content().toString());
    }

    @Test
    void unknownAliasFailsOnlyItsDocument() {
        LoadResult result = load(lines("a: *missing", "---", "b: 1"));
        InputProblem problem = onlyProblem(result);
        assertEquals(1, problem.line());
        assertEquals(4, problem.column());
        assertTrue(problem.message().contains("*missing"), problem.message());
        assertEquals(1, result.documents().size());
    }

    @Test
    void recursiveAliasIsRejected() {
        LoadResult result = load(lines("a: &a", "  b: *a"));
        InputProblem problem = onlyProblem(result);
        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("recursive"), problem.message());
        assertTrue(result.documents().isEmpty());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void billionLaughsIsRejectedQuickly() {
        StringBuilder text = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            text.append("l").append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                text.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            text.append("]\n");
        }
        text.append("---\nsafe: true\n");
        LoadResult result = load(text.toString());
        InputProblem problem = onlyProblem(result);
        assertTrue(problem.message().contains("alias bomb"), problem.message());
        assertTrue(problem.line() >= 2 && problem.line() <= 10, problem.oneLine());
        assertEquals(1, result.documents().size());
        assertTrue(result.documents().get(0).content().get("safe").booleanValue());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void mergeKeyBombIsRejectedQuickly() {
        StringBuilder text = new StringBuilder("m0: &m0 {");
        for (int i = 0; i < 100; i++) {
            text.append(i == 0 ? "" : ", ").append("k").append(i).append(": ").append(i);
        }
        text.append("}\n");
        for (int level = 1; level <= 30; level++) {
            text.append("m").append(level).append(": &m").append(level).append(" {a: {<<: *m").append(level - 1)
                    .append("}, b: {<<: *m").append(level - 1).append("}}\n");
        }
        InputProblem problem = onlyProblem(load(text.toString()));
        assertTrue(problem.message().contains("alias bomb"), problem.message());
    }

    @Test
    void aliasCountIsLimited() {
        ManifestLoader loader = new ManifestLoader(LoaderLimits.DEFAULTS.withMaxAliases(3));
        LoadResult result = loader.loadText("in.yaml", lines("a: &a 1", "b: [*a, *a, *a]", "c: *a"));
        InputProblem problem = onlyProblem(result);
        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("more than 3 aliases"), problem.message());
    }

    @Test
    void deepNestingIsRejectedWithoutAStackOverflow() {
        String deep = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        LoadResult result = load(deep + "---\nb: 1\n");
        InputProblem problem = onlyProblem(result);
        assertEquals(1, problem.line());
        assertTrue(problem.message().contains("deeper than 256"), problem.message());
        assertEquals(1, result.documents().size());
    }

    @Test
    void deepNestingThroughAliasesIsRejected() {
        StringBuilder text = new StringBuilder("l0: &l0 [x]\n");
        for (int level = 1; level <= 300; level++) {
            text.append("l").append(level).append(": &l").append(level).append(" [*l").append(level - 1)
                    .append("]\n");
        }
        InputProblem problem = onlyProblem(load(text.toString()));
        assertTrue(problem.message().contains("deeper than 256"), problem.message());
    }

    @Test
    void nestingWithinTheLimitLoads() {
        String text = "a: " + "[".repeat(200) + "1" + "]".repeat(200) + "\n";
        ManifestDocument doc = single(text);
        assertEquals(1, doc.content().at("/a" + "/0".repeat(200)).intValue());
        assertFalse(doc.positions().get("/a" + "/0".repeat(200)).isEmpty());
    }

    @Test
    void tooLargeTextIsOneProblem() {
        ManifestLoader loader = new ManifestLoader(LoaderLimits.DEFAULTS.withMaxCodePoints(10));
        LoadResult result = loader.loadText("in.yaml", "a: 12345678901\n");
        assertEquals(List.of(), result.documents());
        InputProblem problem = onlyProblem(result);
        assertEquals(1, problem.line());
        assertTrue(problem.message().contains("too large"), problem.message());
    }
}

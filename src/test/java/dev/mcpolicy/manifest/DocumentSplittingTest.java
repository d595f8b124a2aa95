package dev.mcpolicy.manifest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mcpolicy.manifest.LoaderTestSupport.assertOneLineWithoutJavaNames;
import static dev.mcpolicy.manifest.LoaderTestSupport.lines;
import static dev.mcpolicy.manifest.LoaderTestSupport.load;
import static dev.mcpolicy.manifest.LoaderTestSupport.onlyProblem;
import static dev.mcpolicy.manifest.LoaderTestSupport.pos;
import static dev.mcpolicy.manifest.LoaderTestSupport.single;
import static dev.mcpolicy.manifest.LoaderTestSupport.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentSplittingTest {

    @Test
    void brokenMiddleDocumentIsReportedOnItsFileLineAndTheOthersLoad() {
        String text = lines(
                "---",                              // 1
                "# Source: mcp/templates/a.yaml",   // 2
                "kind: A",                          // 3
                "---",                              // 4
                "# Source: mcp/templates/b.yaml",   // 5
                "kind: B",                          // 6
                "spec:",                            // 7
                "  bad: value: here",               // 8
                "---",                              // 9
                "# Source: mcp/templates/c.yaml",   // 10
                "kind: C");                         // 11
        LoadResult result = load(text);
        assertEquals(List.of("A", "C"), result.documents().stream()
                .map(d -> d.content().get("kind").textValue()).toList());
        InputProblem problem = onlyProblem(result);
        assertEquals(InputProblem.Severity.ERROR, problem.severity());
        assertEquals(8, problem.line());
        assertEquals(13, problem.column());
        assertTrue(problem.oneLine().startsWith("in.yaml:8:13: "), problem.oneLine());
        assertOneLineWithoutJavaNames(problem.message());
        assertEquals(pos(11, 1), span(result.documents().get(1), "/kind").key());
        assertEquals(2, result.documents().get(1).index());
    }

    @Test
    void unclosedQuoteIsReportedWhereTheQuoteStartsNotInTheNextDocument() {
        String text = lines("a: 1", "---", "b: \"open", "c: 2", "---", "d: 3");
        LoadResult result = load(text);
        assertEquals(2, result.documents().size());
        InputProblem problem = onlyProblem(result);
        assertEquals(3, problem.line());
        assertEquals(4, problem.column());
        assertTrue(problem.message().contains("quoted scalar"), problem.message());
        assertOneLineWithoutJavaNames(problem.message());
    }

    @Test
    void tabIndentationIsAParseErrorWithItsPosition() {
        LoadResult result = load(lines("a:", "\tb: 1", "---", "c: 1"));
        InputProblem problem = onlyProblem(result);
        assertEquals(2, problem.line());
        assertEquals(1, problem.column());
        assertTrue(problem.message().contains("tab"), problem.message());
        assertOneLineWithoutJavaNames(problem.message());
        assertEquals(1, result.documents().size());
    }

    @Test
    void badIndentationIsAParseErrorWithItsPosition() {
        LoadResult result = load(lines("metadata:", "  name: x", " labels: {}"));
        InputProblem problem = onlyProblem(result);
        assertEquals(3, problem.line());
        assertOneLineWithoutJavaNames(problem.message());
        assertTrue(result.documents().isEmpty());
    }

    @Test
    void unsupportedYamlVersionFailsOnlyItsDocument() {
        LoadResult result = load(lines("%YAML 2.0", "---", "a: 1", "...", "b: 2"));
        InputProblem problem = onlyProblem(result);
        assertEquals(1, problem.line());
        assertTrue(problem.message().contains("version 2.0"), problem.message());
        assertOneLineWithoutJavaNames(problem.message());
        assertEquals(1, result.documents().size());
    }

    @Test
    void undefinedTagHandleIsAParseError() {
        InputProblem problem = onlyProblem(load(lines("a: 1", "b: !x!foo 1")));
        assertEquals(2, problem.line());
        assertEquals(4, problem.column());
        assertOneLineWithoutJavaNames(problem.message());
    }

    @Test
    void controlCharactersAreReportedAtTheirPosition() {
        LoadResult result = load("---\na: 1\n---\nb: x\u0001y\n");
        InputProblem problem = onlyProblem(result);
        assertEquals(4, problem.line());
        assertEquals(5, problem.column());
        assertTrue(problem.message().contains("U+0001"), problem.message());
        assertEquals(1, result.documents().size());
    }

    @Test
    void markerLinesInsideBlockScalarsAreContent() {
        String text = lines(
                "data:",
                "  script: |",
                "    ---",
                "    ...",
                "    --- not a marker",
                "  after: 1",
                "---",
                "second: 2");
        LoadResult result = load(text);
        assertEquals(List.of(), result.problems());
        assertEquals(2, result.documents().size());
        assertEquals("---\n...\n--- not a marker\n", result.documents().get(0).content().at("/data/script").textValue());
        assertEquals(7, result.documents().get(1).firstLine());
    }

    @Test
    void markerFollowedByContentOnTheSameLineStartsADocument() {
        String text = lines("--- {a: 1}", "--- |", "  literal", "--- !!map", "b: 2", "---\t{c: 3}");
        LoadResult result = load(text);
        assertEquals(List.of(), result.problems());
        assertEquals(4, result.documents().size());
        assertEquals(1, result.documents().get(0).content().at("/a").intValue());
        assertEquals("literal\n", result.documents().get(1).content().textValue());
        assertEquals(2, result.documents().get(2).content().at("/b").intValue());
        assertEquals(3, result.documents().get(3).content().at("/c").intValue());
        assertEquals(pos(1, 6), span(result.documents().get(0), "/a").key());
    }

    @Test
    void directivesBelongToTheDocumentTheyPrecede() {
        String text = lines("%YAML 1.1", "---", "a: yes", "...", "%YAML 1.1", "# comment", "---", "b: 2");
        LoadResult result = load(text);
        assertEquals(List.of(), result.problems());
        assertEquals(2, result.documents().size());
        assertEquals(true, result.documents().get(0).content().at("/a").booleanValue());
        assertEquals(1, result.documents().get(0).firstLine());
        assertEquals(5, result.documents().get(1).firstLine());
        assertEquals(pos(8, 1), span(result.documents().get(1), "/b").key());
    }

    @Test
    void documentEndMarkerClosesADocumentAndBareDocumentsMayFollow() {
        LoadResult result = load(lines("a: 1", "...", "# between", "b: 2", "...", "# trailing comment"));
        assertEquals(List.of(), result.problems());
        assertEquals(2, result.documents().size());
        assertEquals(pos(4, 1), span(result.documents().get(1), "/b").key());
    }

    @Test
    void emptyAndCommentOnlyDocumentsAreSkippedSilently() {
        String text = lines(
                "---",
                "# Source: mcp/templates/hpa.yaml",
                "---",
                "",
                "---",
                "~",
                "---",
                "# Source: mcp/templates/svc.yaml",
                "kind: Service");
        LoadResult result = load(text);
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.documents().size());
        assertEquals(3, result.documents().get(0).index());
        assertEquals("mcp/templates/svc.yaml", result.documents().get(0).helmSource());
    }

    @Test
    void emptyStreamAndCommentOnlyStreamHaveNoDocuments() {
        assertEquals(new LoadResult(List.of(), List.of()), load(""));
        assertEquals(new LoadResult(List.of(), List.of()), load("# nothing here\n\n"));
        assertEquals(new LoadResult(List.of(), List.of()), load("\uFEFF"));
    }

    @Test
    void helmSourceComesFromTheCommentsAboveTheContent() {
        String text = lines(
                "---",
                "# Source:   mcp/templates/deployment.yaml   ",
                "# Source: mcp/templates/other.yaml",
                "apiVersion: v1",
                "# Source: not/this.yaml",
                "---",
                "# Source: before-marker.yaml",
                "kind: X",
                "---",
                "kind: NoSource",
                "# Source: late.yaml");
        LoadResult result = load(text);
        assertEquals("mcp/templates/deployment.yaml", result.documents().get(0).helmSource());
        assertEquals("before-marker.yaml", result.documents().get(1).helmSource());
        assertNull(result.documents().get(2).helmSource());
    }

    @Test
    void helmSourceBeforeTheFirstMarkerBelongsToTheFirstDocument() {
        ManifestDocument doc = single(lines("# Source: c/templates/a.yaml", "---", "kind: A"));
        assertEquals("c/templates/a.yaml", doc.helmSource());
        assertEquals(1, doc.firstLine());
    }

    @Test
    void nonMappingRootsAreReturnedForTheCallerToJudge() {
        LoadResult result = load(lines("- a", "- b", "---", "just text", "---", "kind: List", "items: []"));
        assertEquals(List.of(), result.problems());
        assertEquals(3, result.documents().size());
        assertTrue(result.documents().get(0).content().isArray());
        assertTrue(result.documents().get(1).content().isTextual());
        assertTrue(result.documents().get(2).content().at("/items").isArray(), "kind: List stays one document");
    }

    @Test
    void fiftyThousandDocumentsLoad() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            text.append("---\n# Source: mcp/templates/cm-").append(i).append(".yaml\n")
                    .append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-").append(i)
                    .append("\ndata:\n  key: \"value\"\n");
        }
        LoadResult result = load(text.toString());
        assertEquals(List.of(), result.problems());
        assertEquals(50_000, result.documents().size());
        ManifestDocument last = result.documents().get(49_999);
        assertEquals("cm-49999", last.content().at("/metadata/name").textValue());
        assertEquals(49_999 * 8 + 1, last.firstLine());
        assertEquals(pos(49_999 * 8 + 6, 9), span(last, "/metadata/name").valueStart());
    }

    @Test
    void tooManyDocumentsAreReportedAndTheFirstOnesKept() {
        ManifestLoader loader = new ManifestLoader(LoaderLimits.DEFAULTS.withMaxDocuments(2));
        LoadResult result = loader.loadText("in.yaml", lines("a: 1", "---", "b: 2", "---", "c: 3", "---", "d: 4"));
        assertEquals(2, result.documents().size());
        InputProblem problem = onlyProblem(result);
        assertEquals(4, problem.line(), "the first line of the first document not read");
        assertTrue(problem.message().contains("more than 2 documents"), problem.message());
    }
}

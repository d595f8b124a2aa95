package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpolicy.finding.Level;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merging shard reports: each entry once, one run's order, summary recounted, unknown fields kept. */
class ReportMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ReportMerge.Source source(String name, String json) throws Exception {
        return new ReportMerge.Source(name, JSON.readTree(json.replace('\'', '"')));
    }

    private static String finding(String file, int line, String rule, String level) {
        return "{'ruleId': '" + rule + "', 'level': '" + level + "', 'message': 'm " + rule + "', 'location': {'file': '"
                + file + "', 'line': " + line + ", 'column': 3}, 'fingerprint': '" + file + line + rule + "'}";
    }

    private static String problem(String file, String severity, String message) {
        return "{'file': '" + file + "', 'line': 1, 'column': 1, 'severity': '" + severity + "', 'message': '" + message
                + "'}";
    }

    private static String jsonReport(String inputs, String findings, String servers, String problems) {
        return "{'schemaVersion': 1, 'tool': {'name': 'mcpolicy', 'version': '1'}, 'inputs': [" + inputs + "],"
                + " 'findings': [" + findings + "], 'mcpServers': [" + servers + "], 'problems': [" + problems + "],"
                + " 'summary': {'errors': 99, 'successful': true}}";
    }

    private static String server(String file, int line) {
        return "{'object': {'kind': 'Deployment', 'name': '" + file + "'}, 'location': {'file': '" + file
                + "', 'line': " + line + ", 'column': 3}, 'mcpServer': true, 'reason': 'marker'}";
    }

    private static final String SKIP_B = "not checked here (--shard): shard 2/2 checks it";
    private static final String SKIP_A = "not checked here (--shard): shard 1/2 checks it";
    private static final String SKIP_C = "not checked here (--shard): shard 3/3 checks it";

    private static List<ReportMerge.Source> twoShards() throws Exception {
        String shared = finding("values.yaml", 4, "literal-secret", "error");
        return List.of(
                source("shard-1.json", jsonReport("'charts'", finding("charts/b/x.yaml", 9, "pdb-coverage", "error")
                                + ", " + shared + ", " + finding("charts/a/x.yaml", 2, "image-pinned", "warning"),
                        server("charts/b/x.yaml", 1) + ", " + server("charts/a/x.yaml", 1),
                        problem("charts/c", "note", SKIP_B) + ", " + problem("charts/z", "note", SKIP_C))),
                source("shard-2.json", jsonReport("'charts'", shared + ", " + finding("charts/c/x.yaml", 5,
                                "sse-read-timeout", "warning").replace("}", ", 'suppressions': [{'kind': 'external'}]}"),
                        server("charts/c/x.yaml", 1),
                        problem("charts/a", "note", SKIP_A) + ", " + problem("charts/b", "note", SKIP_A) + ", "
                                + problem("charts/z", "note", SKIP_C) + ", " + problem("charts/c/values.yaml", "note",
                                "a note"))));
    }

    @Test
    void jsonFindingsOnceInOneRunsOrderWithTheSummaryRecounted() throws Exception {
        ReportMerge.Merged merged = ReportMerge.merge(twoShards());
        JsonNode document = merged.document();
        assertEquals(4, document.path("findings").size(), "the values-file finding both shards report, once");
        assertEquals(List.of("charts/a/x.yaml", "charts/b/x.yaml", "charts/c/x.yaml", "values.yaml"),
                document.path("findings").findValuesAsText("file").stream().distinct().toList());
        assertEquals(2, document.path("summary").path("errors").asInt());
        assertEquals(2, document.path("summary").path("warnings").asInt());
        assertEquals(4, document.path("summary").path("files").asInt());
        assertEquals(3, document.path("summary").path("mcpServers").asInt());
        assertTrue(merged.successful());
        assertEquals(List.of(Level.WARNING, Level.ERROR, Level.ERROR), merged.levels(),
                "the suppressed finding does not count for --fail-on");
        assertTrue(document.path("findings").get(2).has("suppressions"), "fields merge does not know are kept");
        approve(merged, "json");
    }

    @Test
    void aSkipNoteStaysOnlyWhenNoMergedShardCheckedTheInput() throws Exception {
        ReportMerge.Merged merged = ReportMerge.merge(twoShards());
        assertEquals(List.of("charts/c/values.yaml:1:1: a note", "charts/z:1:1: " + SKIP_C), merged.problems());
    }

    @Test
    void anInputErrorInAnyShardFailsTheMergedRun() throws Exception {
        List<ReportMerge.Source> sources = List.of(twoShards().get(0), source("shard-2.json",
                jsonReport("", "", "", problem("charts/c", "error", "helm template failed"))));
        ReportMerge.Merged merged = ReportMerge.merge(sources);
        assertFalse(merged.successful());
        assertFalse(merged.document().path("summary").path("successful").asBoolean());
        assertEquals(1, merged.document().path("summary").path("inputErrors").asInt());
    }

    @Test
    void refusesMixedFormatsOtherDocumentsAndOtherSchemaVersions() throws Exception {
        ReportMerge.Source json = twoShards().get(0);
        ReportMerge.Source sarif = source("a.sarif", "{'version': '2.1.0', 'runs': []}");
        assertTrue(assertThrows(ReportMerge.MergeException.class, () -> ReportMerge.merge(List.of(json, sarif)))
                .getMessage().startsWith("a.sarif:1:1: is a sarif report, but shard-1.json is json"));
        assertTrue(assertThrows(ReportMerge.MergeException.class, () -> ReportMerge.merge(List.of(
                source("x.json", "{'a': 1}")))).getMessage().startsWith("x.json:1:1: not an mcpolicy"));
        ReportMerge.Source v2 = source("v2.json", jsonReport("", "", "", "").replace("'schemaVersion': 1",
                "'schemaVersion': 2"));
        assertTrue(assertThrows(ReportMerge.MergeException.class, () -> ReportMerge.merge(List.of(json, v2)))
                .getMessage().startsWith("v2.json:1:1: schemaVersion 2 differs"));
    }

    private static String sarifRun(String rules, String results, String notifications, boolean successful) {
        return "{'tool': {'driver': {'name': 'mcpolicy', 'version': '1', 'rules': [" + rules + "]}},"
                + " 'columnKind': 'utf16CodeUnits', 'results': [" + results + "], 'invocations': [{"
                + "'executionSuccessful': " + successful + ", 'toolExecutionNotifications': [" + notifications + "]}]}";
    }

    private static String rule(String id) {
        return "{'id': '" + id + "', 'shortDescription': {'text': '" + id + "'}}";
    }

    private static String result(String rule, int index, String uri, int line, String level) {
        return "{'ruleId': '" + rule + "', 'ruleIndex': " + index + ", 'level': '" + level + "', 'message': {'text': 'm'},"
                + " 'locations': [{'physicalLocation': {'artifactLocation': {'uri': '" + uri + "'}, 'region': {"
                + "'startLine': " + line + ", 'startColumn': 1}}}], 'baselineState': 'new'}";
    }

    private static String notification(String uri, String level, String text) {
        return "{'level': '" + level + "', 'message': {'text': '" + text + "'}, 'locations': [{'physicalLocation':"
                + " {'artifactLocation': {'uri': '" + uri + "'}, 'region': {'startLine': 1, 'startColumn': 1}}}]}";
    }

    @Test
    void sarifKeepsOneRunPerToolWithRulesUnionedAndIndexesRemapped() throws Exception {
        String shard1 = "{'$schema': 'https://json.schemastore.org/sarif-2.1.0.json', 'version': '2.1.0', 'runs': ["
                + sarifRun(rule("b-rule") + ", " + rule("d-rule"), result("d-rule", 1, "charts/b/x.yaml", 3, "error"),
                notification("charts/a", "note", SKIP_A), true) + "]}";
        String shard2 = "{'$schema': 'https://json.schemastore.org/sarif-2.1.0.json', 'version': '2.1.0', 'runs': ["
                + sarifRun(rule("a-rule") + ", " + rule("d-rule"), result("a-rule", 0, "charts/a/x.yaml", 7, "warning")
                        + ", " + result("d-rule", 1, "charts/a/x.yaml", 2, "note"),
                notification("charts/b", "note", SKIP_B), true) + "]}";
        ReportMerge.Merged merged = ReportMerge.merge(List.of(source("1.sarif", shard1), source("2.sarif", shard2)));
        JsonNode run = merged.document().path("runs").get(0);
        assertEquals(1, merged.document().path("runs").size());
        assertEquals(List.of("a-rule", "b-rule", "d-rule"), run.path("tool").path("driver").path("rules")
                .findValuesAsText("id"));
        for (JsonNode result : run.path("results")) {
            String id = result.path("ruleId").asText();
            assertEquals(id, run.path("tool").path("driver").path("rules").get(result.path("ruleIndex").asInt())
                    .path("id").asText());
        }
        assertEquals(0, run.path("invocations").get(0).path("toolExecutionNotifications").size());
        assertEquals(List.of(Level.NOTE, Level.WARNING, Level.ERROR), merged.levels());
        approve(merged, "sarif");
    }

    private static void approve(ReportMerge.Merged merged, String extension) throws Exception {
        StringWriter out = new StringWriter();
        merged.write(out);
        Approvals.verify(out.toString(), new Options().withReporter(new QuietReporter()).forFile()
                .withExtension("." + extension));
    }
}

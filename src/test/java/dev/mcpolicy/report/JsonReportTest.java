package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mcpolicy.finding.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReportTest {
    private static final Schema SCHEMA = loadSchema();

    @TempDir
    Path repository;

    private ReportContext context() {
        SampleRun.writeFiles(repository);
        return ReportContext.of(SampleRun.TOOL, SampleRun.rules()).withBaseDirectory(repository);
    }

    @Test
    void sampleRun() {
        Approval.verify(SampleRun.render(new JsonReport(), SampleRun.run(), context()), ".json");
    }

    @Test
    void emptyRun() {
        Approval.verify(SampleRun.render(new JsonReport(), SampleRun.empty(), context()), ".json");
    }

    @Test
    void sampleAndEmptyRunsMatchTheSchema() throws IOException {
        for (RunResult run : List.of(SampleRun.run(), SampleRun.empty())) {
            assertEquals(List.of(), violations(SampleRun.render(new JsonReport(), run, context())));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void randomRunsMatchTheSchemaAndRenderDeterministically(long seed) throws IOException {
        String first = SampleRun.render(new JsonReport(), RandomRuns.generate(seed), context());
        String second = SampleRun.render(new JsonReport(), RandomRuns.generate(seed), context());
        assertEquals(first, second);
        assertEquals(List.of(), violations(first));
    }

    @Test
    void theSchemaRejectsAReportThatBreaksTheContract() throws IOException {
        ObjectNode document = new JsonReport().document(SampleRun.run(), context());
        ((ObjectNode) document.get("findings").get(0)).put("level", "fatal");
        document.remove("summary");
        List<String> problems = violations(TestJson.MAPPER.writeValueAsString(document));
        assertTrue(problems.stream().anyMatch(p -> p.contains("level")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("summary")), problems.toString());
    }

    @Test
    void keysAreSortedAndIndentedByTwoSpaces() throws IOException {
        String json = SampleRun.render(new JsonReport(), SampleRun.empty(), context());
        assertTrue(json.startsWith("{\n  \"baseline\": null,\n  \"findings\": [],\n  \"inputs\": [\n    \"deploy/\"\n  ],\n"), json);
        assertTrue(json.endsWith("}\n"));
        JsonNode parsed = TestJson.MAPPER.readTree(json);
        assertEquals(1, parsed.get("schemaVersion").asInt());
    }

    @Test
    void fingerprintIgnoresLinesButNotObjectOrPointer() throws IOException {
        JsonNode findings = TestJson.MAPPER.readTree(
                SampleRun.render(new JsonReport(), SampleRun.run(), context())).get("findings");
        long distinct = java.util.stream.StreamSupport.stream(findings.spliterator(), false)
                .map(f -> f.get("fingerprint").asText()).distinct().count();
        assertEquals(findings.size(), distinct, "every sample finding has its own identity");
        assertFalse(findings.get(0).get("fingerprint").asText().isEmpty());
    }

    static List<String> violations(String json) throws IOException {
        List<Error> errors = SCHEMA.validate(TestJson.MAPPER.readTree(json));
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static Schema loadSchema() {
        try (InputStream in = JsonReport.class.getResourceAsStream(JsonReport.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + JsonReport.SCHEMA_RESOURCE);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyFindingSaysHowCertainItIs() throws Exception {
        var findings = SampleRun.run().findings();
        var inferred = List.of(findings.get(0).withCertainty(dev.mcpolicy.finding.Certainty.INFERRED), findings.get(1));
        var run = new dev.mcpolicy.finding.RunResult(List.of("deploy/"), inferred, List.of(), List.of());
        var document = new JsonReport().document(run, ReportContext.of(SampleRun.TOOL, SampleRun.rules()));
        assertEquals("inferred", document.path("findings").get(0).path("certainty").asText());
        assertEquals("certain", document.path("findings").get(1).path("certainty").asText());
    }

    @Test
    void fileNamesKeepTheirRealTextEscapedAsJson() throws IOException {
        String file = "a\nb\u001b.yaml";
        var finding = new dev.mcpolicy.finding.Finding("sse-read-timeout", dev.mcpolicy.finding.Level.ERROR, "m",
                new dev.mcpolicy.finding.Location(file, 1, 1, 0, "exact"), null, null, "", null, List.of(),
                List.of(), java.util.Map.of());
        RunResult run = new RunResult(List.of(file), List.of(finding), List.of(),
                List.of(dev.mcpolicy.manifest.InputProblem.error(file, 2, 1, "broken")));
        String json = SampleRun.render(new JsonReport(), run, context());
        assertFalse(json.contains("\u001b") || json.contains("a\nb"), "no raw control character in the output");
        JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals(file, root.path("findings").get(0).path("location").path("file").asText(), json);
        assertEquals(file, root.path("problems").get(0).path("file").asText());
    }
}

package dev.mcpolicy.chart;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helm's error shapes (Helm 3 and Helm 4 wording, copied from real runs) and where they point. */
class HelmErrorTest {

    @Test
    void helm3TemplateErrorNamesLineAndColumn() {
        HelmError error = HelmError.of("""
                Error: template: mcp-server/templates/deployment.yaml:12:20: executing "mcp-server/templates/deployment.yaml" at <.Values.a.b>: nil pointer evaluating interface {}.b
                """);
        assertEquals(Optional.of(new HelmError.TemplatePlace("mcp-server/templates/deployment.yaml", 12, 20)),
                error.template());
        assertTrue(error.text().startsWith("template: mcp-server/templates/deployment.yaml:12:20: executing"));
        assertTrue(error.text().endsWith("nil pointer evaluating interface {}.b"), error.text());
    }

    @Test
    void helm4ExecutionErrorIsPlacedAndKeptWhole() {
        HelmError error = HelmError.of("""
                Error: execution error at (broken-template/templates/cm.yaml:4:11): apiToken must be set

                Use --debug flag to render out invalid YAML
                """);
        assertEquals(Optional.of(new HelmError.TemplatePlace("broken-template/templates/cm.yaml", 4, 11)),
                error.template());
        assertEquals("execution error at (broken-template/templates/cm.yaml:4:11): apiToken must be set", error.text());
    }

    @Test
    void helm4MultiLineErrorIsJoinedIntoOneLine() {
        HelmError error = HelmError.of("""
                Error: ok/charts/sub/templates/s.yaml:1:13
                  executing "ok/charts/sub/templates/s.yaml" at <.Values.a.b.c>:
                    nil pointer evaluating interface {}.b

                Use --debug flag to render out invalid YAML
                """);
        assertEquals(Optional.of(new HelmError.TemplatePlace("ok/charts/sub/templates/s.yaml", 1, 13)), error.template());
        assertEquals("ok/charts/sub/templates/s.yaml:1:13 executing \"ok/charts/sub/templates/s.yaml\" at"
                + " <.Values.a.b.c>: nil pointer evaluating interface {}.b", error.text());
    }

    @Test
    void parseErrorsNameALineOnly() {
        HelmError error = HelmError.of("Error: parse error at (ok/templates/cm.yaml:5): missing value for if\n");
        assertEquals(Optional.of(new HelmError.TemplatePlace("ok/templates/cm.yaml", 5, 1)), error.template());
    }

    @Test
    void yamlErrorsNameTheFileOnlySinceTheirLineIsOneOfTheOutput() {
        HelmError error = HelmError.of("Error: YAML parse error on ok/templates/cm.yaml: error converting YAML to JSON:"
                + " yaml: line 5: mapping values are not allowed in this context\n");
        assertEquals(Optional.of(new HelmError.TemplatePlace("ok/templates/cm.yaml", 1, 1)), error.template());
        assertTrue(error.text().contains("yaml: line 5"), error.text());
    }

    @Test
    void logLinesAndWarningsBeforeTheErrorAreLeftOut() {
        HelmError error = HelmError.of("""
                WARNING: Kubernetes configuration file is group-readable.
                level=ERROR msg="release name check failed" error="release name \\"X\\": invalid release name"
                Error: release name check failed: release name "X": invalid release name
                """);
        assertEquals("release name check failed: release name \"X\": invalid release name", error.text());
        assertEquals(Optional.empty(), error.template());
    }

    @Test
    void noErrorLineKeepsEverythingAndLongTextsAreNotCut() {
        String longReason = "x".repeat(2000);
        HelmError error = HelmError.of("something odd\n" + longReason + "\n");
        assertEquals("something odd " + longReason, error.text());
        assertFalse(error.template().isPresent());
        assertEquals("", HelmError.of("").text());
    }

    @Test
    void addressesAndUrlsAreNotTemplatePlaces() {
        HelmError error = HelmError.of("Error: Get \"http://127.0.0.1:9/index.yaml\": dial tcp 127.0.0.1:9: connect:"
                + " connection refused\n");
        assertEquals(Optional.empty(), error.template());
    }
}

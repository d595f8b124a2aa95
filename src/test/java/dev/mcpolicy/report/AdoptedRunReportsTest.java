package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Waived and baselined findings in the reports that list them (text as counts, JSON, SARIF), approved, and left out
 * of the others.
 */
class AdoptedRunReportsTest {
    @TempDir
    Path repository;

    private ReportContext context() {
        SampleRun.writeFiles(repository);
        return ReportContext.of(SampleRun.TOOL, SampleRun.rules()).withBaseDirectory(repository)
                .withText(new ReportContext.TextOptions(100, false, false));
    }

    @Test
    void text() {
        String text = SampleRun.render(new TextReport(), SampleRun.adopted(), context());
        assertFalse(text.contains("the gateway closes sessions"), "waived findings are counted, not shown");
        Approval.verify(text, ".txt");
    }

    @Test
    void json() throws Exception {
        String json = SampleRun.render(new JsonReport(), SampleRun.adopted(), context());
        assertEquals(List.of(), JsonReportTest.violations(json));
        Approval.verify(json, ".json");
    }

    @Test
    void sarif() throws Exception {
        String sarif = SampleRun.render(new SarifReport(), SampleRun.adopted(), context());
        JsonNode results = TestJson.MAPPER.readTree(sarif).at("/runs/0/results");
        List<String> states = new ArrayList<>();
        for (JsonNode result : results) {
            assertTrue(result.has("suppressions"), "suppressions on every result: " + result);
            assertTrue(result.has("baselineState") || !result.path("suppressions").isEmpty(), result.toString());
            states.add(result.path("baselineState").asText("waived"));
        }
        assertEquals(List.of("new", "new", "new", "new", "waived", "waived", "unchanged", "absent"), states);
        Approval.verify(sarif, ".sarif");
    }

    @Test
    void theOtherFormatsShowOnlyTheFindingsThatCount() {
        for (Report report : List.of(new GithubReport(), new GitlabReport(), new MarkdownReport())) {
            String output = SampleRun.render(report, SampleRun.adopted(), context());
            assertFalse(output.contains("sse-read-timeout") || output.contains("hpa-scale-down-stabilization"),
                    report.getClass().getSimpleName() + ": " + output);
        }
    }
}

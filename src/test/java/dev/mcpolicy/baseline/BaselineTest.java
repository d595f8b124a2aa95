package dev.mcpolicy.baseline;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineTest {
    private static final ObjectRef INGRESS = new ObjectRef("networking.k8s.io/v1", "Ingress", "mcp", "tools");
    private static final ObjectRef DEPLOYMENT = new ObjectRef("apps/v1", "Deployment", "mcp", "tools");

    private static Finding finding(String rule, ObjectRef object, int line, String message) {
        Location at = new Location("chart/values.yaml", line, 3, 0, Location.EXACT);
        return new Finding(rule, Level.ERROR, message, at, at, object, "/metadata/annotations", null, List.of(),
                List.of(), Map.of());
    }

    @Test
    void movedLinesAndOtherMessagesKeepTheMatchAndStaleEntriesAreAbsent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("baseline.yaml");
        BaselineFile.write(file, List.of(BaselineEntry.of(finding("sse-read-timeout", INGRESS, 10, "60s is short.")),
                BaselineEntry.of(finding("replica-count", DEPLOYMENT, 4, "one replica."))));
        ApplyBaseline step = new ApplyBaseline(BaselineFile.read(file, "baseline.yaml"));

        Finding moved = finding("sse-read-timeout", INGRESS, 42, "30s is short.");
        Finding fresh = finding("sse-send-timeout", INGRESS, 43, "send timeout.");
        assertEquals(List.of(fresh), step.apply(List.of(moved, fresh)));
        assertEquals(List.of(moved), step.unchanged());
        assertEquals(1, step.absent().size());
        assertEquals("replica-count", step.absent().get(0).ruleId());
        assertEquals("Deployment/tools/mcp", step.absent().get(0).object());
    }

    @Test
    void theFileIsSortedOncePerFingerprintMaskedAndTheSameInYamlAndJson(@TempDir Path dir) throws Exception {
        List<BaselineEntry> entries = List.of(
                BaselineEntry.of(finding("sse-read-timeout", INGRESS, 10, "token ghp_abcdefghijklmnopqrstuvwxyz0123456789")),
                BaselineEntry.of(finding("replica-count", DEPLOYMENT, 4, "one replica.")),
                BaselineEntry.of(finding("replica-count", DEPLOYMENT, 5, "the same finding, again")));
        Path yaml = dir.resolve("b.yaml");
        Path json = dir.resolve("b.json");
        BaselineFile.write(yaml, entries);
        BaselineFile.write(json, entries);
        String text = Files.readString(yaml);
        assertTrue(text.indexOf("replica-count") < text.indexOf("sse-read-timeout"), text);
        assertTrue(text.contains("ghp_****") && !text.contains("ghp_abcdefghij"), text);
        assertEquals(2, BaselineFile.read(yaml, "b.yaml").size());
        assertEquals(BaselineFile.read(yaml, "b.yaml"), BaselineFile.read(json, "b.json"));
        assertTrue(Files.readString(json).startsWith("{\n  \"version\": 1,"), Files.readString(json));

        BaselineFile.write(yaml, List.of(entries.get(2), entries.get(1), entries.get(0)));
        assertEquals(text, Files.readString(yaml), "the order of the findings does not change the file");
    }

    @Test
    void aBadBaselineIsOneLineAtItsPlace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("b.yaml");
        Files.writeString(file, "version: 1\nfindings:\n  - rule: x\n    fingerprint: abc\n");
        BaselineException e = assertThrows(BaselineException.class, () -> BaselineFile.read(file, "b.yaml"));
        assertEquals("b.yaml:4:5: each baseline entry needs a 'fingerprint' of 64 hex digits, as --write-baseline"
                + " writes it", e.getMessage());

        Files.writeString(file, "- a\n");
        assertTrue(assertThrows(BaselineException.class, () -> BaselineFile.read(file, "b.yaml")).getMessage()
                .startsWith("b.yaml:1:1: a baseline is a map with a list 'findings'"));
        assertTrue(assertThrows(BaselineException.class, () -> BaselineFile.read(dir.resolve("none.yaml"), "none.yaml"))
                .getMessage().startsWith("none.yaml:1:1: cannot read the baseline: no such file"));
    }
}

package dev.mcpolicy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.chart.RealHelm;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end on the packaged jar: {@code examples/adoption}, a chart adopting mcpolicy with a config file, waivers in
 * all three places and a baseline; the config commands; bad configuration files.
 */
class AdoptionIT {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String CONFIG = "examples/adoption/.mcpolicy.yaml";
    private static final String BASELINE = "examples/adoption/mcpolicy-baseline.yaml";
    private static final String CHART = "examples/adoption/chart";
    /** A new finding besides the accepted ones: the Ingress serves its host without TLS. */
    private static final String[] NEW_FINDING = {"--set", "ingress.tls.enabled=false"};

    private static JarRun check(String... arguments) throws Exception {
        Map<String, String> environment = new HashMap<>(ExamplesIT.REPRODUCIBLE);
        environment.put("MCPOLICY_HELM", RealHelm.binary().toString());
        List<String> all = new ArrayList<>(List.of("check"));
        all.addAll(List.of(arguments));
        return JarRun.run(null, environment, all.toArray(String[]::new));
    }

    private static void approve(String name, String text, String extension) {
        Approvals.verify(text, new Options().withReporter(new QuietReporter()).forFile()
                .withAdditionalInformation(name).forFile().withExtension(extension));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "json", "sarif"})
    void theGatePassesWithEverythingWaivedOrInTheBaselineAndFailsOnANewFinding(String format) throws Exception {
        JarRun gate = check(CHART, "--config", CONFIG, "--baseline", BASELINE, "--format", format);
        assertEquals(0, gate.exitCode(), gate.stderr());
        approve("gate-" + format, stable(gate.stdout(), format), format.equals("text") ? ".txt" : "." + format);

        List<String> arguments = new ArrayList<>(List.of(CHART, "--config", CONFIG, "--baseline", BASELINE,
                "--format", format));
        arguments.addAll(List.of(NEW_FINDING));
        JarRun fresh = check(arguments.toArray(String[]::new));
        assertEquals(1, fresh.exitCode(), fresh.stderr());
        approve("new-" + format, stable(fresh.stdout(), format), format.equals("text") ? ".txt" : "." + format);
    }

    @Test
    void theReportsSayWhichWaiverAndWhichBaselineState() throws Exception {
        List<String> arguments = new ArrayList<>(List.of(CHART, "--config", CONFIG, "--baseline", BASELINE,
                "--format", "json"));
        arguments.addAll(List.of(NEW_FINDING));
        JsonNode report = JSON.readTree(check(arguments.toArray(String[]::new)).stdout());
        List<String> sources = new ArrayList<>();
        report.path("waived").forEach(waived -> sources.add(waived.path("ruleId").asText() + ":"
                + waived.path("waiver").path("source").asText() + ":" + waived.path("waiver").path("kind").asText()));
        assertEquals(List.of("image-pinned:comment:inSource", "replica-count:annotation:inSource",
                "termination-grace-period:config:external"), sources.stream().sorted().toList());
        assertEquals("new", report.path("findings").path(0).path("baselineState").asText());
        assertEquals("ingress-tls", report.path("findings").path(0).path("ruleId").asText());
        assertEquals("unchanged", report.path("baseline").path("unchanged").path(0).path("baselineState").asText());
        assertEquals("sse-send-timeout", report.path("baseline").path("absent").path(0).path("ruleId").asText());
        for (JsonNode waived : report.path("waived")) {
            String file = waived.path("waiver").path("location").path("file").asText();
            assertTrue(file.equals(CONFIG) || file.startsWith(CHART + "/"), "waiver place: " + waived);
        }

        arguments.set(arguments.indexOf("json"), "sarif");
        JsonNode sarif = JSON.readTree(check(arguments.toArray(String[]::new)).stdout());
        List<String> states = new ArrayList<>();
        for (JsonNode result : sarif.path("runs").path(0).path("results")) {
            assertTrue(result.has("suppressions"), "suppressions on every result or on none: " + result);
            String suppression = result.path("suppressions").isEmpty() ? "-"
                    : result.path("suppressions").path(0).path("kind").asText() + "/"
                    + result.path("suppressions").path(0).path("status").asText();
            states.add(result.path("ruleId").asText() + " " + result.path("baselineState").asText("-") + " " + suppression);
        }
        assertEquals(List.of("ingress-tls new -", "image-pinned - inSource/accepted",
                "replica-count - inSource/accepted", "termination-grace-period - external/accepted",
                "sse-read-timeout unchanged -", "sse-send-timeout absent -"), states);
    }

    @Test
    void theOtherFormatsLeaveWaivedAndExistingFindingsOut() throws Exception {
        for (String format : List.of("github", "gitlab", "junit", "markdown")) {
            JarRun run = check(CHART, "--config", CONFIG, "--baseline", BASELINE, "--format", format);
            assertEquals(0, run.exitCode(), run.stderr());
            for (String rule : List.of("image-pinned", "termination-grace-period", "sse-read-timeout")) {
                assertFalse(run.stdout().contains(rule) && !format.equals("junit"), format + " shows " + rule);
            }
        }
    }

    @Test
    void forbiddenWaiversAreIgnoredAndListed() throws Exception {
        JarRun run = check(CHART, "--config", CONFIG, "--baseline", BASELINE, "--waivers", "config");
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("ignored: --waivers config does not allow annotation waivers"), run.stderr());
        assertTrue(run.stderr().contains("ignored: --waivers config does not allow comment waivers"), run.stderr());
        assertTrue(run.stdout().contains("replica-count") && run.stdout().contains("image-pinned"), run.stdout());
    }

    @Test
    void writingABaselineAcceptsTheFindingsOfTheRunAndOnlyNewOnesFailLater(@TempDir Path dir) throws Exception {
        Path baseline = dir.resolve("baseline.json");
        JarRun write = check("examples/broken/rendered.yaml", "--no-config", "--write-baseline", baseline.toString());
        assertEquals(0, write.exitCode(), write.stderr());
        assertTrue(Files.readString(baseline).startsWith("{\n  \"version\": 1,"));
        JarRun again = check("examples/broken/rendered.yaml", "--no-config", "--baseline", baseline.toString(),
                "--fail-on", "note");
        assertEquals(0, again.exitCode(), again.stderr() + again.stdout());
        assertTrue(again.stdout().contains("No new findings."), again.stdout());

        JarRun failed = check(dir.resolve("missing.yaml").toString(), "--no-config", "--write-baseline",
                dir.resolve("b.yaml").toString());
        assertEquals(2, failed.exitCode());
        assertFalse(Files.exists(dir.resolve("b.yaml")), "a run that checked nothing writes no baseline");
    }

    @Test
    void rulesAreSwitchedOffAndRelevelledFromTheCommandLine() throws Exception {
        JarRun run = check("examples/broken/rendered.yaml", "--no-config", "--format", "json",
                "--set-param", "replica-count.enabled=false", "--set-param", "sse-read-timeout.level=note");
        JsonNode report = JSON.readTree(run.stdout());
        for (JsonNode finding : report.path("findings")) {
            assertFalse(finding.path("ruleId").asText().equals("replica-count"), finding.toString());
            if (finding.path("ruleId").asText().equals("sse-read-timeout")) {
                assertEquals("note", finding.path("level").asText());
            }
        }
        JarRun typo = check("examples/broken/rendered.yaml", "--no-config", "--set-param", "replica-cont.enabled=false");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.stderr().contains("did you mean 'replica-count'?"), typo.stderr());
    }

    @Test
    void aBadConfigIsOneLineAtItsPlaceAndExitTwo(@TempDir Path dir) throws Exception {
        Path config = dir.resolve(".mcpolicy.yaml");
        Files.writeString(config, "rules:\n  replica-counts:\n    enabled: false\n");
        JarRun run = check("examples/broken/rendered.yaml", "--config", config.toString());
        assertEquals(2, run.exitCode());
        assertEquals(config + ":2:3: no rule 'replica-counts'; did you mean 'replica-count'? ('mcpolicy rules' lists"
                + " them)\n", run.stderr());
        assertEquals("", run.stdout());

        Files.writeString(config, "waivers:\n  - rule: replica-count\n    object: Deployment/x\n");
        JarRun noReason = check("examples/broken/rendered.yaml", "--config", config.toString());
        assertEquals(2, noReason.exitCode());
        assertTrue(noReason.stderr().startsWith(config + ":2:5: "), noReason.stderr());
        assertFalse(noReason.stderr().contains("Exception"), noReason.stderr());
    }

    @Test
    void theConfigIsFoundFromTheWorkingDirectoryAndAnExpiredWaiverSaysSo(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.copy(Path.of("examples/broken/rendered.yaml"), dir.resolve("rendered.yaml"));
        Files.writeString(dir.resolve(".mcpolicy.yaml"), """
                waivers:
                  - rule: replica-count
                    reason: accepted until the end of 2020
                    expires: 2020-12-31
                """);
        Path sub = Files.createDirectories(dir.resolve("sub"));
        JarRun run = JarRun.runIn(sub, null, Map.of(), "check", "../rendered.yaml", "--fail-on", "never", "--format",
                "json");
        assertEquals(0, run.exitCode(), run.stderr());
        int expired = 0;
        for (JsonNode finding : JSON.readTree(run.stdout()).path("findings")) {
            if (finding.path("ruleId").asText().equals("replica-count")) {
                assertTrue(finding.path("message").asText().matches(".*\\(Not waived: the config waiver at \\S*"
                        + "\\.mcpolicy\\.yaml:2:5 expired on 2020-12-31\\.\\)"), finding.toString());
                assertEquals("2020-12-31", finding.path("properties").path("waiverExpired").asText());
                expired++;
            }
        }
        assertEquals(3, expired);
        assertEquals(0, JSON.readTree(run.stdout()).path("waived").size());
    }

    @Test
    void configInitShowAndSchema(@TempDir Path dir) throws Exception {
        JarRun init = JarRun.runIn(dir, null, Map.of(), "config", "init");
        assertEquals(0, init.exitCode(), init.stderr());
        String starter = Files.readString(dir.resolve(".mcpolicy.yaml"));
        assertTrue(starter.startsWith("# yaml-language-server: $schema=.mcpolicy.schema.json\n"), starter);
        assertEquals(Files.readString(Path.of("schemas/mcpolicy-config.schema.json")),
                Files.readString(dir.resolve(".mcpolicy.schema.json")), "the schema beside it, for editors");
        JarRun again = JarRun.runIn(dir, null, Map.of(), "config", "init");
        assertEquals(2, again.exitCode());
        assertTrue(again.stderr().contains("exists already"), again.stderr());
        assertEquals(starter, Files.readString(dir.resolve(".mcpolicy.yaml")), "never overwritten");

        JarRun show = JarRun.run(null, Map.of(), "config", "show", "--config", CONFIG, "--fail-on", "error",
                "--set-param", "replica-count.enabled=false");
        assertEquals(0, show.exitCode(), show.stderr());
        approve("config-show", show.stdout(), ".txt");

        JarRun schema = JarRun.run("config", "schema");
        assertEquals(Files.readString(Path.of("schemas/mcpolicy-config.schema.json")), schema.stdout());
    }

    /** The report without what changes with the build or the rule pack: tool version, the SARIF rule catalogue. */
    private static String stable(String output, String format) throws Exception {
        if (format.equals("text")) {
            return output;
        }
        JsonNode report = JSON.readTree(output);
        if (format.equals("json")) {
            ((ObjectNode) report.path("tool")).put("version", "<version>");
        } else {
            for (JsonNode sarifRun : report.path("runs")) {
                ObjectNode driver = (ObjectNode) sarifRun.path("tool").path("driver");
                driver.remove("rules");
                driver.put("version", "<version>");
                driver.remove("semanticVersion");
                for (JsonNode result : sarifRun.path("results")) {
                    ((ObjectNode) result).remove("ruleIndex");
                }
            }
        }
        return JSON.writeValueAsString(report) + "\n";
    }
}

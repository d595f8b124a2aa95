package dev.mcpolicy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpolicy.chart.RealHelm;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end on the packaged jar: custom rule folders ({@code check --rules DIR}), {@code rules test [DIR…]} and
 * {@code rules --format json}, with {@code examples/custom-rules/} and the broken folders under
 * {@code src/test/resources/custom-rules/}.
 */
class CustomRulesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOM = "examples/custom-rules";
    private static final String BROKEN = "src/test/resources/custom-rules/";

    @Test
    void customRulesReportOnTheExampleRenderBesideTheBuiltInOnes() throws Exception {
        JarRun run = JarRun.run("check", "--rules", CUSTOM, "-n", "mcp", "examples/rendered/production.yaml",
                "-f", "examples/mcp-server/values-production.yaml", "--format", "json");
        assertEquals(1, run.exitCode(), run.stderr());
        List<String> rules = new ArrayList<>();
        JSON.readTree(run.stdout()).path("findings").forEach(f -> rules.add(f.path("ruleId").asText()));
        assertEquals(List.of("team-label", "ingress-data-classification"), rules);
        JarRun without = JarRun.run("check", "-n", "mcp", "examples/rendered/production.yaml",
                "-f", "examples/mcp-server/values-production.yaml");
        assertEquals(0, without.exitCode(), without.stdout() + without.stderr());
    }

    @Test
    void inSarifCustomRulesAreDriverRulesNamingTheirFolder() throws Exception {
        JarRun run = JarRun.run("check", "--rules", CUSTOM, "-n", "mcp", "examples/rendered/production.yaml",
                "-f", "examples/mcp-server/values-production.yaml", "--format", "sarif",
                "--help-base-url", "https://example.com/mcpolicy/docs/rules/");
        assertEquals(1, run.exitCode(), run.stderr());
        JsonNode sarifRun = JSON.readTree(run.stdout()).at("/runs/0");
        assertTrue(sarifRun.at("/tool/extensions").isMissingNode(), sarifRun.path("tool").toString());
        JsonNode rules = sarifRun.at("/tool/driver/rules");
        for (JsonNode result : sarifRun.path("results")) {
            assertTrue(result.path("rule").isMissingNode(), result.toString());
            JsonNode rule = rules.get(result.path("ruleIndex").asInt());
            assertEquals(result.path("ruleId").asText(), rule.path("id").asText());
            assertEquals(CUSTOM, rule.at("/properties/ruleFolder").asText());
        }
        JsonNode teamLabel = rules.get(sarifRun.at("/results/0/ruleIndex").asInt());
        assertEquals("https://wiki.example.com/platform/mcp-servers#owner-labels", teamLabel.path("helpUri").asText());
        assertEquals("error", teamLabel.at("/defaultConfiguration/level").asText());
        JsonNode classification = rules.get(sarifRun.at("/results/1/ruleIndex").asInt());
        assertTrue(classification.path("helpUri").isMissingNode(), "no link to mcpolicy's pages for a custom rule");
    }

    @Test
    void inChartModeCustomFindingsPointAtTheTemplateLines() throws Exception {
        JarRun run = JarRun.run(null, Map.of("MCPOLICY_HELM", RealHelm.binary().toString()), "check", "--rules", CUSTOM,
                "-n", "mcp", "examples/mcp-server", "--env", "production=examples/mcp-server/values-production.yaml",
                "--format", "json");
        assertEquals(1, run.exitCode(), run.stderr());
        List<String> places = new ArrayList<>();
        JSON.readTree(run.stdout()).path("findings").forEach(f -> {
            if (!f.path("ruleId").asText().equals("replica-count")) {
                places.add(f.path("ruleId").asText() + " " + f.at("/location/file").asText() + ":"
                        + f.at("/location/line").asInt());
            }
        });
        assertEquals(List.of("team-label examples/mcp-server/templates/deployment.yaml:6",
                "ingress-data-classification examples/mcp-server/templates/ingress.yaml:8"), places);
    }

    @Test
    void aParameterOfACustomRuleIsSetLikeABuiltInOne() throws Exception {
        JarRun run = JarRun.run("check", "--rules", CUSTOM, "--set-param", "team-label.nothing=1",
                "examples/rendered/production.yaml");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("rule team-label has no parameter nothing (it has none)"), run.stderr());
    }

    @Test
    void rulesTestRunsTheExamplesOfAFolder() throws Exception {
        JarRun run = JarRun.run("rules", "test", CUSTOM);
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stdout().contains("pass  team-label                   no team label\n"), run.stdout());
        assertTrue(run.stdout().endsWith("8 examples of 2 rules: 8 passed, 0 failed\n"), run.stdout());
    }

    @Test
    void rulesTestWithoutFoldersRunsTheBuiltInPack() throws Exception {
        JarRun run = JarRun.run("rules", "test");
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stdout().contains("pass  pdb-coverage  "), run.stdout());
        assertFalse(run.stdout().contains("team-label"), run.stdout());
        assertTrue(run.stdout().strip().lines().reduce((a, b) -> b).orElseThrow().matches(
                "\\d+ examples of \\d+ rules: \\d+ passed, 0 failed"), run.stdout());
    }

    @Test
    void aFailingExampleSaysWhyAndExitsOne() throws Exception {
        JarRun run = JarRun.run("rules", "test", BROKEN + "failing-examples");
        assertEquals(1, run.exitCode(), run.stdout() + run.stderr());
        assertEquals(List.of(
                "pass  service-owner  an annotated Service",
                "FAIL  service-owner  said to pass, but the annotation is missing: expected no finding, got 1: line 3"
                        + " /metadata/annotations/acme.example~1owner",
                "FAIL  service-owner  expects the finding on the wrong line: expected 1 finding on line 9, got them on"
                        + " line 3: line 3 /metadata/annotations/acme.example~1owner",
                "3 examples of 1 rule: 1 passed, 2 failed"), run.stdout().lines().toList());
    }

    @Test
    void anIdOfTheBuiltInPackIsAnInputErrorNamingBothFiles() throws Exception {
        for (String[] args : List.of(
                new String[]{"check", "--rules", CUSTOM, "--rules", BROKEN + "clash", "examples/rendered/production.yaml"},
                new String[]{"rules", "test", BROKEN + "clash"},
                new String[]{"rules", "--rules", BROKEN + "clash"})) {
            JarRun run = JarRun.run(args);
            assertEquals(2, run.exitCode(), String.join(" ", args));
            assertEquals(BROKEN + "clash/pdb-coverage.yaml:2:1: id: rule id pdb-coverage is already defined by the"
                    + " built-in rule rules/pdb-coverage.yaml; give this rule another id\n", run.stderr());
            assertEquals("", run.stdout());
        }
    }

    @Test
    void aBadRuleFileIsOneLineAtItsPlaceAndExitTwo() throws Exception {
        JarRun run = JarRun.run("check", "--rules", BROKEN + "invalid", "examples/rendered/production.yaml");
        assertEquals(2, run.exitCode());
        assertEquals(BROKEN + "invalid/bad-level.yaml:3:1: level: must be error, warning or note\n", run.stderr());
        JarRun missing = JarRun.run("check", "--rules", "no-such-folder", "examples/rendered/production.yaml");
        assertEquals(2, missing.exitCode());
        assertEquals("no-such-folder:1:1: not a folder of rule files\n", missing.stderr());
    }

    @Test
    void rulesAsJsonForTools() throws Exception {
        JarRun run = JarRun.run("rules", "--rules", CUSTOM, "--format", "json");
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode listing = JSON.readTree(run.stdout());
        assertEquals(1, listing.path("schemaVersion").asInt());
        JsonNode builtIn = null;
        JsonNode custom = null;
        for (JsonNode rule : listing.path("rules")) {
            if (rule.path("id").asText().equals("sse-read-timeout")) {
                builtIn = rule;
            } else if (rule.path("id").asText().equals("team-label")) {
                custom = rule;
            }
        }
        assertEquals("built-in", builtIn.path("source").asText());
        assertEquals("minSeconds", builtIn.at("/parameters/0/name").asText());
        assertEquals("integer", builtIn.at("/parameters/0/type").asText());
        assertTrue(builtIn.at("/parameters/0/default").isNumber(), builtIn.toString());
        assertTrue(builtIn.path("helpUri").isNull(), "no address nobody configured");
        assertEquals(CUSTOM + "/team-label.yaml", custom.path("source").asText());
        assertEquals("https://wiki.example.com/platform/mcp-servers#owner-labels", custom.path("helpUri").asText());
        assertEquals("error", custom.path("level").asText());

        JarRun show = JarRun.run("rules", "show", "sse-read-timeout", "--format", "json",
                "--help-base-url", "https://example.com/mcpolicy/docs/rules/");
        assertEquals(0, show.exitCode(), show.stderr());
        JsonNode one = JSON.readTree(show.stdout());
        assertEquals("https://example.com/mcpolicy/docs/rules/sse-read-timeout.md", one.path("helpUri").asText());
        assertFalse(one.path("help").asText().isBlank());
        assertTrue(one.path("examples").size() >= 5, one.toString());
    }

    @Test
    void showExplainsACustomRule() throws Exception {
        JarRun run = JarRun.run("rules", "show", "team-label", "--rules", CUSTOM);
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().startsWith("# team-label\n"), run.stdout());
        assertTrue(run.stdout().contains("| Source | `" + CUSTOM + "/team-label.yaml` (custom rule) |"), run.stdout());
        assertTrue(run.stdout().contains("live in `" + CUSTOM + "/team-label.yaml` and run as tests (`mcpolicy rules"
                + " test " + CUSTOM + "`)."), run.stdout());
        JarRun unknown = JarRun.run("rules", "show", "team-label");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().contains("unknown rule 'team-label'"), unknown.stderr());
    }
}

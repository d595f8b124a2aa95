package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.rules.RuleDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SarifReportTest {
    @TempDir
    Path repository;

    private ReportContext context() {
        SampleRun.writeFiles(repository);
        return ReportContext.of(SampleRun.TOOL, SampleRun.rules()).withBaseDirectory(repository);
    }

    private JsonNode sarif(RunResult run, ReportContext context) throws IOException {
        return TestJson.MAPPER.readTree(SampleRun.render(new SarifReport(), run, context));
    }

    @Test
    void sampleRun() {
        Approval.verify(SampleRun.render(new SarifReport(), SampleRun.run(), context()), ".sarif");
    }

    @Test
    void emptyRun() {
        Approval.verify(SampleRun.render(new SarifReport(), SampleRun.empty(), context()), ".sarif");
    }

    /** Test-only address of published rule pages. */
    static final String DOCS = "https://example.com/mcpolicy/docs/rules/";

    @Test
    void sampleRunPassesTheCodeScanningValidator() throws Exception {
        String sarif = SampleRun.render(new SarifReport(), SampleRun.run(), context().withHelpBaseUrl(DOCS));
        Path file = Files.writeString(repository.resolve("../mcpolicy-" + repository.getFileName() + ".sarif"), sarif);
        try {
            SarifValidator.Outcome outcome = SarifValidator.validate(file, repository);
            assertEquals(0, outcome.exitCode(), outcome.output());
            assertTrue(outcome.output().contains("0 warning(s)"), outcome.output());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void emptyRunPassesTheCodeScanningValidator() throws Exception {
        String sarif = SampleRun.render(new SarifReport(), SampleRun.empty(), context());
        Path file = Files.writeString(repository.resolve("../mcpolicy-empty-" + repository.getFileName() + ".sarif"),
                sarif);
        try {
            SarifValidator.Outcome outcome = SarifValidator.validate(file, repository);
            assertEquals(0, outcome.exitCode(), outcome.output());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A run with a custom rule folder: the sample run plus one finding of a rule loaded with --rules. */
    private static RunResult runWithCustomRule() {
        RunResult sample = SampleRun.run();
        Finding builtIn = sample.findings().stream().filter(f -> f.ruleId().equals("termination-grace-period"))
                .findFirst().orElseThrow();
        Finding custom = new Finding("team-label", Level.WARNING, "Deployment/mcp-gateway has no team label. Add"
                + " metadata.labels.team.", builtIn.primary(), null, builtIn.object(), "/metadata/labels/team", null,
                List.of(), List.of(), Map.of());
        List<Finding> findings = new ArrayList<>(sample.findings());
        findings.add(custom);
        return new RunResult(sample.inputs(), findings, sample.decisions(), sample.problems());
    }

    private ReportContext contextWithCustomRules() {
        List<RuleDefinition> rules = new ArrayList<>(SampleRun.rules());
        RuleDefinition teamLabel = new RuleDefinition("team-label", "TeamLabel", "Workloads name their owning team",
                Level.WARNING, List.of("acme", "ownership"), "very-high", null, "On-call routing reads the team label.",
                "Add `metadata.labels.team`.", List.of(), null, List.of(), "policies/team-label.yaml")
                .fromPack("policies", "https://wiki.example.com/policies/team-label");
        RuleDefinition undocumented = new RuleDefinition("cost-center", "CostCenter", "Workloads name a cost center",
                Level.NOTE, List.of("acme"), "high", null, "Costs are charged by the label.",
                "Add `metadata.labels.cost-center`.", List.of(), null, List.of(), "policies/cost-center.yaml")
                .fromPack("policies", null);
        rules.add(teamLabel);
        rules.add(undocumented);
        SampleRun.writeFiles(repository);
        return ReportContext.of(SampleRun.TOOL, rules).withBaseDirectory(repository).withHelpBaseUrl(DOCS);
    }

    @Test
    void customRulesAreDescribedInTheDriverAfterTheBuiltInOnes() throws IOException {
        String sarif = SampleRun.render(new SarifReport(), runWithCustomRule(), contextWithCustomRules());
        Approval.verify(sarif, ".sarif");
        JsonNode run = TestJson.MAPPER.readTree(sarif).at("/runs/0");
        assertTrue(run.at("/tool/extensions").isMissingNode(), run.get("tool").toString());
        JsonNode rules = run.at("/tool/driver/rules");
        int builtIn = sarif(SampleRun.run(), context().withHelpBaseUrl(DOCS)).at("/runs/0/tool/driver/rules").size();
        assertEquals(builtIn + 2, rules.size());
        JsonNode costCenter = rules.get(builtIn);
        JsonNode teamLabel = rules.get(builtIn + 1);
        assertEquals(List.of("cost-center", "team-label"), List.of(costCenter.get("id").asText(),
                teamLabel.get("id").asText()));
        assertEquals("TeamLabel", teamLabel.get("name").asText());
        assertEquals("Workloads name their owning team", teamLabel.at("/shortDescription/text").asText());
        assertEquals("On-call routing reads the team label.", teamLabel.at("/fullDescription/text").asText());
        assertTrue(teamLabel.at("/help/markdown").asText().contains("Add `metadata.labels.team`."), teamLabel.toString());
        assertEquals("note", costCenter.at("/defaultConfiguration/level").asText());
        assertEquals(List.of("acme", "ownership"), TestJson.MAPPER.convertValue(teamLabel.at("/properties/tags"),
                List.class));
        assertEquals("policies", teamLabel.at("/properties/" + SarifRules.FOLDER_PROPERTY).asText());
        assertTrue(rules.get(0).at("/properties/" + SarifRules.FOLDER_PROPERTY).isMissingNode(), rules.get(0).toString());
        // a custom rule links to its own documentation only, never to mcpolicy's rule pages
        assertEquals("https://wiki.example.com/policies/team-label", teamLabel.get("helpUri").asText());
        assertTrue(costCenter.get("helpUri") == null, costCenter.toString());
        assertFalse(costCenter.at("/help/markdown").asText().contains(DOCS), costCenter.toString());
        JsonNode result = null;
        for (JsonNode candidate : run.get("results")) {
            if (candidate.get("ruleId").asText().equals("team-label")) {
                result = candidate;
            }
        }
        assertTrue(result != null && result.get("rule") == null, String.valueOf(result));
        assertEquals(builtIn + 1, result.get("ruleIndex").asInt());
    }

    @Test
    void customRulesLeaveTheBuiltInIndexesAlone() throws IOException {
        JsonNode plain = sarif(SampleRun.run(), context().withHelpBaseUrl(DOCS)).at("/runs/0");
        JsonNode custom = TestJson.MAPPER.readTree(SampleRun.render(new SarifReport(), runWithCustomRule(),
                contextWithCustomRules())).at("/runs/0");
        JsonNode plainRules = plain.at("/tool/driver/rules");
        for (int i = 0; i < plainRules.size(); i++) {
            assertEquals(plainRules.get(i), custom.at("/tool/driver/rules").get(i));
        }
        Map<String, JsonNode> plainIndexes = new java.util.HashMap<>();
        plain.get("results").forEach(result -> plainIndexes.put(result.get("ruleId").asText(), result.get("ruleIndex")));
        custom.get("results").forEach(result -> {
            if (!result.get("ruleId").asText().equals("team-label")) {
                assertEquals(plainIndexes.get(result.get("ruleId").asText()), result.get("ruleIndex"));
            }
        });
    }

    @Test
    void customRulesPassTheCodeScanningValidatorWithNoWarningOfTheirOwn() throws Exception {
        List<String> plain = validatorWarnings(SampleRun.render(new SarifReport(), SampleRun.run(),
                context().withHelpBaseUrl(DOCS)));
        List<String> custom = validatorWarnings(SampleRun.render(new SarifReport(), runWithCustomRule(),
                contextWithCustomRules()));
        assertEquals(plain, custom);
    }

    /** The validator's warning codes and places; fails the test unless the file passes. */
    private List<String> validatorWarnings(String sarif) throws Exception {
        Path file = Files.writeString(repository.resolve("../mcpolicy-custom-" + repository.getFileName() + ".sarif"),
                sarif);
        try {
            SarifValidator.Outcome outcome = SarifValidator.validate(file, repository);
            assertEquals(0, outcome.exitCode(), outcome.output());
            return outcome.output().lines().map(String::strip).filter(line -> line.startsWith("warning")).toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void lineHashesAreThoseOfThePrimaryLines() throws IOException {
        JsonNode results = sarif(SampleRun.run(), context()).at("/runs/0/results");
        assertEquals(SampleRun.run().findings().size(), results.size());
        for (JsonNode result : results) {
            JsonNode location = result.at("/locations/0/physicalLocation");
            String file = location.at("/artifactLocation/uri").asText();
            int line = location.at("/region/startLine").asInt();
            List<String> hashes = LineHash.of(SampleRun.FILES.get(file));
            assertEquals(hashes.get(line - 1), result.at("/partialFingerprints/primaryLocationLineHash").asText());
            assertEquals(64, result.at("/partialFingerprints/mcpolicy~1v1").asText().length());
        }
    }

    @Test
    void regionEndsAtTheEndOfTheTokenWhenTheFindingDoesNotSay() throws IOException {
        JsonNode results = sarif(SampleRun.run(), context()).at("/runs/0/results");
        Map<String, JsonNode> byRule = new java.util.HashMap<>();
        results.forEach(result -> byRule.put(result.get("ruleId").asText(), result));
        JsonNode grace = byRule.get("termination-grace-period").at("/locations/0/physicalLocation/region");
        assertEquals(7, grace.get("startColumn").asInt());
        assertEquals(7 + "terminationGracePeriodSeconds".length(), grace.get("endColumn").asInt());
        JsonNode timeout = byRule.get("sse-read-timeout").at("/locations/0/physicalLocation/region");
        assertEquals(timeout.get("startColumn").asInt() + "\"60\"".length(), timeout.get("endColumn").asInt());
    }

    @Test
    void securityRulesGetSecuritySeverityOthersProblemSeverity() throws IOException {
        JsonNode rules = sarif(SampleRun.empty(), context()).at("/runs/0/tool/driver/rules");
        assertEquals(SampleRun.rules().size(), rules.size());
        for (JsonNode rule : rules) {
            JsonNode properties = rule.get("properties");
            if (rule.get("id").asText().equals("values-no-secrets")) {
                assertEquals("8.5", properties.get("security-severity").asText());
                assertTrue(properties.get("security-severity").isTextual());
                assertEquals("security", properties.get("tags").get(0).asText());
                assertNull(properties.get("problem.severity"));
            } else {
                assertNull(properties.get("security-severity"));
                assertTrue(properties.get("problem.severity").isTextual());
            }
            assertNull(rule.get("helpUri"), "no link unless the user says where the rule pages are");
            assertFalse(rule.at("/help/markdown").asText().contains("]("), rule.toString());
            assertTrue(rule.at("/help/markdown").asText().length() > rule.at("/shortDescription/text").asText().length());
        }
        assertTrue(sarif(SampleRun.empty(), context()).at("/runs/0/tool/driver/informationUri").isMissingNode());
    }

    @Test
    void helpBaseUrlLinksEveryRuleToItsPage() throws IOException {
        JsonNode driver = sarif(SampleRun.empty(), context().withHelpBaseUrl(DOCS)).at("/runs/0/tool/driver");
        assertEquals(DOCS, driver.get("informationUri").asText());
        for (JsonNode rule : driver.get("rules")) {
            String page = DOCS + rule.get("id").asText() + ".md";
            assertEquals(page, rule.get("helpUri").asText());
            assertTrue(rule.at("/help/markdown").asText().endsWith("[Rule documentation](" + page + ")"));
        }
        JsonNode placeholder = sarif(SampleRun.empty(),
                context().withHelpBaseUrl("https://example.com/rules/{rule}.html")).at("/runs/0/tool/driver");
        assertEquals("https://example.com/rules/", placeholder.get("informationUri").asText());
        assertEquals("https://example.com/rules/pdb-coverage.html", placeholder.at("/rules/1/helpUri").asText());
    }

    @Test
    void longDescriptionsAndTooManyTagsAreCutToTheLimits() throws IOException {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tags.add("tag" + i);
        }
        RuleDefinition verbose = new RuleDefinition("verbose-rule", null, "Verbose", Level.NOTE, tags, "low", null,
                "word ".repeat(600), "help", List.of(), null, List.of(), "rules/verbose-rule.yaml");
        JsonNode rule = sarif(SampleRun.empty(), ReportContext.of(SampleRun.TOOL, List.of(verbose)))
                .at("/runs/0/tool/driver/rules/0");
        assertTrue(rule.at("/fullDescription/text").asText().length() <= SarifRules.MAX_DESCRIPTION);
        assertEquals(SarifRules.MAX_TAGS, rule.at("/properties/tags").size());
        assertEquals("VerboseRule", rule.get("name").asText());
    }

    @Test
    void filesOutsideTheSourceRootAreKeptAsGivenWithAWarning() throws IOException {
        Path outside = Files.writeString(repository.resolve("outside.yaml"), "kind: Service\n");
        Path root = Files.createDirectories(repository.resolve("repo"));
        Finding finding = new Finding("sse-read-timeout", Level.ERROR, "Service/x is odd.",
                new Location("outside.yaml", 1, 1, 0, Location.EXACT), null,
                new ObjectRef("v1", "Service", "x", null), "/kind", null, List.of(), List.of(), Map.of());
        RunResult run = new RunResult(List.of("outside.yaml"), List.of(finding), List.of(), List.of());
        JsonNode log = sarif(run, ReportContext.of(SampleRun.TOOL, SampleRun.rules())
                .withBaseDirectory(repository).withSourceRoot(root));

        assertEquals("outside.yaml", log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                .asText());
        assertEquals(LineHash.of(Files.readString(outside)).get(0),
                log.at("/runs/0/results/0/partialFingerprints/primaryLocationLineHash").asText());
        JsonNode notification = log.at("/runs/0/invocations/0/toolExecutionNotifications/0");
        assertEquals("warning", notification.get("level").asText());
        assertTrue(notification.at("/message/text").asText().contains("outside the source root"));
    }

    @Test
    void resultsWithoutReadableTextAreKeptWithAWarning() throws IOException {
        Finding beyondTheEnd = new Finding("pdb-coverage", Level.NOTE, "Deployment/x has no budget.",
                new Location(SampleRun.MANIFESTS, 500, 1, 0, Location.DOCUMENT), null,
                new ObjectRef("apps/v1", "Deployment", "x", null), "", null, List.of(), List.of(), Map.of());
        Finding missingFile = new Finding("pdb-coverage", Level.NOTE, "Deployment/y has no budget.",
                new Location("deploy/gone.yaml", 3, 1, 0, Location.DOCUMENT), null,
                new ObjectRef("apps/v1", "Deployment", "y", null), "", null, List.of(), List.of(), Map.of());
        RunResult run = new RunResult(List.of("deploy/"), List.of(beyondTheEnd, missingFile), List.of(), List.of());
        JsonNode log = sarif(run, context());

        JsonNode results = log.at("/runs/0/results");
        assertEquals(2, results.size());
        results.forEach(r -> assertTrue(r.at("/partialFingerprints/primaryLocationLineHash").isMissingNode()));
        results.forEach(r -> assertEquals(2, r.at("/locations/0/physicalLocation/region/endColumn").asInt()));
        JsonNode notifications = log.at("/runs/0/invocations/0/toolExecutionNotifications");
        assertEquals(2, notifications.size());
        assertTrue(notifications.get(0).at("/message/text").asText().startsWith("1 result in deploy/gone.yaml"));
    }

    @Test
    void standardInputIsHashedFromTheCapturedText() throws IOException {
        String stdin = "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n";
        Finding finding = new Finding("sse-read-timeout", Level.ERROR, "Service/x is odd.",
                new Location("<stdin>", 4, 3, 0, Location.EXACT), null,
                new ObjectRef("v1", "Service", "x", null), "/metadata/name", null, List.of(), List.of(), Map.of());
        RunResult run = new RunResult(List.of("<stdin>"), List.of(finding), List.of(), List.of());
        JsonNode log = sarif(run, context().withFileTexts(Map.of("<stdin>", stdin)));
        JsonNode result = log.at("/runs/0/results/0");
        assertEquals("%3Cstdin%3E", result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(LineHash.of(stdin).get(3), result.at("/partialFingerprints/primaryLocationLineHash").asText());
        assertEquals(7, result.at("/locations/0/physicalLocation/region/endColumn").asInt(), "end of 'name'");
    }

    @Test
    void automationDetailsOnlyWhenACategoryIsGiven() throws IOException {
        assertTrue(sarif(SampleRun.empty(), context()).at("/runs/0/automationDetails").isMissingNode());
        assertEquals("mcp-prod/", sarif(SampleRun.empty(), context().withSarifCategory("mcp-prod"))
                .at("/runs/0/automationDetails/id").asText());
        assertEquals("mcp/prod", sarif(SampleRun.empty(), context().withSarifCategory("mcp/prod"))
                .at("/runs/0/automationDetails/id").asText());
    }

    @Test
    void inputProblemsBecomeExecutionNotificationsAndFailTheExecution() throws IOException {
        JsonNode invocation = sarif(SampleRun.run(), context()).at("/runs/0/invocations/0");
        assertFalse(invocation.get("executionSuccessful").asBoolean());
        JsonNode first = invocation.at("/toolExecutionNotifications/0");
        assertEquals("error", first.get("level").asText());
        assertEquals(SampleRun.BROKEN, first.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("note", invocation.at("/toolExecutionNotifications/1/level").asText());
        assertEquals(2, invocation.get("toolExecutionNotifications").size(), "all files are inside the root");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void randomRunsKeepTheStructuralPromises(long seed) throws IOException {
        ReportContext context = context();
        String first = SampleRun.render(new SarifReport(), RandomRuns.generate(seed), context);
        assertEquals(first, SampleRun.render(new SarifReport(), RandomRuns.generate(seed), context),
                "byte-identical output");
        JsonNode run = TestJson.MAPPER.readTree(first).at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");
        Set<String> ruleIds = new HashSet<>();
        rules.forEach(rule -> assertTrue(ruleIds.add(rule.get("id").asText()), "unique rule ids"));
        for (JsonNode result : run.get("results")) {
            assertEquals(result.get("ruleId").asText(), rules.get(result.get("ruleIndex").asInt()).get("id").asText());
            assertEquals(1, result.get("locations").size());
            JsonNode region = result.at("/locations/0/physicalLocation/region");
            assertTrue(region.get("startLine").asInt() >= 1);
            assertEquals(region.get("startLine"), region.get("endLine"));
            assertTrue(region.get("endColumn").asInt() > region.get("startColumn").asInt());
            String uri = result.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
            assertTrue(uri.matches("[A-Za-z0-9\\-._~/%]+"), uri);
            assertFalse(uri.startsWith("./") || uri.startsWith("/"), uri);
            assertFalse(result.at("/message/text").asText().isBlank());
        }
    }

    @Test
    void inferredFindingsCarryTheirCertaintyAsAResultProperty() throws IOException {
        Finding finding = new Finding("termination-grace-period", Level.WARNING, "Deployment/x stops fast.",
                new Location("x.yaml", 1, 1, 0, Location.EXACT), null,
                new ObjectRef("apps/v1", "Deployment", "x", null), "/kind", null, List.of(), List.of(), Map.of())
                .withCertainty(dev.mcpolicy.finding.Certainty.INFERRED);
        RunResult run = new RunResult(List.of("x.yaml"), List.of(finding, finding.withCertainty(
                dev.mcpolicy.finding.Certainty.CERTAIN)), List.of(), List.of());
        JsonNode log = sarif(run, ReportContext.of(SampleRun.TOOL, SampleRun.rules()).withBaseDirectory(repository));
        assertEquals("inferred", log.at("/runs/0/results/0/properties/certainty").asText());
        assertTrue(log.at("/runs/0/results/1/properties/certainty").isMissingNode());
    }
}

package dev.mcpolicy.rules;

import dev.mcpolicy.engine.RuleCompiler;
import dev.mcpolicy.finding.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleLoaderTest {
    private static final String FILE = "rules/sse-read-timeout.yaml";
    private static final String VALID = """
            id: sse-read-timeout
            title: A title
            level: error
            tags: [mcp, ingress]
            precision: high
            rationale: Why it matters.
            help: How to fix it.
            parameters:
              minSeconds: {type: integer, default: 3600, description: Threshold.}
            check:
              target: ingress-routes
              where: {controller: [ingress-nginx], routesToMcpServer: true}
              assert:
                annotation:
                  key: nginx.ingress.kubernetes.io/proxy-read-timeout
                  as: seconds
                  default: 60
                  min: ${minSeconds}
              message: "{object} closes streams after {actual}s; set {key} to {min}{controllerNote}."
            examples:
              - name: an example
                expect: pass
                manifests: "apiVersion: v1"
            """;

    private final RuleLoader loader = RuleCompiler.standard().ruleLoader();

    @Test
    void validRuleLoadsWithDerivedName() throws RuleLoadException {
        RuleDefinition rule = loader.parse(FILE, "sse-read-timeout", VALID);
        assertEquals("SseReadTimeout", rule.name());
        assertEquals(Level.ERROR, rule.level());
        assertEquals(List.of("mcp", "ingress"), rule.tags());
        assertEquals(3600, rule.parameters().get(0).defaultValue().intValue());
        assertEquals(FILE, rule.sourceFile());
    }

    @Test
    void ruleFilesAreYaml12SoOnAndYesStayText() throws RuleLoadException {
        String text = VALID.replace("parameters:\n", "parameters:\n  mode: {type: string, default: on, description: d}\n"
                + "  flag: {type: boolean, default: true, description: d}\n  mask: {type: integer, default: 0o17,"
                + " description: d}\n");
        RuleDefinition rule = loader.parse(FILE, "sse-read-timeout", text);
        assertEquals("on", rule.parameters().get(0).defaultValue().textValue());
        assertTrue(rule.parameters().get(1).defaultValue().booleanValue());
        assertEquals(15, rule.parameters().get(2).defaultValue().intValue());
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                Arguments.of("min is not a number", "min: ${minSeconds}", "min: 12s",
                        "check.assert.annotation.min: must be a number or ${param}", null),
                Arguments.of("unknown level", "level: error", "level: fatal", "level: must be error, warning or note", null),
                Arguments.of("unknown parameter reference", "min: ${minSeconds}", "min: ${minSecs}",
                        "check.assert.annotation.min: unknown parameter ${minSecs}; declared: minSeconds", null),
                Arguments.of("unknown target", "target: ingress-routes", "target: gateways",
                        "check.target: unknown target 'gateways'", null),
                Arguments.of("unknown assertion mechanism", "    annotation:", "    probe:",
                        "check.assert.probe: unknown assertion mechanism 'probe'", null),
                Arguments.of("unknown where filter", "where: {controller: [ingress-nginx], routesToMcpServer: true}",
                        "where: {ingressClass: nginx}", "check.where.ingressClass: unknown filter 'ingressClass' for target ingress-routes", null),
                Arguments.of("filter of the wrong type", "where: {controller: [ingress-nginx], routesToMcpServer: true}",
                        "where: {routesToMcpServer: yes-please}", "check.where.routesToMcpServer: must be true or false", null),
                Arguments.of("unknown message placeholder", "message: \"{object} closes", "message: \"{objekt} closes",
                        "check.message: unknown placeholder {objekt}", null),
                Arguments.of("id differs from the file name", "id: sse-read-timeout", "id: sse-read-timeouts",
                        "id: must equal the file name 'sse-read-timeout'", null),
                Arguments.of("id not kebab-case", "id: sse-read-timeout", "id: SseReadTimeout",
                        "id: must be kebab-case (lower-case words joined by hyphens)", null),
                Arguments.of("unknown top-level field", "precision: high", "precision: high\nseverity: 3",
                        "severity: unknown field; rule files have", null),
                Arguments.of("parameter default of the wrong type", "default: 3600, description", "default: soon, description",
                        "parameters.minSeconds.default: must be a whole number", null),
                Arguments.of("security severity without the security tag", "precision: high", "precision: high\nsecuritySeverity: \"8.5\"",
                        "tags: a rule with securitySeverity must carry the tag 'security'", "tags: [mcp"),
                Arguments.of("default unreadable as seconds", "default: 60", "default: 1m",
                        "check.assert.annotation.default: '1m' is not plain whole seconds", null),
                Arguments.of("unknown message kind", "\nexamples:", "\n  messages: {too-short: x}\nexamples:",
                        "check.messages.too-short: the annotation assertion has no message kind 'too-short'", "messages:"),
                Arguments.of("bounds on a string value", "as: seconds", "as: string",
                        "check.assert.annotation.as: min and max need a numeric 'as'", null),
                Arguments.of("example without expectation", "    expect: pass\n", "",
                        "examples.0: required property 'expect' not found", "- name: an example"),
                Arguments.of("failing example without a count", "expect: pass", "expect: fail",
                        "examples.0: a failing example states how many findings it produces: count", "- name: an example"),
                Arguments.of("passing example with a count", "expect: pass", "expect: pass\n    count: 1",
                        "examples.0: a passing example produces no finding", "- name: an example"),
                Arguments.of("unknown fixture", "manifests: \"apiVersion: v1\"", "fixture: no-such-fixture",
                        "examples.0.fixture: unknown fixture 'no-such-fixture'", null),
                Arguments.of("example overrides an unknown parameter", "manifests: \"apiVersion: v1\"",
                        "manifests: \"apiVersion: v1\"\n    parameters: {minSecs: 1}",
                        "examples.0.parameters.minSecs: the rule has no parameter minSecs", "parameters: {minSecs"),
                Arguments.of("example override of the wrong type", "manifests: \"apiVersion: v1\"",
                        "manifests: \"apiVersion: v1\"\n    parameters: {minSeconds: soon}",
                        "examples.0.parameters.minSeconds: 'soon' is not a whole number", "parameters: {minSeconds: soon"),
                Arguments.of("duplicate key", "precision: high", "precision: high\nprecision: low",
                        "duplicate key 'precision' (first at line 5)", null),
                Arguments.of("supersededBy without rules", "precision: high", "precision: high\nsupersededBy: {note: x}",
                        "supersededBy: required property 'rules' not found", null),
                Arguments.of("supersededBy with an unknown field", "precision: high",
                        "precision: high\nsupersededBy: {rules: [replica-count], when: always}",
                        "supersededBy.when: unknown field; supersededBy has rules and note", null),
                Arguments.of("a rule superseding itself", "precision: high",
                        "precision: high\nsupersededBy: {rules: [sse-read-timeout]}",
                        "supersededBy.rules.0: a rule cannot supersede itself", null),
                Arguments.of("YAML syntax error", "title: A title", "title: A: title",
                        "YAML syntax error: mapping values are not allowed here", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void brokenRuleFilePointsAtTheLine(String name, String original, String replacement, String expectedMessage,
                                       String anchorText) {
        String anchor = anchorText != null ? anchorText : replacement.lines().reduce((a, b) -> b).orElseThrow().strip();
        String text = replaceOnce(VALID, original, replacement);
        RuleLoadException error = assertThrows(RuleLoadException.class, () -> loader.parse(FILE, "sse-read-timeout", text));
        RuleProblem problem = error.problems().stream().filter(p -> p.message().contains(expectedMessage)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem says '" + expectedMessage + "' in:\n" + error.getMessage()));
        int expectedLine = lineOf(text, anchor);
        assertEquals(expectedLine, problem.line(), problem.oneLine());
        assertTrue(problem.oneLine().startsWith(FILE + ":" + expectedLine + ":" + problem.column() + ": "), problem.oneLine());
    }

    @Test
    void supersededByIsReadWithItsNote() throws RuleLoadException {
        RuleDefinition rule = loader.parse(FILE, "sse-read-timeout", replaceOnce(VALID, "precision: high",
                "precision: high\nsupersededBy:\n  rules: [sse-proxy-buffering]\n  note: Said there."));
        assertEquals(new Supersession(List.of("sse-proxy-buffering"), "Said there."), rule.supersededBy());
        assertEquals(Supersession.NONE, loader.parse(FILE, "sse-read-timeout", VALID).supersededBy());
    }

    @Test
    void aPackMayOnlyFoldIntoItsOwnRulesAndChecksThatAreNotFoldedThemselves(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a.yaml"), replaceOnce(VALID.replace("sse-read-timeout", "a"),
                "precision: high", "precision: high\nsupersededBy:\n  rules: [nowhere]"));
        Files.writeString(folder.resolve("b.yaml"), replaceOnce(VALID.replace("sse-read-timeout", "b"),
                "precision: high", "precision: high\nsupersededBy:\n  rules: [a]"));
        Files.writeString(folder.resolve("c.yaml"), replaceOnce(VALID.replace("sse-read-timeout", "c"),
                "precision: high", "precision: high\nsupersededBy:\n  rules: [d/no-such-check]"));
        Files.writeString(folder.resolve("d.yaml"), replaceOnce(VALID.replace("sse-read-timeout", "d"),
                "  target: ingress-routes", "  id: read-timeout\n  target: ingress-routes"));
        RuleLoadException error = assertThrows(RuleLoadException.class, () -> loader.loadFolder(folder));
        String shown = folder.toString().replace('\\', '/');
        assertEquals(List.of(
                        shown + "/a.yaml:7:11: supersededBy.rules.0: no rule nowhere in the pack",
                        shown + "/b.yaml:7:11: supersededBy.rules.0: a is superseded itself; name the rule that reports"
                                + " the root cause",
                        shown + "/c.yaml:7:11: supersededBy.rules.0: rule d has no check with id no-such-check; its check"
                                + " ids: read-timeout"),
                error.problems().stream().map(RuleProblem::oneLine).toList());
        Files.writeString(folder.resolve("c.yaml"), replaceOnce(VALID.replace("sse-read-timeout", "c"),
                "precision: high", "precision: high\nsupersededBy:\n  rules: [d/read-timeout]"));
        Files.delete(folder.resolve("a.yaml"));
        Files.delete(folder.resolve("b.yaml"));
        assertEquals(List.of("c", "d"), loader.loadFolder(folder).rules().stream().map(RuleDefinition::id).toList());
    }

    @Test
    void problemLineShowsFileLineColumnAndDottedPath() {
        String text = replaceOnce(VALID, "min: ${minSeconds}", "min: 12s");
        RuleLoadException error = assertThrows(RuleLoadException.class, () -> loader.parse(FILE, "sse-read-timeout", text));
        assertEquals(FILE + ":18:7: check.assert.annotation.min: must be a number or ${param}", error.getMessage());
    }

    @Test
    void folderWithBrokenAndValidFilesReportsEveryProblem(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("sse-read-timeout.yaml"), VALID);
        Files.writeString(folder.resolve("other-rule.yaml"), VALID);
        Files.writeString(folder.resolve("third.yaml"), "id: [");
        RuleLoadException error = assertThrows(RuleLoadException.class, () -> loader.loadFolder(folder));
        assertEquals(2, error.problems().size(), error.getMessage());
        assertTrue(error.getMessage().contains("other-rule.yaml:1:1: id: must equal the file name 'other-rule'"), error.getMessage());
        assertTrue(error.getMessage().contains("third.yaml:1:"), error.getMessage());
    }

    @Test
    void examplesStartWithTheirFixturesDocuments(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("fixtures"));
        Files.writeString(folder.resolve("fixtures/base.yaml"), "# a base render\napiVersion: v1\nkind: Service\n");
        Files.writeString(folder.resolve("sse-read-timeout.yaml"), VALID.replace("manifests: \"apiVersion: v1\"",
                "fixture: base\n    manifests: \"kind: ConfigMap\""));
        RuleDefinition.RuleExample example = loader.loadFolder(folder).rules().get(0).examples().get(0);
        assertEquals("apiVersion: v1\nkind: Service\n---\nkind: ConfigMap", example.manifests());
        assertEquals("base", example.fixture());
        RuleDefinition builtIn = loader.parse(FILE, "sse-read-timeout", VALID.replace("manifests: \"apiVersion: v1\"",
                "fixture: mcp-server"));
        assertTrue(builtIn.examples().get(0).manifests().startsWith("apiVersion: apps/v1\nkind: Deployment"));
    }

    @Test
    void folderOfValidRulesLoads(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("sse-read-timeout.yaml"), VALID);
        RuleSet rules = loader.loadFolder(folder);
        assertEquals(List.of("sse-read-timeout"), rules.rules().stream().map(RuleDefinition::id).toList());
    }

    @Test
    void missingFolderIsAProblemNotAnException(@TempDir Path folder) {
        RuleLoadException error = assertThrows(RuleLoadException.class, () -> loader.loadFolder(folder.resolve("nope")));
        assertTrue(error.getMessage().endsWith("not a folder of rule files"), error.getMessage());
    }

    private static String replaceOnce(String text, String original, String replacement) {
        int at = text.indexOf(original);
        if (at < 0) {
            throw new IllegalArgumentException("not in the base rule: " + original);
        }
        return text.substring(0, at) + replacement + text.substring(at + original.length());
    }

    private static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not found: " + fragment);
    }
}

package dev.mcpolicy.cli;

import dev.mcpolicy.engine.RuleCompiler;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleDocs;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command-line advice the docs give for rule parameters is executed: every {@code --flag rule-id.param=value} in a
 * rule's help (what {@code rules show} prints), in README.md and in docs/rule-language.md must be an option of {@code mcpolicy check} that sets
 * that parameter, with a value its type accepts, and a run with it must succeed.
 */
class DocSnippetsTest {
    /** A flag followed by rule-id.parameter=value, as the docs write parameter overrides. */
    private static final Pattern OVERRIDE = Pattern.compile("(--[a-z][a-z-]*)[ =]([a-z][a-z0-9-]*)\\.([a-z][A-Za-z0-9]*)=([^\\s`'\"]+)");

    @TempDir
    Path folder;

    private record Snippet(String where, String flag, String rule, String parameter, String value) {
    }

    private static List<Snippet> snippets(String where, String text, RuleSet rules) {
        List<Snippet> out = new ArrayList<>();
        Matcher matcher = OVERRIDE.matcher(text);
        while (matcher.find()) {
            if (rules.byId(matcher.group(2)).isPresent()) {
                out.add(new Snippet(where, matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> parameterAdviceInDocsRuns() throws Exception {
        RuleSet rules = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        List<Snippet> snippets = new ArrayList<>();
        for (RuleDefinition rule : rules.rules()) {
            snippets.addAll(snippets("rules show " + rule.id(), RuleDocs.markdown(rule), rules));
        }
        snippets.addAll(snippets("README.md", Files.readString(Path.of("README.md")), rules));
        snippets.addAll(snippets("docs/rule-language.md", Files.readString(Path.of("docs/rule-language.md")), rules));
        assertTrue(snippets.size() >= 4, "the docs advise --set-param in several places: " + snippets);
        return snippets.stream().map(snippet -> DynamicTest.dynamicTest(snippet.where() + ": " + snippet.flag() + " "
                + snippet.rule() + "." + snippet.parameter() + "=" + snippet.value(), () -> run(snippet, rules)));
    }

    private void run(Snippet snippet, RuleSet rules) throws Exception {
        String override = snippet.rule() + "." + snippet.parameter() + "=" + snippet.value();
        CheckCommand command = new CheckCommand();
        new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(snippet.flag(), override, "-");
        assertEquals(Map.of(snippet.rule() + "." + snippet.parameter(), snippet.value()), command.parameters,
                snippet.flag() + " does not set a rule parameter; the flag is --set-param");
        if (!Set.of("enabled", "level").contains(snippet.parameter())) {
            rules.withOverrides(command.parameters); // enabled and level are rule settings, not parameters
        }

        RuleDefinition rule = rules.byId(snippet.rule()).orElseThrow();
        RuleDefinition.RuleExample example = rule.examples().stream().filter(e -> !e.manifests().isBlank())
                .findFirst().orElseThrow();
        Path input = Files.writeString(folder.resolve("example.yaml"), example.manifests());
        Path report = folder.resolve("report.json");
        int exit = Main.run("check", snippet.flag(), override, "--format", "json", "-o", report.toString(),
                input.toString());
        assertNotEquals(ExitCodes.RUN_FAILED, exit, "the advised command fails");
        assertFalse(Files.readString(report).isBlank());
    }

    @Test
    void aWrongFlagIsCaught() throws Exception {
        RuleSet rules = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        List<Snippet> found = snippets("test", "Lower it with `--set sse-read-timeout.minSeconds=1800`.", rules);
        assertEquals(1, found.size());
        CheckCommand command = new CheckCommand();
        new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(found.get(0).flag(), "sse-read-timeout.minSeconds=1800", "-");
        assertTrue(command.parameters.isEmpty(), "--set is helm's, not a rule parameter");
    }
}

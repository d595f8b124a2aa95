package dev.mcpolicy.rules;

import dev.mcpolicy.engine.RuleCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --rules DIR}: custom rule folders loaded next to the built-in pack. */
class CustomRuleFoldersTest {
    private static final String RULE = """
            id: ID
            title: Workloads carry a team label
            level: warning
            tags: [acme]
            precision: high
            rationale: Owners are found by the label.
            help: Add metadata.labels.team.
            check:
              target: workloads
              assert:
                value: {path: /metadata/labels/team, required: true}
              message: "{object} has no team label. Add metadata.labels.team."
            examples:
              - name: no label
                expect: fail
                count: 1
                fixture: mcp-server
            """;

    private final RuleLoader loader = RuleCompiler.standard().ruleLoader();

    private static Path write(Path folder, String id, String text) throws Exception {
        Files.createDirectories(folder);
        Path file = folder.resolve(id + ".yaml");
        Files.writeString(file, text.replace("id: ID", "id: " + id));
        return file;
    }

    private static String shown(Path path) {
        return path.toString().replace('\\', '/');
    }

    @Test
    void customRulesJoinTheBuiltInPackMarkedWithTheirFolder(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("policies");
        write(folder, "team-label", RULE.replace("help: Add", "helpUri: https://wiki.example.com/team-label\nhelp: Add"));
        RuleSet rules = loader.loadWithFolders(List.of(folder));
        assertEquals(loader.loadBuiltIn().size() + 1, rules.size());
        RuleDefinition custom = rules.byId("team-label").orElseThrow();
        assertFalse(custom.builtIn());
        assertEquals(shown(folder), custom.pack());
        assertEquals(shown(folder.resolve("team-label.yaml")), custom.sourceFile());
        assertEquals("https://wiki.example.com/team-label", custom.helpUri());
        RuleDefinition builtIn = rules.byId("pdb-coverage").orElseThrow();
        assertTrue(builtIn.builtIn());
        assertNull(builtIn.helpUri());
    }

    @Test
    void anIdOfTheBuiltInPackIsRefusedNamingBothFiles(@TempDir Path dir) throws Exception {
        Path file = write(dir, "pdb-coverage", RULE);
        RuleLoadException error = assertThrows(RuleLoadException.class, () -> loader.loadWithFolders(List.of(dir)));
        assertEquals(List.of(shown(file) + ":1:1: id: rule id pdb-coverage is already defined by the built-in rule"
                + " rules/pdb-coverage.yaml; give this rule another id"),
                error.problems().stream().map(RuleProblem::oneLine).toList());
    }

    @Test
    void anIdInTwoFoldersIsRefusedAtTheLaterFolder(@TempDir Path dir) throws Exception {
        Path first = write(dir.resolve("a"), "team-label", RULE);
        Path second = write(dir.resolve("b"), "team-label", RULE);
        RuleLoadException error = assertThrows(RuleLoadException.class,
                () -> loader.loadWithFolders(List.of(dir.resolve("a"), dir.resolve("b"))));
        assertEquals(List.of(shown(second) + ":1:1: id: rule id team-label is already defined in " + shown(first)
                + "; give this rule another id"), error.problems().stream().map(RuleProblem::oneLine).toList());
    }

    @Test
    void theSameFolderNamedTwiceCountsOnce(@TempDir Path dir) throws Exception {
        write(dir, "team-label", RULE);
        assertEquals(loader.loadBuiltIn().size() + 1,
                loader.loadWithFolders(List.of(dir, dir.resolve(".").normalize())).size());
    }

    @Test
    void aFolderWithoutRuleFilesIsAProblem(@TempDir Path dir) {
        RuleLoadException error = assertThrows(RuleLoadException.class, () -> loader.loadWithFolders(List.of(dir)));
        assertEquals(List.of(shown(dir) + ":1:1: no rule files (*.yaml, *.yml) in the folder"),
                error.problems().stream().map(RuleProblem::oneLine).toList());
    }

    @Test
    void aCustomRuleMayFoldIntoABuiltInRuleButNotIntoOneThatIsNowhere(@TempDir Path dir) throws Exception {
        write(dir, "team-label", RULE.replace("precision: high", "precision: high\nsupersededBy: {rules: [replica-count]}"));
        assertTrue(loader.loadWithFolders(List.of(dir)).byId("team-label").isPresent());
        write(dir, "team-label", RULE.replace("precision: high", "precision: high\nsupersededBy: {rules: [nowhere]}"));
        RuleLoadException error = assertThrows(RuleLoadException.class, () -> loader.loadWithFolders(List.of(dir)));
        assertTrue(error.getMessage().endsWith("supersededBy.rules.0: no rule nowhere in the pack"), error.getMessage());
    }

    @Test
    void aBadHelpUriIsAProblemAtItsLine(@TempDir Path dir) throws Exception {
        Path file = write(dir, "team-label", RULE.replace("help: Add", "helpUri: wiki/team-label\nhelp: Add"));
        RuleLoadException error = assertThrows(RuleLoadException.class, () -> loader.loadWithFolders(List.of(dir)));
        assertEquals(List.of(shown(file) + ":7:1: helpUri: must be an absolute http:// or https:// URL without spaces"),
                error.problems().stream().map(RuleProblem::oneLine).toList());
    }
}

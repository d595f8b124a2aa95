package dev.mcpolicy.rules;

import dev.mcpolicy.engine.RuleCompiler;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in pack: index and folder agree, and every rule is documented and exemplified. */
class RulePackTest {
    private static final Path FOLDER = Path.of("rules");

    @Test
    void indexListsExactlyTheRuleFilesOfTheFolder() throws Exception {
        List<String> files;
        try (Stream<Path> listing = Files.list(FOLDER)) {
            files = listing.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals(RuleLoader.INDEX_FILE))
                    .map(name -> name.substring(0, name.length() - ".yaml".length()))
                    .sorted().toList();
        }
        assertEquals(files, RuleLoader.builtInIds().stream().sorted().toList());
    }

    @Test
    void classpathPackEqualsTheFolder() throws Exception {
        RuleLoader loader = RuleCompiler.standard().ruleLoader();
        RuleSet builtIn = loader.loadBuiltIn();
        RuleSet folder = loader.loadFolder(FOLDER);
        assertEquals(folder.rules().stream().map(RuleDefinition::id).toList(),
                builtIn.rules().stream().map(RuleDefinition::id).toList());
        for (RuleDefinition rule : builtIn.rules()) {
            assertEquals(folder.byId(rule.id()).orElseThrow().check(), rule.check(), rule.id());
        }
    }

    @Test
    void everyRuleHasEnoughExamplesAndSarifMetadata() throws Exception {
        RuleSet pack = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        assertTrue(pack.rules().stream().map(RuleDefinition::id).toList().containsAll(List.of(
                "hpa-scale-down-stabilization", "pdb-coverage", "sse-proxy-buffering", "sse-read-timeout",
                "sse-send-timeout", "termination-grace-period", "values-no-secrets")), "the design-card rules");
        assertEquals(RuleLoader.builtInIds(),
                pack.rules().stream().map(RuleDefinition::id).toList());
        for (RuleDefinition rule : pack.rules()) {
            long passing = rule.examples().stream().filter(RuleDefinition.RuleExample::passing).count();
            long failing = rule.examples().size() - passing;
            assertTrue(passing >= 2, rule.id() + " needs at least 2 passing examples");
            assertTrue(failing >= 3, rule.id() + " needs at least 3 failing examples");
            assertTrue(rule.rationale().length() <= 1024, rule.id() + " rationale exceeds SARIF's 1024 characters");
            assertTrue(rule.tags().size() <= 20, rule.id());
            assertTrue(rule.name().matches("[A-Z][A-Za-z0-9]*") && !rule.name().equalsIgnoreCase(rule.id()), rule.id());
        }
        RuleDefinition secrets = pack.byId("values-no-secrets").orElseThrow();
        assertNotNull(secrets.securitySeverity());
        // GitHub ranks security alerts by security-severity: exactly the security-tagged rules carry one.
        for (RuleDefinition rule : pack.rules()) {
            assertEquals(rule.tags().contains("security"), rule.securitySeverity() != null, rule.id());
        }
    }

    /**
     * A check that only looks at MCP servers (an mcp-… target, or a where filter about MCP servers set to true) says
     * so with {@code scope: mcp-server}, so its findings are marked inferred on renders without a marker. The rule
     * file states it; nothing infers it from names at run time.
     */
    @Test
    void checksAboutMcpServersDeclareTheirScope() throws Exception {
        for (RuleDefinition rule : RuleCompiler.standard().ruleLoader().loadBuiltIn().rules()) {
            for (com.fasterxml.jackson.databind.JsonNode check : RuleCompiler.checks(rule.check())) {
                boolean aboutMcpServers = check.path("target").asText().startsWith("mcp-");
                for (var filter : check.path("where").properties()) {
                    aboutMcpServers |= filter.getKey().matches("(routesTo|scales|covers|selects)McpServer|mcpServer")
                            && filter.getValue().asBoolean(false);
                }
                if (aboutMcpServers) {
                    assertEquals("mcp-server", check.path("scope").asText(), rule.id() + ": " + check);
                }
            }
        }
    }
}

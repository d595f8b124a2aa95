package dev.mcpolicy.config;

import dev.mcpolicy.finding.Level;
import dev.mcpolicy.waivers.WaiverPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    private static final Map<String, List<String>> RULES = Map.of(
            "replica-count", List.of("minReplicas"),
            "sse-read-timeout", List.of("minSeconds"),
            "chart-helmignore", List.of());

    private static ConfigFile parse(String text) {
        return ConfigLoader.parse(Path.of("/repo/.mcpolicy.yaml"), ".mcpolicy.yaml", text);
    }

    private static String error(String text) {
        return assertThrows(ConfigException.class, () -> {
            ConfigFile file = parse(text);
            EffectiveConfig.merge(file, EffectiveConfig.Flags.NONE).validate(RULES);
        }).getMessage();
    }

    @Test
    void readsEveryKey() {
        ConfigFile file = parse("""
                failOn: warning
                waiverPolicy: config
                rules:
                  replica-count: {enabled: false}
                  sse-read-timeout:
                    level: warning
                    parameters: {minSeconds: 1800}
                ruleFolders: [policies]
                mcpServers: {annotations: [example.com/mcp], images: ["ghcr.io/acme/*"], envVars: [TOOL_PORT]}
                waivers:
                  - rule: replica-count
                    object: Deployment/legacy-*
                    reason: one replica until PLAT-412
                    expires: 2026-09-30
                """);
        assertEquals("warning", file.failOn());
        assertEquals(WaiverPolicy.CONFIG, file.waiverPolicy());
        assertEquals(false, file.rules().get("replica-count").enabled());
        assertEquals(Level.WARNING, file.rules().get("sse-read-timeout").level());
        assertEquals(Map.of("minSeconds", "1800"), file.rules().get("sse-read-timeout").parameters());
        assertEquals(List.of(Path.of("/repo/policies")), file.ruleFolders());
        assertEquals(List.of("ghcr.io/acme/*"), file.mcpServers().images());
        assertEquals(LocalDate.of(2026, 9, 30), file.waivers().get(0).expires());
        assertEquals(".mcpolicy.yaml:11:5", file.waivers().get(0).declaredAt().shortText());
    }

    @Test
    void anUnknownKeyNamesTheNearestOneAtItsPlace() {
        assertEquals(".mcpolicy.yaml:2:1: unknown key 'failon'; did you mean 'failOn'?", error("rules: {}\nfailon: error\n"));
        assertEquals(".mcpolicy.yaml:3:5: unknown key 'enable'; did you mean 'enabled'?",
                error("rules:\n  replica-count:\n    enable: false\n"));
    }

    @Test
    void anUnknownRuleOrParameterNamesTheNearestValidOne() {
        assertEquals(".mcpolicy.yaml:2:3: no rule 'replica-counts'; did you mean 'replica-count'? ('mcpolicy rules'"
                + " lists them)", error("rules:\n  replica-counts: {enabled: false}\n"));
        assertEquals(".mcpolicy.yaml:4:7: rule sse-read-timeout has no parameter 'minSecond'; did you mean"
                + " 'minSeconds'? (it has minSeconds)", error("rules:\n  sse-read-timeout:\n    parameters:\n"
                + "      minSecond: 10\n"));
        assertEquals(".mcpolicy.yaml:4:7: rule chart-helmignore has no parameter 'x' (it has none)",
                error("rules:\n  chart-helmignore:\n    parameters:\n      x: 1\n"));
    }

    @Test
    void aWaiverForARuleThatDoesNotExistNamesTheNearestOne() {
        assertEquals(".mcpolicy.yaml:2:5: waiver for 'replica-counts': no such rule; did you mean 'replica-count'?",
                error("waivers:\n  - rule: replica-counts\n    reason: r\n"));
        EffectiveConfig.merge(parse("waivers:\n  - rule: replica-*\n    reason: r\n"), EffectiveConfig.Flags.NONE)
                .validate(RULES);
    }

    @Test
    void aWaiverWithoutReasonOrWithABadDateIsRefused() {
        assertTrue(error("waivers:\n  - rule: replica-count\n").startsWith(".mcpolicy.yaml:2:5: "),
                error("waivers:\n  - rule: replica-count\n"));
        assertTrue(error("waivers:\n  - rule: replica-count\n    reason: \"  \"\n").startsWith(".mcpolicy.yaml:3:"));
        assertEquals(".mcpolicy.yaml:4:5: '2026-02-30' is not a date YYYY-MM-DD",
                error("waivers:\n  - rule: replica-count\n    reason: r\n    expires: 2026-02-30\n"));
    }

    @Test
    void badYamlAndBadValuesAreOneLineAtTheirPlace() {
        assertTrue(error("failOn: [\n").startsWith(".mcpolicy.yaml:"), error("failOn: [\n"));
        assertTrue(error("failOn: sometimes\n").startsWith(".mcpolicy.yaml:1:"), error("failOn: sometimes\n"));
        assertTrue(error("- a\n").startsWith(".mcpolicy.yaml:1:1: the config must be a YAML mapping"));
    }

    @Test
    void discoveryLooksUpToTheRepositoryRoot(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Path deep = Files.createDirectories(repo.resolve("charts/a"));
        Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), "failOn: note\n");
        assertTrue(ConfigLoader.discover(deep).isEmpty(), "a file above the repository root is not read");
        Files.writeString(repo.resolve(ConfigLoader.FILE_NAME), "failOn: note\n");
        assertEquals(repo.resolve(ConfigLoader.FILE_NAME), ConfigLoader.discover(deep).orElseThrow());
    }

    @Test
    void theStarterFileIsValidAndTheSchemaHasOneCopy() throws Exception {
        ConfigFile starter = parse(ConfigText.starter());
        assertEquals("error", starter.failOn());
        assertTrue(ConfigText.starter().startsWith("# yaml-language-server: $schema=.mcpolicy.schema.json\n"));
        assertEquals(Files.readString(Path.of(ConfigSchema.PUBLIC_PATH)), ConfigSchema.text(),
                "schemas/mcpolicy-config.schema.json and the class-path copy differ");
    }
}

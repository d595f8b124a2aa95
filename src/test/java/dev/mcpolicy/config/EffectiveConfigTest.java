package dev.mcpolicy.config;

import dev.mcpolicy.finding.Level;
import dev.mcpolicy.waivers.WaiverPolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EffectiveConfigTest {
    private static final ConfigFile FILE = ConfigLoader.parse(Path.of(".mcpolicy.yaml"), ".mcpolicy.yaml", """
            failOn: warning
            rules:
              replica-count: {enabled: false, level: note}
              sse-read-timeout: {parameters: {minSeconds: 1800}}
            """);

    @Test
    void optionsWinOverTheFileAndEachValueSaysWhereItCameFrom() {
        EffectiveConfig config = EffectiveConfig.merge(FILE, new EffectiveConfig.Flags("error", "none",
                Map.of("sse-read-timeout.minSeconds", "7200", "replica-count.enabled", "true",
                        "image-pinned.level", "note")));
        assertEquals(new EffectiveConfig.Setting<>("error", "--fail-on"), config.failOn());
        assertEquals(WaiverPolicy.NONE, config.waiverPolicy().value());
        assertEquals(Map.of("sse-read-timeout.minSeconds", "7200"), config.parameterValues());
        assertEquals(Set.of(), config.disabledRules());
        assertEquals(Map.of("replica-count", Level.NOTE, "image-pinned", Level.NOTE), config.levelOverrides());

        EffectiveConfig fileOnly = EffectiveConfig.merge(FILE, EffectiveConfig.Flags.NONE);
        assertEquals(new EffectiveConfig.Setting<>("warning", ".mcpolicy.yaml"), fileOnly.failOn());
        assertEquals(Set.of("replica-count"), fileOnly.disabledRules());
        assertEquals(new EffectiveConfig.Setting<>(WaiverPolicy.ALL, EffectiveConfig.DEFAULT), fileOnly.waiverPolicy());
        String shown = ConfigText.show(fileOnly, Path.of("").toAbsolutePath());
        assertTrue(shown.contains("failOn: warning  # from .mcpolicy.yaml\n"), shown);
        assertTrue(shown.contains("    enabled: false  # from .mcpolicy.yaml\n"), shown);
        assertTrue(shown.contains("waiverPolicy: all  # default\n"), shown);
    }

    @Test
    void badOptionValuesAndUnknownRulesOnTheCommandLineAreUsageErrors() {
        assertThrows(IllegalArgumentException.class, () -> EffectiveConfig.merge(null,
                new EffectiveConfig.Flags(null, null, Map.of("replica-count.enabled", "no"))));
        assertThrows(IllegalArgumentException.class, () -> EffectiveConfig.merge(null,
                new EffectiveConfig.Flags(null, null, Map.of("replica-count.level", "fatal"))));
        assertThrows(IllegalArgumentException.class, () -> EffectiveConfig.merge(null,
                new EffectiveConfig.Flags(null, "some", Map.of())));
        EffectiveConfig unknown = EffectiveConfig.merge(null,
                new EffectiveConfig.Flags(null, null, Map.of("replica-cont.enabled", "false")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> unknown.validate(Map.of("replica-count", List.of())));
        assertEquals("--set-param replica-cont: no rule 'replica-cont'; did you mean 'replica-count'?", e.getMessage());
    }
}

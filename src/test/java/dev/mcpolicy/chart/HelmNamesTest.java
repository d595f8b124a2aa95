package dev.mcpolicy.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelmNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"mcp-server", "a", "0", "mcp.v2", "a-b.c-d", "x12345678901234567890123456789012345678901234567890y"})
    void releaseNamesHelmAccepts(String name) {
        assertEquals(java.util.Optional.empty(), HelmNames.releaseNameProblem(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--output-dir=x", "--repo=http://127.0.0.1:18080", "--set-file=k=secret.txt", "-x",
            "Mcp", "mcp_server", "mcp-", "-mcp", ".mcp", "mcp..v2", "mcp.", "a b", "mcp\nserver", "",
            "x1234567890123456789012345678901234567890123456789012y"})
    void releaseNamesHelmRefuses(String name) {
        assertTrue(HelmNames.releaseNameProblem(name).isPresent(), name);
    }

    @Test
    void theReleaseNameLimitIs53Characters() {
        assertTrue(HelmNames.releaseNameProblem("a".repeat(53)).isEmpty());
        assertTrue(HelmNames.releaseNameProblem("a".repeat(54)).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mcp-server", "My_Chart", "mcp.server", "x", "-x"})
    void chartNamesHelmCreates(String name) {
        assertTrue(HelmNames.chartNameProblem(name).isEmpty(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--output-dir=x", "--repo=http://127.0.0.1:18080", "--set-file=k=secret.txt", "a/b",
            "../x", ".", "..", "a b", "mcp$(id)", "mcp\nserver", ""})
    void chartNamesRefused(String name) {
        assertTrue(HelmNames.chartNameProblem(name).isPresent(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--output-dir", "-x", "a b", "prod\n", "", "a=b", "ünï"})
    void environmentNamesRefused(String name) {
        assertTrue(HelmNames.environmentNameProblem(name).isPresent(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "staging", "prod-eu.1", "QA_2"})
    void environmentNamesAccepted(String name) {
        assertTrue(HelmNames.environmentNameProblem(name).isEmpty(), name);
    }

    /** Whatever a name holds, quoting it gives one printable line of bounded length. */
    @Test
    void quotedNamesAreOnePrintableBoundedLine() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(200);
            for (int j = 0; j < length; j++) {
                name.append((char) random.nextInt(0x3000));
            }
            String quoted = HelmNames.quoted(name.toString());
            assertTrue(quoted.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '…'), quoted);
            assertTrue(quoted.length() <= 2 + 80 * 6 + 1, quoted);
        }
        assertEquals("'a\\u000ab'", HelmNames.quoted("a\nb"));
        assertFalse(HelmNames.quoted("x".repeat(100)).contains("x".repeat(81)));
    }
}

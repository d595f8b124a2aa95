package dev.mcpolicy.waivers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobsTest {
    @Test
    void starMatchesAnyRunAndQuestionMarkOneCharacter() {
        assertTrue(Globs.matches("Deployment/legacy-*", "Deployment/legacy-mcp"));
        assertTrue(Globs.matches("*", "anything"));
        assertTrue(Globs.matches("sse-*-timeout", "sse-read-timeout"));
        assertTrue(Globs.matches("pod?", "pods"));
        assertFalse(Globs.matches("Deployment/legacy-*", "StatefulSet/legacy-mcp"));
        assertFalse(Globs.matches("replica-count", "replica-counts"));
    }

    @Test
    void inPathsOneStarStaysInAFolderAndTwoCrossFolders() {
        assertTrue(Globs.matchesPath("charts/*/values.yaml", "charts/legacy/values.yaml"));
        assertFalse(Globs.matchesPath("charts/*/values.yaml", "charts/a/b/values.yaml"));
        assertTrue(Globs.matchesPath("charts/**/values.yaml", "charts/a/b/values.yaml"));
        assertTrue(Globs.matchesPath("charts/**/values.yaml", "charts/values.yaml"));
        assertTrue(Globs.matchesPath("**", "a/b/c.yaml"));
        assertTrue(Globs.matchesPath("charts\\legacy\\*.yaml".replace('\\', '/'), "charts\\legacy\\x.yaml"));
        assertFalse(Globs.matchesPath("charts/?", "charts//"));
    }
}

package dev.mcpolicy.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourcePathsTest {
    @TempDir
    Path repository;

    @Test
    void filesInsideTheRootBecomeCleanRelativeUris() throws IOException {
        Files.createDirectories(repository.resolve("deploy/with space"));
        Files.writeString(repository.resolve("deploy/with space/ünï.yaml"), "a: 1\n");
        SourcePaths paths = new SourcePaths(repository, repository);

        for (String given : new String[] {"deploy/with space/ünï.yaml", "./deploy/with space/ünï.yaml",
                "deploy/../deploy/with space/ünï.yaml", repository.resolve("deploy/with space/ünï.yaml").toString()}) {
            SourcePaths.RepoPath located = paths.locate(given);
            assertTrue(located.inRepository(), given);
            assertEquals("deploy/with%20space/%C3%BCn%C3%AF.yaml", located.uri(), given);
        }
    }

    @Test
    void symlinksAreResolvedToTheCommittedFile() throws IOException {
        Path target = Files.writeString(Files.createDirectories(repository.resolve("real")).resolve("x.yaml"), "a\n");
        Files.createSymbolicLink(repository.resolve("link.yaml"), target);
        assertEquals("real/x.yaml", new SourcePaths(repository, repository).locate("link.yaml").uri());
    }

    @Test
    void filesOutsideTheRootAndStandardInputKeepTheirNameEncoded() throws IOException {
        Path root = Files.createDirectories(repository.resolve("repo"));
        SourcePaths paths = new SourcePaths(root, root);
        SourcePaths.RepoPath outside = paths.locate("../other file.yaml");
        assertFalse(outside.inRepository());
        assertEquals("../other%20file.yaml", outside.uri());
        SourcePaths.RepoPath stdin = paths.locate("<stdin>");
        assertFalse(stdin.inRepository());
        assertEquals("%3Cstdin%3E", stdin.uri());
    }

    @Test
    void aSourceRootBelowTheWorkingDirectoryShortensPaths() throws IOException {
        Path root = Files.createDirectories(repository.resolve("checkout"));
        SourcePaths paths = new SourcePaths(repository, root);
        assertEquals("charts/values.yaml", paths.locate("checkout/charts/values.yaml").uri());
    }

    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of("  terminationGracePeriodSeconds: 30", 3, 32),
                Arguments.of("    nginx.ingress.kubernetes.io/proxy-read-timeout: \"60\"", 53, 57),
                Arguments.of("  key: \"a \\\" b\" # note", 8, 16),
                Arguments.of("  key: 'it''s' # note", 8, 15),
                Arguments.of("  image: nginx:1.27 # pinned", 10, 20),
                Arguments.of("  - name: web", 5, 9),
                Arguments.of("  url: http://x:80/path   ", 8, 24),
                Arguments.of("  open: \"never closed", 9, 22),
                Arguments.of("short", 9, 0));
    }

    @ParameterizedTest(name = "[{0}] at {1}")
    @MethodSource("tokens")
    void tokenEndsWhereYamlEndsTheKeyOrScalar(String line, int column, int expectedEnd) {
        assertEquals(expectedEnd, SourceTexts.tokenEnd(line, column));
    }
}

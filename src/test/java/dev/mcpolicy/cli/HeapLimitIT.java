package dev.mcpolicy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-file size limit follows the heap the launcher's JVM was given: the same file is refused with a small heap,
 * in one line that names its size, the limit and the fix, and checked with more heap.
 */
class HeapLimitIT {
    private static final Path LAUNCHER = EndToEnd.repositoryRoot().resolve("bin/mcpolicy");

    @TempDir
    Path folder;

    @Test
    void aFileTooLargeForTheHeapIsRefusedAndMoreHeapReadsIt() throws IOException {
        Path file = folder.resolve("many.yaml");
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 6_000_000; i++) {
            text.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-").append(i)
                    .append("\ndata:\n  mode: fast\n  level: \"").append(i).append("\"\n");
        }
        Files.writeString(file, text);

        EndToEnd.Run small = check(file, "-Xmx96m");
        assertEquals(2, small.exitCode(), small.describe());
        String line = small.stderr().strip();
        assertFalse(line.contains("\n"), small.describe());
        assertTrue(line.startsWith(file + ":1:1: the input is too large (" + Files.size(file) + " bytes); the limit is "),
                small.describe());
        assertTrue(line.contains("split the input into several files, or give Java more heap, e.g. "
                + "MCPOLICY_JAVA_OPTS=-Xmx1g"), small.describe());

        EndToEnd.Run enough = check(file, "-Xmx512m");
        assertFalse(enough.stderr().contains("too large"), enough.describe());
        assertTrue(enough.exitCode() == 0 || enough.exitCode() == 1, enough.describe());
    }

    private static EndToEnd.Run check(Path file, String heap) {
        return EndToEnd.run(List.of(LAUNCHER.toString(), "check", file.toString(), "--format", "json"),
                Map.of("JAVA_HOME", System.getProperty("java.home"), "MCPOLICY_JAVA_OPTS", heap));
    }
}

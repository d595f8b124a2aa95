package dev.mcpolicy.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The committed renders are what the pinned helm produces today (examples/check-renders.sh). */
class RendersMatchHelmTest {

    @Test
    void committedRendersMatchHelm() throws Exception {
        Path root = ExampleFiles.repositoryRoot();
        Run helm = run(root, "scripts/install-helm.sh");
        assumeTrue(helm.exitCode() == 0, "helm is not installable here: " + helm.output());

        Run check = run(root, "examples/check-renders.sh");
        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().contains("all renders match helm"), check.output());
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(Path root, String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", script).directory(root.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, script + " timed out");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}

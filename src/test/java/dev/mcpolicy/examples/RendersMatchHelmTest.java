package dev.mcpolicy.examples;

import dev.mcpolicy.chart.RealHelm;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed renders are what the pinned helm produces today (examples/check-renders.sh). */
class RendersMatchHelmTest {

    @Test
    void committedRendersMatchHelm() throws Exception {
        Path root = ExampleFiles.repositoryRoot();
        Path helm = RealHelm.binary(); // fails under CI=true when no helm can be had, skips visibly elsewhere
        Run check = run(root, helm, "examples/check-renders.sh");
        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().contains("all renders match helm"), check.output());
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(Path root, Path helm, String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", script).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("HELM", helm.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, script + " timed out");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}

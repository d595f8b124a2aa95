package dev.mcpolicy.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** helm's error output is kept for the user, but a secret it quotes (from values, here) is masked. */
class HelmStderrMaskingTest {

    @Test
    void aTemplateErrorQuotingASecretKeepsTheErrorAndMasksTheSecret(@TempDir Path dir) throws IOException {
        String body = "Q7x" + "Lm2Np8Rs4Tv6".repeat(3); // 39 characters, built at run time
        String token = "ghp_" + body.substring(0, 36);
        Path chart = Files.createDirectories(dir.resolve("leaky"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: leaky\nversion: 1.0.0\n");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("templates/config.yaml"),
                "{{ fail (printf \"the token %s is not allowed here\" .Values.token) }}\n");
        Path values = dir.resolve("values.yaml");
        Files.writeString(values, "token: " + token + "\n");

        RenderOutcome outcome = new HelmRunner(RealHelm.binary())
                .render(RenderRequest.of("leaky", chart, new Environment("prod", List.of(values))));

        RenderFailure failure = assertInstanceOf(RenderFailure.class, outcome);
        assertTrue(failure.stderr().contains("the token ghp_**** is not allowed here"), failure.stderr());
        assertTrue(failure.message().contains("ghp_****"), failure.message());
        assertFalse(failure.stderr().contains(body.substring(0, 12)) || failure.message().contains(body.substring(0, 12)));
    }
}

package dev.mcpolicy.chart;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real helm binary for tests, from {@code scripts/install-helm.sh}. When it cannot be had, tests fail on CI
 * ({@code CI=true}) and are skipped with a visible message elsewhere.
 */
public final class RealHelm {
    private static Path helm;
    private static String unavailable;

    private RealHelm() {
    }

    public static synchronized Path binary() {
        if (helm == null && unavailable == null) {
            install();
        }
        if (helm != null) {
            return helm;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return Assertions.fail(unavailable);
        }
        System.err.println("SKIPPED (no real helm): " + unavailable);
        Assumptions.abort(unavailable);
        return null;
    }

    static Path chartsDirectory() {
        return Path.of("src/test/resources/charts").toAbsolutePath();
    }

    static RenderResult render(RenderRequest request) {
        RenderOutcome outcome = new HelmRunner(binary()).render(request);
        if (outcome instanceof RenderFailure failure) {
            return Assertions.fail("helm template failed: " + failure.oneLine() + "\n" + failure.stderr());
        }
        return (RenderResult) outcome;
    }

    private static void install() {
        Path script = Path.of("scripts/install-helm.sh").toAbsolutePath();
        try {
            Process process = new ProcessBuilder("bash", script.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                unavailable = "scripts/install-helm.sh did not finish within 300 s";
                return;
            }
            String last = out.lines().reduce((a, b) -> b).orElse("");
            if (process.exitValue() == 0 && !last.isEmpty() && Files.isExecutable(Path.of(last))) {
                helm = Path.of(last);
            } else {
                unavailable = "scripts/install-helm.sh failed (exit " + process.exitValue() + ")";
            }
        } catch (IOException e) {
            unavailable = "cannot run scripts/install-helm.sh: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted while installing helm";
        }
    }
}

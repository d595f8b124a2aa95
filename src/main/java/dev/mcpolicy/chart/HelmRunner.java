package dev.mcpolicy.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the real {@code helm template} (an argument array, never a shell) and returns its output as a value.
 * Never downloads anything: charts with missing dependencies are refused with advice instead, and helm runs in a
 * {@link HelmSandbox} without the user's environment, repositories or network. A release name helm would refuse is
 * refused before helm runs ({@link HelmNames}).
 */
public final class HelmRunner {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    /** Helm's own wording when Chart.yaml names a dependency that charts/ lacks. */
    private static final String HELM_MISSING_DEPENDENCY = "found in Chart.yaml, but missing in charts/ directory";

    private final Path helm;
    private final Duration timeout;

    public HelmRunner(Path helm, Duration timeout) {
        this.helm = helm;
        this.timeout = timeout;
    }

    public HelmRunner(Path helm) {
        this(helm, DEFAULT_TIMEOUT);
    }

    public Path helm() {
        return helm;
    }

    public RenderOutcome render(RenderRequest request) {
        String chartName = request.chart().toString();
        String environment = request.environment().name();
        Optional<String> badRelease = HelmNames.releaseNameProblem(request.release());
        if (badRelease.isPresent()) {
            return new RenderFailure(chartName, environment, "release name " + HelmNames.quoted(request.release())
                    + " is not valid: " + badRelease.get(), "", -1);
        }
        ChartInfo chart;
        try {
            chart = ChartInfo.read(request.chart());
        } catch (ChartException e) {
            return new RenderFailure(chartName, environment, e.getMessage(), "", -1);
        }
        List<ChartInfo.Dependency> missing = chart.missingDependencies();
        if (!missing.isEmpty()) {
            String names = missing.stream().map(ChartInfo.Dependency::name).collect(Collectors.joining(", "));
            return new RenderFailure(chartName, environment, dependencyAdvice(chartName, names), "", -1);
        }
        for (Path valuesFile : request.environment().valuesFiles()) {
            if (!Files.isRegularFile(valuesFile)) {
                String problem = Files.exists(valuesFile) ? "is not a regular file" : "not found";
                return new RenderFailure(chartName, environment, "values file " + problem + ": " + valuesFile, "", -1);
            }
        }
        return run(request, chartName, environment);
    }

    private RenderOutcome run(RenderRequest request, String chartName, String environment) {
        List<String> command = new ArrayList<>();
        // absolute: helm starts in the sandbox's folder, where a relative --helm path would name nothing
        command.add(helm.toAbsolutePath().toString());
        command.addAll(request.arguments());
        Path stdout = null;
        Path stderr = null;
        try (HelmSandbox sandbox = HelmSandbox.create()) {
            stdout = Files.createTempFile("mcpolicy-helm-", ".out");
            stderr = Files.createTempFile("mcpolicy-helm-", ".err");
            Process process = sandbox.apply(new ProcessBuilder(command))
                    .directory(sandbox.home().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                return new RenderFailure(chartName, environment,
                        "helm template did not finish within " + timeout.toSeconds() + " s", readTrimmed(stderr), -1);
            }
            int exit = process.exitValue();
            String errorText = readTrimmed(stderr);
            if (exit != 0) {
                return new RenderFailure(chartName, environment, failureMessage(chartName, errorText, exit), errorText, exit);
            }
            return new RenderResult(Files.readString(stdout, StandardCharsets.UTF_8), errorText, exit);
        } catch (IOException e) {
            return new RenderFailure(chartName, environment, "cannot run " + helm + ": " + e.getMessage(), "", -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RenderFailure(chartName, environment, "interrupted while helm template ran", "", -1);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    static String failureMessage(String chartName, String stderr, int exit) {
        if (stderr.contains(HELM_MISSING_DEPENDENCY)) {
            return dependencyAdvice(chartName, null);
        }
        String reason = HelmError.of(stderr).text();
        return "helm template failed (exit " + exit + ")" + (reason.isEmpty() ? "" : ": " + reason);
    }

    private static String dependencyAdvice(String chartName, String names) {
        return "chart dependencies missing from charts/" + (names == null ? "" : " (" + names + ")")
                + ": run 'helm dependency build " + chartName + "' first (mcpolicy never downloads charts)";
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String readTrimmed(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is not worth failing the run for
            }
        }
    }
}

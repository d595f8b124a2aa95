package dev.mcpolicy.app;

import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.ManifestLoader;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** In-process check runs for the app tests: a request with defaults, stdin from a string. */
final class CheckRuns {
    private CheckRuns() {
    }

    /** A request for {@code inputs} named relative to {@code root} ("-" is stdin), reported relative to it. */
    static CheckRequest request(Path root, List<String> inputs) {
        List<String> resolved = inputs.stream().map(i -> i.equals("-") ? i : root.resolve(i).toString()).toList();
        return new CheckRequest(resolved, List.of(), "default", null, Map.of(), CheckRequest.ChartOptions.none(), null,
                root, Map.of(), Level.ERROR);
    }

    static RunResult run(CheckRequest request, String stdin) {
        return new Checker(new ManifestLoader(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
                .run(request).result();
    }

    static RunResult run(Path root, String stdin, String... inputs) {
        return run(request(root, List.of(inputs)), stdin);
    }

    static List<String> problems(RunResult result) {
        return result.problems().stream()
                .map(p -> p.severity().name().toLowerCase() + " " + p.oneLine()).toList();
    }

    static List<String> errors(RunResult result) {
        return result.problems().stream().filter(p -> p.severity() == InputProblem.Severity.ERROR)
                .map(InputProblem::oneLine).toList();
    }
}

package dev.mcpolicy.cli;

import dev.mcpolicy.chart.RealHelm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No rule may become cheaper by doing less: the packaged jar's reports on the examples, on generated copies and on
 * mutated variants of them (see {@code src/test/resources/same-findings/make-inputs.py}) equal the reports pinned
 * before the performance work (issue 12), byte for byte, with the same exit code and stderr. To re-pin after an
 * intended change of findings, run with {@code -DsameFindings.record=true} and review the diff.
 */
class SameFindingsIT {
    private static final Path HOME = JarRun.REPO.resolve("src/test/resources/same-findings");
    private static final boolean RECORD = Boolean.getBoolean("sameFindings.record");
    private static Path inputs;

    /** One pinned run: in the inputs folder (or the repository for examples), with stdin from {@code stdinFile}. */
    record Case(String name, boolean inRepository, String stdinFile, List<String> args) {
        static Case generated(String name, String... args) {
            return new Case(name, false, null, List.of(args));
        }

        static Case example(String name, String... args) {
            return new Case(name, true, null, List.of(args));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                Case.generated("copies-1", "check", "copies-1.yaml", "--format", "json"),
                Case.generated("copies-200", "check", "copies-200.yaml", "--format", "json"),
                Case.generated("copies-200-sarif", "check", "copies-200.yaml", "--format", "sarif"),
                new Case("copies-1-stdin", false, "copies-1.yaml", List.of("check", "-", "--format", "json")),
                Case.generated("shuffled", "check", "shuffled.yaml", "--format", "json"),
                Case.generated("crlf-bom-unicode", "check", "crlf-bom-unicode.yaml", "--format", "json"),
                Case.generated("broken-documents", "check", "broken-documents.yaml", "--format", "json"),
                Case.generated("anchors-flow-block", "check", "anchors-flow-block.yaml", "--format", "json"),
                Case.generated("secrets", "check", "secrets.yaml", "--format", "json", "--fail-on", "never"),
                Case.generated("secrets-sarif", "check", "secrets.yaml", "--format", "sarif"),
                Case.generated("missing-objects", "check", "missing-objects.yaml", "--format", "json"),
                Case.generated("invalid-utf8", "check", "invalid-utf8.yaml", "--format", "json"),
                Case.generated("folder", "check", "folder", "--format", "json"),
                Case.generated("two-renders", "check", "copies-1.yaml", "shuffled.yaml", "--format", "json"),
                Case.example("rendered-default", "check", "-n", "mcp", "examples/rendered/default.yaml",
                        "-f", "examples/mcp-server/values.yaml", "--format", "json"),
                Case.example("rendered-staging", "check", "-n", "mcp", "examples/rendered/staging.yaml",
                        "-f", "examples/mcp-server/values-staging.yaml", "--format", "json"),
                Case.example("rendered-production", "check", "-n", "mcp", "examples/rendered/production.yaml",
                        "-f", "examples/mcp-server/values-production.yaml", "--format", "json"),
                Case.example("rendered-broken", "check", "-n", "mcp", "examples/broken/rendered.yaml",
                        "-f", "examples/broken/values-leaky.yaml", "--format", "json"),
                Case.example("rendered-broken-sarif", "check", "-n", "mcp", "examples/broken/rendered.yaml",
                        "-f", "examples/broken/values-leaky.yaml", "--format", "sarif"),
                Case.example("chart-three-environments", "check", "examples/mcp-server", "--namespace", "mcp",
                        "--env", "default=", "--env", "staging=examples/mcp-server/values-staging.yaml",
                        "--env", "production=examples/mcp-server/values-production.yaml", "--format", "json"),
                Case.example("chart-broken", "check", "examples/broken/chart", "-n", "mcp",
                        "-f", "examples/broken/values-leaky.yaml", "--format", "json"),
                Case.example("charts-and-renders", "check", "examples/mcp-server", "examples/broken/chart",
                        "examples/rendered/staging.yaml", "-n", "mcp", "--format", "sarif"));
    }

    @BeforeAll
    static void unpackInputs() throws IOException {
        inputs = Files.createTempDirectory("same-findings");
        Path packed = HOME.resolve("inputs");
        try (Stream<Path> files = Files.walk(packed)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".gz")).toList()) {
                String relative = packed.relativize(file).toString();
                Path target = inputs.resolve(relative.substring(0, relative.length() - ".gz".length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    Files.write(target, in.readAllBytes());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findingsEqualThePinnedOnes(Case run) throws Exception {
        Map<String, String> environment = new HashMap<>(ExamplesIT.REPRODUCIBLE);
        if (run.args().stream().anyMatch(a -> a.startsWith("examples/") && !a.endsWith(".yaml"))) {
            environment.put("MCPOLICY_HELM", RealHelm.binary().toString());
        }
        String stdin = run.stdinFile() == null ? null : Files.readString(inputs.resolve(run.stdinFile()));
        JarRun result = JarRun.runIn(run.inRepository() ? JarRun.REPO : inputs, stdin, environment,
                run.args().toArray(String[]::new));
        String outcome = "exit " + result.exitCode() + "\n" + result.stderr();
        Path expectedReport = HOME.resolve("expected/" + run.name() + "." + extension(run));
        Path expectedOutcome = HOME.resolve("expected/" + run.name() + ".outcome.txt");
        if (RECORD) {
            Files.createDirectories(expectedReport.getParent());
            Files.writeString(expectedReport, result.stdout());
            Files.writeString(expectedOutcome, outcome);
            return;
        }
        assertEquals(Files.readString(expectedOutcome, StandardCharsets.UTF_8), outcome, "exit code and stderr");
        assertEquals(Files.readString(expectedReport, StandardCharsets.UTF_8), result.stdout(), "report");
    }

    private static String extension(Case run) {
        List<String> args = new ArrayList<>(run.args());
        return args.get(args.indexOf("--format") + 1);
    }
}

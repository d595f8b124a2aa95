package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.mechanism.ChartContext;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.pipeline.DropDuplicates;
import dev.mcpolicy.finding.pipeline.FindingPipeline;
import dev.mcpolicy.finding.pipeline.SortFindings;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the passing and failing examples of rules ({@code examples:} in a rule file) the way a check would, and says
 * how each one differs from what it states. The unit tests of the built-in pack and {@code mcpolicy rules test} both
 * run examples through here.
 */
public final class RuleExamples {
    private final ManifestLoader loader = new ManifestLoader();

    /**
     * What one example produced.
     *
     * @param failures why the example does not hold, one sentence each; empty when it does
     */
    public record Outcome(RuleDefinition rule, RuleDefinition.RuleExample example, List<Finding> findings,
                          List<String> failures) {
        public Outcome {
            findings = List.copyOf(findings);
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** Every example of every rule of the set, rules by id, examples in file order. */
    public List<Outcome> runAll(RuleSet rules) {
        List<Outcome> outcomes = new ArrayList<>();
        for (RuleDefinition rule : rules.rules()) {
            for (RuleDefinition.RuleExample example : rule.examples()) {
                outcomes.add(run(rule, example));
            }
        }
        return outcomes;
    }

    /**
     * Runs one example alone (its parameter overrides applied as {@code --set-param} would) and holds it to what it
     * states: no finding when it passes; when it fails, exactly {@code count} findings of this rule, on {@code lines}
     * when given, with each of {@code messages} in some message. Every finding's message starts with its object, and
     * no message or property shows a secret value of the example.
     */
    public Outcome run(RuleDefinition rule, RuleDefinition.RuleExample example) {
        Map<String, String> overrides = new LinkedHashMap<>();
        example.parameters().forEach((name, value) -> overrides.put(rule.id() + "." + name, value));
        Engine engine = new Engine(new RuleSet(List.of(rule)).withOverrides(overrides));
        List<String> failures = new ArrayList<>();
        List<ManifestDocument> manifests = load(rule.sourceFile() + "#manifests", example.manifests(), failures);
        List<ManifestDocument> values = example.values() == null ? List.of()
                : load(rule.sourceFile() + "#values", example.values(), failures);
        if (!failures.isEmpty()) {
            return new Outcome(rule, example, List.of(), failures);
        }
        List<Finding> found = new ArrayList<>(engine.run(ResourceGraph.build(manifests, "default"), values));
        if (example.chart() != null) {
            try {
                ChartContext chart = chart(example.chart(), rule.sourceFile() + "#chart/Chart.yaml", failures);
                if (chart != null) {
                    found.addAll(engine.runChart(chart));
                }
            } catch (IOException e) {
                failures.add("the example chart could not be written: " + e.getMessage());
            }
        }
        List<Finding> findings = FindingPipeline.of(new SortFindings(), new DropDuplicates()).run(found);
        secretsShown(findings, manifests, values, failures);
        if (example.passing()) {
            if (!findings.isEmpty()) {
                failures.add("expected no finding, got " + findings.size() + ": " + describe(findings));
            }
            return new Outcome(rule, example, findings, failures);
        }
        judgeFailing(rule, example.expected(), findings, failures);
        return new Outcome(rule, example, findings, failures);
    }

    private static void judgeFailing(RuleDefinition rule, RuleDefinition.Expected expected, List<Finding> findings,
                                     List<String> failures) {
        List<Integer> lines = findings.stream().map(f -> f.primary().line()).toList();
        if (expected.count() != findings.size()) {
            failures.add("expected " + count(expected.count())
                    + (expected.lines().isEmpty() ? "" : " on " + lines(expected.lines()))
                    + ", got " + findings.size() + (findings.isEmpty() ? "" : ": " + describe(findings)));
        } else if (!expected.lines().isEmpty() && !expected.lines().equals(lines)) {
            failures.add("expected " + count(expected.count()) + " on " + lines(expected.lines()) + ", got them on "
                    + lines(lines) + ": " + describe(findings));
        }
        for (Finding finding : findings) {
            if (!finding.ruleId().equals(rule.id())) {
                failures.add("a finding of another rule, " + finding.ruleId() + ", at " + where(finding));
            } else if (!finding.message().startsWith(expectedStart(finding))) {
                failures.add("the message at " + where(finding) + " must start with its object (\""
                        + expectedStart(finding) + "\"): " + finding.message());
            }
        }
        for (String fragment : expected.messages()) {
            if (findings.stream().noneMatch(f -> f.message().contains(fragment))) {
                failures.add("no message says '" + fragment + "'" + (findings.isEmpty() ? ""
                        : "; messages: " + String.join(" | ", findings.stream().map(Finding::message).toList())));
            }
        }
    }

    private static String count(int count) {
        return count == 1 ? "1 finding" : count + " findings";
    }

    private static String lines(List<Integer> lines) {
        return (lines.size() == 1 ? "line " : "lines ") + String.join(", ", lines.stream().map(String::valueOf).toList());
    }

    private static String where(Finding finding) {
        return "line " + finding.primary().line() + " " + (finding.pointer().isEmpty() ? "/" : finding.pointer());
    }

    private static String describe(List<Finding> findings) {
        return String.join("; ", findings.stream().map(RuleExamples::where).toList());
    }

    private static String expectedStart(Finding finding) {
        if (finding.object() != null) {
            return finding.object().display();
        }
        return finding.primary().file().endsWith("Chart.yaml") ? "Chart " : "values key";
    }

    /** A secret finding's message and properties never contain the secret value itself. */
    private static void secretsShown(List<Finding> findings, List<ManifestDocument> manifests,
                                     List<ManifestDocument> values, List<String> failures) {
        for (Finding finding : findings) {
            if (!finding.properties().containsKey("secretKind")) {
                continue;
            }
            List<ManifestDocument> documents = finding.object() == null ? values : manifests;
            for (ManifestDocument document : documents) {
                JsonNode value = document.content().at(finding.pointer());
                if (value.isValueNode() && value.asText().length() >= 4
                        && (finding.message().contains(value.asText())
                        || finding.properties().toString().contains(value.asText()))) {
                    failures.add("the finding at " + where(finding) + " shows the secret value");
                }
            }
        }
    }

    /** Example YAML read with the real loader; an error in it is a failure of the example. */
    private List<ManifestDocument> load(String displayPath, String text, List<String> failures) {
        LoadResult loaded = loader.loadText(displayPath, text);
        loaded.problems().stream().filter(p -> p.severity() == InputProblem.Severity.ERROR)
                .forEach(p -> failures.add("the example's YAML does not load: " + p.oneLine()));
        return loaded.documents();
    }

    /**
     * Writes the example chart to a temporary folder (Chart.yaml plus empty root entries; folders end with /) and
     * reads it the way chart mode does, so positions and the root listing are real. Null when Chart.yaml is empty.
     */
    private ChartContext chart(RuleDefinition.ExampleChart example, String display, List<String> failures)
            throws IOException {
        Path folder = Files.createTempDirectory("mcpolicy-example-chart-");
        try {
            Files.writeString(folder.resolve("Chart.yaml"), example.chartYaml() + "\n");
            for (String entry : example.files()) {
                if (entry.endsWith("/")) {
                    Files.createDirectories(folder.resolve(entry.substring(0, entry.length() - 1)));
                } else {
                    Files.writeString(folder.resolve(entry), "");
                }
            }
            LoadResult loaded = loader.loadFile(folder.resolve("Chart.yaml"), display);
            loaded.problems().forEach(p -> failures.add("the example's Chart.yaml does not load: " + p.oneLine()));
            List<String> entries = new ArrayList<>();
            try (Stream<Path> listing = Files.list(folder)) {
                listing.forEach(entry -> entries.add(entry.getFileName() + (Files.isDirectory(entry) ? "/" : "")));
            }
            if (loaded.documents().isEmpty()) {
                failures.add("the example's Chart.yaml holds no document");
                return null;
            }
            ManifestDocument chartYaml = loaded.documents().get(0);
            return new ChartContext(chartYaml.content().path("name").asText(), chartYaml, entries);
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (UncheckedIOException e) {
                // a leftover temporary folder does not change the example's outcome
            }
        }
    }
}

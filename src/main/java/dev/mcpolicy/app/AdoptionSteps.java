package dev.mcpolicy.app;

import dev.mcpolicy.baseline.ApplyBaseline;
import dev.mcpolicy.baseline.BaselineEntry;
import dev.mcpolicy.baseline.BaselineException;
import dev.mcpolicy.baseline.BaselineFile;
import dev.mcpolicy.config.ConfigException;
import dev.mcpolicy.config.EffectiveConfig;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.Suppressions;
import dev.mcpolicy.finding.pipeline.ApplyRuleSettings;
import dev.mcpolicy.finding.pipeline.FindingStep;
import dev.mcpolicy.finding.pipeline.SortFindings;
import dev.mcpolicy.graph.McpMarkers;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleSet;
import dev.mcpolicy.waivers.ApplyWaivers;
import dev.mcpolicy.waivers.Waiver;
import dev.mcpolicy.waivers.WaiverSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a run does for a team adopting mcpolicy: the configuration checked against the run's rules, the rule-settings,
 * waiver and baseline steps of the finding pipeline, and afterwards the waived and existing findings for the reports
 * and the baseline file written.
 */
final class AdoptionSteps {
    private final CheckRequest request;
    /** Null without {@code --baseline}. */
    private final List<BaselineEntry> baseline;
    private Steps steps;

    private AdoptionSteps(CheckRequest request, List<BaselineEntry> baseline) {
        this.request = request;
        this.baseline = baseline;
    }

    /** Reads the baseline first: a run against a baseline that cannot be read checks nothing. */
    static AdoptionSteps prepare(CheckRequest request) {
        Path file = request.adoption().baseline();
        if (file == null) {
            return new AdoptionSteps(request, null);
        }
        try {
            return new AdoptionSteps(request, BaselineFile.read(file, Inputs.display(request.sourceRoot(), file)));
        } catch (BaselineException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * The run's rules with the parameters of the config file and {@code --set-param}, after every rule id and
     * parameter the configuration names was checked against them.
     *
     * @throws ConfigException    for a config-file entry, at its place
     * @throws UsageException     for an option naming a rule that does not exist
     */
    static RuleSet configured(RuleSet rules, CheckRequest request) {
        EffectiveConfig config = request.adoption().config();
        Map<String, List<String>> parameters = new TreeMap<>();
        rules.rules().forEach(rule -> parameters.put(rule.id(),
                rule.parameters().stream().map(RuleDefinition.Parameter::name).toList()));
        try {
            config.validate(parameters);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "; see 'mcpolicy check --help'");
        }
        request.parameters().forEach((key, value) -> {
            Location at = config.fileLocation(key);
            if (at != null) {
                try {
                    rules.withOverrides(Map.of(key, value));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(at.shortText() + ": " + e.getMessage());
                }
            }
        });
        return rules.withOverrides(request.parameters());
    }

    /** The configured MCP-server markers, as the graph reads them. */
    static McpMarkers markers(CheckRequest request) {
        var configured = request.adoption().config().markers();
        return new McpMarkers(configured.annotations(), configured.images(), configured.envVars());
    }

    /**
     * The pipeline steps, made once the renders are checked.
     *
     * @param annotations the waiver annotations of every render
     * @param problems    the run's problems so far; the annotations' problems are added
     */
    Steps steps(WaiverSet annotations, Inputs inputs, List<InputProblem> problems) {
        problems.addAll(annotations.problems());
        EffectiveConfig config = request.adoption().config();
        List<Waiver> declared = new ArrayList<>(config.waivers());
        declared.addAll(annotations.waivers());
        ApplyWaivers waivers = new ApplyWaivers(declared, new FileTexts(request.sourceRoot(), inputs.texts())::text,
                commentFiles(inputs, request), config.waiverPolicy().value(), request.adoption().today());
        steps = new Steps(new ApplyRuleSettings(config.disabledRules(), config.levelOverrides()), waivers,
                baseline == null ? null : new ApplyBaseline(baseline));
        return steps;
    }

    /**
     * After the pipeline ran: the waivers' problems added to the run's (unused ones only when the run checked
     * everything), the baseline written when asked, and what waivers and the baseline took out.
     */
    Suppressions finish(List<Finding> findings, List<InputProblem> problems) {
        problems.addAll(steps.waivers().problems());
        if (!hasErrors(problems)) {
            problems.addAll(steps.waivers().unused());
        }
        List<Suppressions.Waived> waived = new ArrayList<>(steps.waivers().waived());
        waived.sort(Comparator.comparing(Suppressions.Waived::finding, SortFindings.ORDER));
        Suppressions suppressed = new Suppressions(waived, false, List.of(), List.of());
        if (steps.baseline() != null) {
            suppressed = suppressed.withBaseline(steps.baseline().unchanged().stream().sorted(SortFindings.ORDER)
                    .toList(), steps.baseline().absent());
        }
        Path target = request.adoption().writeBaseline();
        if (target != null) {
            // a run that could not check everything would record a baseline that hides what it missed
            if (hasErrors(problems)) {
                problems.add(InputProblem.error(Inputs.display(request.sourceRoot(), target), 1, 1,
                        "baseline not written: the run could not check everything it was asked to; fix the input"
                                + " problems first"));
            } else {
                writeBaseline(target, findings, suppressed);
            }
        }
        return suppressed;
    }

    /** The steps the pipeline runs for adoption: first the rule settings, after chart mapping waivers and baseline. */
    record Steps(ApplyRuleSettings ruleSettings, ApplyWaivers waivers, ApplyBaseline baseline) {
        List<FindingStep> afterMapping() {
            return baseline == null ? List.of(waivers) : List.of(waivers, baseline);
        }
    }

    private static boolean hasErrors(List<InputProblem> problems) {
        return problems.stream().anyMatch(problem -> problem.severity() == InputProblem.Severity.ERROR);
    }

    /** The findings no waiver accepts, and those the baseline read already holds, as the new baseline. */
    private static void writeBaseline(Path file, List<Finding> findings, Suppressions suppressed) {
        List<BaselineEntry> entries = new ArrayList<>();
        findings.forEach(finding -> entries.add(BaselineEntry.of(finding)));
        suppressed.unchanged().forEach(finding -> entries.add(BaselineEntry.of(finding)));
        try {
            BaselineFile.write(file, entries);
        } catch (BaselineException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * Files read for waiver comments besides those findings point into, so that a comment that waives nothing is
     * noticed: the rendered inputs, the values files, and every YAML and template file of each chart.
     */
    private static List<String> commentFiles(Inputs inputs, CheckRequest request) {
        Set<String> files = new LinkedHashSet<>();
        inputs.manifests().forEach(document -> files.add(document.file()));
        request.valuesFiles().forEach(file -> files.add(inputs.display(file)));
        request.environments().values().forEach(list -> list.forEach(file -> files.add(inputs.display(file))));
        for (ChartRun chart : inputs.charts()) {
            try (var walk = Files.walk(chart.directory(), 4)) {
                walk.filter(Files::isRegularFile)
                        .filter(path -> path.getFileName().toString().matches("(?i).*\\.(yaml|yml|tpl)"))
                        .sorted()
                        .forEach(path -> files.add(inputs.display(path)));
            } catch (IOException | UncheckedIOException e) {
                // an unreadable chart is reported by its run; its comments are then read where findings point
            }
        }
        return List.copyOf(files);
    }
}

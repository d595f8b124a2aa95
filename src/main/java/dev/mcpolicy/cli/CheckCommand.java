package dev.mcpolicy.cli;

import dev.mcpolicy.app.CheckRequest;
import dev.mcpolicy.app.Checker;
import dev.mcpolicy.app.RuleFilesRefused;
import dev.mcpolicy.app.Shard;
import dev.mcpolicy.app.UsageException;
import dev.mcpolicy.config.ConfigException;
import dev.mcpolicy.config.EffectiveConfig;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.report.ReportContext;
import dev.mcpolicy.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code mcpolicy check}: load, build the graph, run the rules, report, and gate CI through the exit code. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        usageHelpWidth = 100,
        abbreviateSynopsis = true,
        header = "Checks rendered manifests and charts against the MCP server policies.",
        description = {"Inputs are rendered manifests (files, folders, '-' for stdin) and charts (folders with"
                + " Chart.yaml), which are rendered with the real helm."},
        footer = {"",
                "Reports: without --report, one report: --format (default text) to --output (default stdout).",
                "With --report, the listed reports, plus the --format/--output one if either is given.",
                "Each format is rendered from the same run; at most one report goes to stdout.",
                "",
                "Examples:",
                "  helm template my-mcp ./chart | mcpolicy check -",
                "  mcpolicy check rendered.yaml -f values.yaml \\",
                "      --report text --report sarif=mcpolicy.sarif",
                "  mcpolicy check ./chart \\",
                "      --env staging=values-staging.yaml \\",
                "      --env production=values-production.yaml",
                "",
                "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,",
                "2 the run could not be done."})
public final class CheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Rendered manifest file, folder of *.yaml/*.yml, chart folder (holds Chart.yaml), or '-' for stdin"
                    + " (the default when no PATH is given and stdin is not a terminal).")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-f", "--values"}, paramLabel = "FILE",
            description = "Values file of the chart (repeatable): scanned for literal secrets; passed to helm in chart mode.")
    List<Path> valuesFiles = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the --format report to FILE instead of stdout.")
    Path output;

    @Option(names = {"-r", "--report"}, paramLabel = "FORMAT[=FILE]",
            description = "Write a report in FORMAT to FILE, or to stdout without FILE (repeatable; at most one to stdout).")
    List<String> reports = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Lowest level that makes the exit code 1: error, warning, note or never (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--source-root", paramLabel = "DIR",
            description = "Report paths relative to DIR (default: the working directory); SARIF URIs must be repository-relative.")
    Path sourceRoot;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "default",
            description = "Release namespace: objects without a namespace live here; helm's --namespace in chart mode.")
    String namespace;

    @Option(names = "--set-param", paramLabel = "RULE.PARAM=VALUE",
            description = "Override a rule parameter, e.g. sse-read-timeout.minSeconds=7200 (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Also load the custom rule files (*.yaml, same format as mcpolicy's rules/) of DIR"
                    + " (repeatable); 'mcpolicy rules test DIR' runs their examples.")
    List<Path> ruleFolders = new ArrayList<>();

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the text report: auto (a terminal, unless NO_COLOR is set), always or never.")
    ColorMode color;

    @Option(names = "--no-color", description = "Same as --color never.")
    boolean noColor;

    @Option(names = {"-q", "--quiet"}, description = "Text report: only errors and the summary.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Text report: also list every MCP-server decision.")
    boolean verbose;

    @Option(names = "--help-base-url", paramLabel = "URL",
            description = "Where the rule pages (docs/rules/<id>.md) are published; reports then link to them"
                    + " (SARIF helpUri). URL is their folder, or contains {rule} where the rule id goes.")
    String helpBaseUrl;

    @Option(names = "--sarif-category", paramLabel = "ID",
            description = "Emit SARIF runs[0].automationDetails.id (overrides the upload action's category).")
    String sarifCategory;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: .mcpolicy.yaml in the working directory or the nearest folder"
                    + " above it, up to the repository root).")
    Path configFile;

    @Option(names = "--no-config", description = "Read no configuration file.")
    boolean noConfig;

    @Option(names = "--waivers", paramLabel = "POLICY",
            description = "Which waivers apply: all (default), config (only the config file's) or none;"
                    + " the others are ignored and listed.")
    String waiverPolicy;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Fail only on findings this baseline does not hold; list its entries that no longer occur.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write the findings no waiver accepts to FILE (YAML, or JSON for *.json) and exit 0"
                    + " unless the run failed.")
    Path writeBaseline;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Check only shard K of N: a stable share of the charts and rendered inputs, by the hash of"
                    + " their paths (for CI matrix jobs; combine their reports with 'mcpolicy merge').")
    String shard;

    @CommandLine.ArgGroup(exclusive = false, heading = "%nChart mode (folders with Chart.yaml are rendered with helm template):%n")
    ChartArgs chart = new ChartArgs();

    static final class ChartArgs {
        @Option(names = "--env", paramLabel = "NAME=FILE[,FILE…]",
                description = "Render the chart once per environment with these values files (repeatable); "
                        + "a finding caused by the same source line in several renders is reported once.")
        List<String> environments = new ArrayList<>();

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Passed to helm template (repeatable).")
        List<String> set = new ArrayList<>();

        @Option(names = "--set-string", paramLabel = "KEY=VALUE", description = "Passed to helm template (repeatable).")
        List<String> setString = new ArrayList<>();

        @Option(names = "--set-file", paramLabel = "KEY=PATH", description = "Passed to helm template (repeatable).")
        List<String> setFile = new ArrayList<>();

        @Option(names = "--set-json", paramLabel = "KEY=JSON", description = "Passed to helm template (repeatable).")
        List<String> setJson = new ArrayList<>();

        @Option(names = "--release", paramLabel = "NAME", description = "Release name for helm template (default: the chart's name).")
        String release;

        @Option(names = "--kube-version", paramLabel = "V", description = "Passed to helm template.")
        String kubeVersion;

        @Option(names = "--api-versions", paramLabel = "X", description = "Passed to helm template (repeatable).")
        List<String> apiVersions = new ArrayList<>();

        @Option(names = "--helm", paramLabel = "PATH",
                description = "The helm binary (default: $MCPOLICY_HELM, then helm on PATH).")
        String helm;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        EffectiveConfig config;
        try {
            config = ConfigOptions.effective(cli, configFile, noConfig, new EffectiveConfig.Flags(
                    cli.getParseResult().hasMatchedOption("--fail-on") ? failOn : null, waiverPolicy, parameters,
                    ruleFolders));
        } catch (ConfigException e) {
            cli.getErr().println(e.getMessage());
            return ExitCodes.RUN_FAILED;
        }
        failOn = config.failOn().value();
        Level threshold = FailOn.parse(cli, failOn);
        List<String> inputs = new ArrayList<>(paths);
        if (inputs.isEmpty()) {
            if (Terminal.stdinIsTerminal()) {
                throw new CommandLine.ParameterException(cli,
                        "no input: give a PATH, or pipe rendered manifests (helm template … | mcpolicy check -)");
            }
            inputs.add("-");
        }
        List<ReportTarget> targets = reportTargets(cli);
        Path root = sourceRoot != null ? sourceRoot : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(root)) {
            throw new CommandLine.ParameterException(cli, "--source-root " + sourceRoot + " is not a folder");
        }
        CheckRequest request = new CheckRequest(inputs, valuesFiles, namespace, chart.release,
                parseEnvironments(cli), new CheckRequest.ChartOptions(chart.set, chart.setString, chart.kubeVersion,
                chart.apiVersions, chart.setFile, chart.setJson), chart.helm, root.toAbsolutePath().normalize(),
                config.parameterValues(), threshold, config.ruleFolders(),
                new CheckRequest.Adoption(config, baseline, writeBaseline, null), parseShard(cli));

        Checker.Outcome outcome;
        try {
            outcome = new Checker().run(request);
        } catch (UsageException e) {
            cli.getErr().println("mcpolicy check: " + e.getMessage());
            return ExitCodes.RUN_FAILED;
        } catch (RuleFilesRefused e) {
            RuleProblems.print(e.problems(), cli.getErr());
            return ExitCodes.RUN_FAILED;
        } catch (ConfigException e) {
            cli.getErr().println(e.getMessage());
            return ExitCodes.RUN_FAILED;
        }
        RunResult result = outcome.result();
        for (var problem : result.problems()) {
            cli.getErr().println(problem.oneLine());
        }
        writeReports(targets, outcome, root);
        if (!result.successful()) {
            return ExitCodes.RUN_FAILED;
        }
        boolean failing = threshold != null && writeBaseline == null
                && result.findings().stream().anyMatch(f -> f.level().atLeast(threshold));
        return failing ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

    /**
     * Without {@code --report}: one report, {@code --format} to {@code --output}. With it: the listed reports, plus
     * the {@code --format}/{@code --output} one when either option was given.
     */
    private List<ReportTarget> reportTargets(CommandLine cli) {
        List<ReportTarget> targets = new ArrayList<>();
        CommandLine.ParseResult parsed = cli.getParseResult();
        boolean mainGiven = parsed.hasMatchedOption("--format") || parsed.hasMatchedOption("--output");
        if (reports.isEmpty() || mainGiven) {
            targets.add(new ReportTarget(format, output));
        }
        for (String report : reports) {
            try {
                targets.add(ReportTarget.parse(report));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cli, e.getMessage());
            }
        }
        List<ReportTarget> toStdout = targets.stream().filter(ReportTarget::toStdout).toList();
        if (toStdout.size() > 1) {
            throw new CommandLine.ParameterException(cli, "only one report can go to stdout, but "
                    + String.join(" and ", toStdout.stream().map(ReportTarget::describe).toList())
                    + " would; give the others a file (--report FORMAT=FILE)");
        }
        Set<Path> files = new HashSet<>();
        for (ReportTarget target : targets) {
            if (!target.toStdout() && !files.add(target.file().toAbsolutePath().normalize())) {
                throw new CommandLine.ParameterException(cli, "two reports would be written to " + target.file());
            }
        }
        return targets;
    }

    private void writeReports(List<ReportTarget> targets, Checker.Outcome outcome, Path root) throws IOException {
        Map<String, String> environment = System.getenv();
        boolean stdoutIsTerminal = Terminal.stdoutIsTerminal();
        boolean colour = (noColor ? ColorMode.NEVER : color).resolve(environment, stdoutIsTerminal)
                == CommandLine.Help.Ansi.ON;
        var context = outcome.reportContext(root, colour, sarifCategory)
                .withHelpBaseUrl(helpBaseUrl)
                .withText(new ReportContext.TextOptions(Terminal.width(environment, stdoutIsTerminal), verbose, quiet))
                .withGeneratedAt(runTime(environment));
        new ReportOutputs(System.out, environment).write(targets, outcome.result(), context);
    }

    /** Now, or {@code SOURCE_DATE_EPOCH} for reproducible reports (JUnit's timestamp is the only use). */
    private static Instant runTime(Map<String, String> environment) {
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.strip().matches("[0-9]{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
        }
        return Instant.now();
    }

    private Shard parseShard(CommandLine cli) {
        try {
            return shard == null ? Shard.ALL : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }


    private Map<String, List<Path>> parseEnvironments(CommandLine cli) {
        Map<String, List<Path>> out = new LinkedHashMap<>();
        for (String spec : chart.environments) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cli,
                        "--env must be NAME=values-file[,values-file…] (was '" + spec + "')");
            }
            String name = spec.substring(0, eq).trim();
            if (out.containsKey(name)) {
                throw new CommandLine.ParameterException(cli, "--env " + name + " is given twice");
            }
            List<Path> files = new ArrayList<>();
            for (String file : spec.substring(eq + 1).split(",")) {
                if (!file.isBlank()) {
                    files.add(Path.of(file.trim()));
                }
            }
            out.put(name, files);
        }
        return out;
    }
}

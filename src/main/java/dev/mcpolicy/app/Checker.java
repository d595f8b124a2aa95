package dev.mcpolicy.app;

import dev.mcpolicy.chart.HelmNames;
import dev.mcpolicy.finding.Suppressions;
import dev.mcpolicy.finding.pipeline.FindingStep;
import dev.mcpolicy.engine.Engine;
import dev.mcpolicy.engine.PrecompiledRules;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.pipeline.DropDuplicates;
import dev.mcpolicy.finding.pipeline.FindingPipeline;
import dev.mcpolicy.finding.pipeline.FoldSuperseded;
import dev.mcpolicy.finding.pipeline.LowerInferredErrors;
import dev.mcpolicy.finding.pipeline.MergeEnvironments;
import dev.mcpolicy.finding.pipeline.SortFindings;
import dev.mcpolicy.finding.ServerDecision;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.McpDecision;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.KubernetesObjects;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.manifest.NodeSpan;
import dev.mcpolicy.report.ReportContext;
import dev.mcpolicy.report.ToolInfo;
import dev.mcpolicy.rules.RuleLoadException;
import dev.mcpolicy.engine.RuleCompiler;
import dev.mcpolicy.rules.RuleSet;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One check run, in the order data flows: load the inputs, build the resource graph, run the rules, and
 * collect findings, MCP-server decisions and input problems into a {@link RunResult}.
 */
public final class Checker {
    private final ManifestLoader loader;
    private final InputStream stdin;

    public Checker() {
        this(new ManifestLoader(), System.in);
    }

    public Checker(ManifestLoader loader, InputStream stdin) {
        this.loader = loader;
        this.stdin = stdin;
    }

    /** The run's result and what a report needs besides it. */
    public record Outcome(RunResult result, RuleSet rules, Map<String, String> fileTexts) {
        public ReportContext reportContext(Path sourceRoot, boolean colour, String sarifCategory) {
            return ReportContext.of(ToolInfo.mcpolicy(Version.current()), rules.rules())
                    .withColour(colour)
                    .withBaseDirectory(sourceRoot)
                    .withSourceRoot(sourceRoot)
                    .withFileTexts(fileTexts)
                    .withSarifCategory(sarifCategory);
        }
    }

    /**
     * Begins what every check needs whatever its options (the built-in rules, compiled) on a second thread, while
     * the caller parses the command line and reads the configuration.
     */
    public static void prepareInBackground() {
        PrecompiledRules.startInBackground();
    }

    /**
     * Runs the check.
     *
     * @throws UsageException    when the request cannot be run as asked: chart-mode options without a chart input, a
     *                           release or environment name helm would refuse
     * @throws RuleFilesRefused  when a rule folder ({@code --rules DIR}) does not load
     */
    public Outcome run(CheckRequest request) {
        AdoptionSteps adoption = AdoptionSteps.prepare(request);
        RuleSet rules = loadRules(request);
        refuseBadNames(request);
        Inputs inputs = Inputs.collect(request, loader, stdin);
        List<String> chartOnly = request.chartOnlyOptions();
        if (!chartOnly.isEmpty() && inputs.charts().isEmpty()) {
            throw new UsageException(String.join(", ", chartOnly) + (chartOnly.size() == 1 ? " applies" : " apply")
                    + " to charts only, and no PATH is a chart (a folder with Chart.yaml, or one holding charts);"
                    + " see 'mcpolicy check --help'");
        }
        List<InputProblem> problems = new ArrayList<>(inputs.problems());
        problems.addAll(inputs.emptyInputs());
        Engine engine = new Engine(rules);

        List<ManifestDocument> values = new ArrayList<>();
        // With only charts as inputs, each chart run reads the values files itself; reading them here as well
        // reported every values-file finding and problem twice.
        boolean manifestMode = !inputs.manifests().isEmpty() || inputs.charts().isEmpty() && inputs.shardedOut() == 0;
        for (Path file : manifestMode ? request.valuesFiles() : List.<Path>of()) {
            LoadResult loaded = loader.loadFile(file, inputs.display(file));
            values.addAll(loaded.documents());
            problems.addAll(loaded.problems());
        }

        ChartMapping chartMapping = new ChartMapping();
        Map<String, Integer> manifestRenders = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        List<ServerDecision> decisions = new ArrayList<>();
        WaiverAnnotations annotations = new WaiverAnnotations();
        if (!inputs.manifests().isEmpty() || !values.isEmpty()) {
            problems.addAll(notObjects(inputs.manifests()));
            RenderSplit split = RenderSplit.of(inputs.manifests(), request.releaseNamespace(),
                    AdoptionSteps.markers(request));
            problems.addAll(split.problems());
            boolean single = split.renders().size() == 1;
            for (RenderSplit.Render render : split.renders()) {
                int index = manifestRenders.size();
                render.documents().forEach(document -> manifestRenders.putIfAbsent(document.file(), index));
                UnreadDocuments unread = UnreadDocuments.of(render.documents(),
                        single ? inputs.problems() : problemsOf(render, inputs.problems()));
                unread.note().ifPresent(problems::add);
                findings.addAll(engine.run(render.graph(), values, unread.gaps()));
                decisions.addAll(decisions(render.graph()));
                annotations.collect(render.graph(), null);
            }
        }
        // Charts are checked side by side (each mostly waits on helm); their results are taken in input order.
        // Each chart collects its waiver annotations apart; they are added in input order, as a serial run would.
        for (ChartRun.Result result : InOrder.map(inputs.charts(), chart -> {
            WaiverAnnotations own = new WaiverAnnotations();
            return new ChartChecked(chart.check(engine, request, loader, chartMapping, own), own);
        }).stream().map(checked -> {
            annotations.addAll(checked.annotations());
            return checked.result();
        }).toList()) {
            findings.addAll(result.findings());
            decisions.addAll(result.decisions());
            problems.addAll(result.problems());
        }
        FoldSuperseded fold = new FoldSuperseded(engine.supersessions(), renderOf(manifestRenders));
        findings = pipeline(chartMapping, fold, List.copyOf(request.environments().keySet()),
                adoption.steps(annotations.result(), inputs, problems)).run(findings);
        Suppressions suppressed = adoption.finish(findings, problems);
        problems.sort(Comparator.comparing(InputProblem::file).thenComparingInt(InputProblem::line)
                .thenComparingInt(InputProblem::column).thenComparing(InputProblem::message));
        RunResult result = new RunResult(inputs.names(), findings, decisions, problems.stream().distinct().toList(),
                suppressed);
        return new Outcome(result, rules, inputs.texts());
    }

    /**
     * Everything that happens to the engine's findings before the report, in order: a deterministic order, equal
     * findings once, errors about inferred MCP servers lowered to warnings, chart findings moved to their template
     * or values lines, findings of one render folded into the finding of their root cause ({@code supersededBy}), one
     * finding for what several environments share, and the final order. (The SARIF report alone merges findings of
     * one rule on one line, as GitHub needs; every other report shows each finding.)
     */
    static FindingPipeline pipeline(ChartMapping chartMapping, FoldSuperseded fold, List<String> environments) {
        return FindingPipeline.of(new SortFindings(), new DropDuplicates(), new LowerInferredErrors(), chartMapping,
                fold, new MergeEnvironments(environments), new SortFindings());
    }

    /**
     * The run's pipeline with the user's settings: rule settings first (a disabled rule then supersedes nothing),
     * then the steps above, then waivers (after chart mapping and the environment merge, so a waiver comment is read
     * at the line a reviewer edits) and the baseline (only what no waiver accepts is compared with it).
     */
    static FindingPipeline pipeline(ChartMapping chartMapping, FoldSuperseded fold, List<String> environments,
                                    AdoptionSteps.Steps adoption) {
        List<FindingStep> steps = new ArrayList<>(List.of(adoption.ruleSettings(), new SortFindings(),
                new DropDuplicates(), new LowerInferredErrors(), chartMapping, fold, new MergeEnvironments(environments)));
        steps.addAll(adoption.afterMapping());
        steps.add(new SortFindings());
        return new FindingPipeline(steps);
    }

    /**
     * The render a finding was found in, as the fold step needs it: the render of the rendered inputs that holds its
     * file (one render, or one per file when files define the same objects), else its rendered file, which in chart
     * mode names one render of one chart and environment ({@code <helm template chart --env staging>}). Values-file
     * findings have no render.
     */
    static Function<Finding, Object> renderOf(Map<String, Integer> manifestRenderOfFile) {
        Map<String, Integer> renders = Map.copyOf(manifestRenderOfFile);
        return finding -> {
            if (finding.rendered() == null) {
                return null;
            }
            Integer manifestRender = renders.get(finding.rendered().file());
            return manifestRender != null ? manifestRender : finding.rendered().file();
        };
    }

    /** Release and environment names reach helm or the reports: refused here unless helm would accept them. */
    private static void refuseBadNames(CheckRequest request) {
        if (request.release() != null) {
            HelmNames.releaseNameProblem(request.release()).ifPresent(problem -> {
                throw new UsageException("--release " + HelmNames.quoted(request.release()) + " is not a valid"
                        + " release name: " + problem + "; see 'mcpolicy check --help'");
            });
        }
        for (String environment : request.environments().keySet()) {
            HelmNames.environmentNameProblem(environment).ifPresent(problem -> {
                throw new UsageException("--env " + HelmNames.quoted(environment) + " is not a valid environment"
                        + " name: " + problem + "; see 'mcpolicy check --help'");
            });
        }
    }

    /** The problems met in the files of one render, when the rendered inputs were split into renders per file. */
    private static List<InputProblem> problemsOf(RenderSplit.Render render, List<InputProblem> problems) {
        Set<String> files = new java.util.HashSet<>();
        render.documents().forEach(document -> files.add(document.file()));
        return problems.stream().filter(problem -> files.contains(problem.file())).toList();
    }

    /** @throws RuleFilesRefused when a rule folder of the request does not load */
    private static RuleSet loadRules(CheckRequest request) {
        RuleSet rules;
        try {
            rules = RuleCompiler.standard().ruleLoader().loadWithFolders(request.ruleFolders());
        } catch (RuleLoadException e) {
            throw new RuleFilesRefused(e);
        }
        return AdoptionSteps.configured(rules, request);
    }

    /** Documents that parse but are not Kubernetes objects are skipped with a note, never silently. */
    static List<InputProblem> notObjects(List<ManifestDocument> documents) {
        List<InputProblem> notes = new ArrayList<>();
        for (ManifestDocument document : documents) {
            Optional<String> why = KubernetesObjects.whyNotAnObject(document.content());
            if (why.isPresent()) {
                int line = document.positions().get("").map(NodeSpan::valueStart).map(p -> p.line())
                        .orElse(document.firstLine());
                notes.add(InputProblem.note(document.file(), line, 1,
                        "document " + (document.index() + 1) + " skipped: " + why.get()));
            }
        }
        return notes;
    }

    static List<ServerDecision> decisions(ResourceGraph graph) {
        List<ServerDecision> out = new ArrayList<>();
        for (McpDecision decision : graph.mcpDecisions()) {
            K8sObject object = decision.workload().object();
            out.add(new ServerDecision(objectRef(object), objectLocation(object), decision.mcpServer(),
                    decision.reason(), decision.inferred()));
        }
        return out;
    }

    static ObjectRef objectRef(K8sObject object) {
        return new ObjectRef(object.apiVersion(), object.kind(), object.name(), object.namespace());
    }

    static Location objectLocation(K8sObject object) {
        ManifestDocument document = object.document();
        var located = document.positions().locate(object.pointer("/metadata/name"));
        if (located.span() == null) {
            return new Location(document.file(), document.firstLine(), 1, 0, Location.DOCUMENT);
        }
        var anchor = located.span().anchor();
        return new Location(document.file(), anchor.line(), anchor.column(), located.span().anchorEndColumn(),
                located.exact() ? Location.EXACT : Location.PARENT_KEY);
    }


    private record ChartChecked(ChartRun.Result result, WaiverAnnotations annotations) {
    }
}

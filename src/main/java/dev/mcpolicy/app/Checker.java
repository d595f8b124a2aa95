package dev.mcpolicy.app;

import dev.mcpolicy.cli.VersionProvider;
import dev.mcpolicy.engine.Engine;
import dev.mcpolicy.engine.SupersededFindings;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.SameLineFindings;
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
import dev.mcpolicy.engine.MechanismRegistry;
import dev.mcpolicy.rules.RuleSet;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
            return ReportContext.of(ToolInfo.mcpolicy(VersionProvider.version()), rules.rules())
                    .withColour(colour)
                    .withBaseDirectory(sourceRoot)
                    .withSourceRoot(sourceRoot)
                    .withFileTexts(fileTexts)
                    .withSarifCategory(sarifCategory);
        }
    }

    public Outcome run(CheckRequest request) {
        RuleSet rules = loadRules(request);
        Inputs inputs = Inputs.collect(request, loader, stdin);
        List<InputProblem> problems = new ArrayList<>(inputs.problems());
        Engine engine = new Engine(rules);

        List<ManifestDocument> values = new ArrayList<>();
        // With only charts as inputs, each chart run reads the values files itself; reading them here as well
        // reported every values-file finding and problem twice.
        boolean manifestMode = !inputs.manifests().isEmpty() || inputs.charts().isEmpty();
        for (Path file : manifestMode ? request.valuesFiles() : List.<Path>of()) {
            LoadResult loaded = loader.loadFile(file, inputs.display(file));
            values.addAll(loaded.documents());
            problems.addAll(loaded.problems());
        }

        List<Finding> findings = new ArrayList<>();
        List<ServerDecision> decisions = new ArrayList<>();
        if (!inputs.manifests().isEmpty() || !values.isEmpty()) {
            problems.addAll(notObjects(inputs.manifests()));
            ResourceGraph graph = ResourceGraph.build(inputs.manifests(), request.releaseNamespace());
            findings.addAll(SupersededFindings.fold(engine.run(graph, values), rules));
            decisions.addAll(decisions(graph));
        }
        for (ChartRun chart : inputs.charts()) {
            ChartRun.Result result = chart.check(engine, rules, request, loader);
            findings.addAll(result.findings());
            decisions.addAll(result.decisions());
            problems.addAll(result.problems());
        }
        findings.sort(FINDING_ORDER);
        findings = new ArrayList<>(SameLineFindings.merge(findings));
        problems.sort(Comparator.comparing(InputProblem::file).thenComparingInt(InputProblem::line)
                .thenComparingInt(InputProblem::column).thenComparing(InputProblem::message));
        RunResult result = new RunResult(inputs.names(), findings, decisions, problems.stream().distinct().toList());
        return new Outcome(result, rules, inputs.texts());
    }

    static final Comparator<Finding> FINDING_ORDER = Comparator
            .comparing((Finding f) -> f.primary().file())
            .thenComparingInt(f -> f.primary().line())
            .thenComparingInt(f -> f.primary().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    private static RuleSet loadRules(CheckRequest request) {
        try {
            return MechanismRegistry.standard().ruleLoader().loadBuiltIn().withOverrides(request.parameters());
        } catch (RuleLoadException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
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
                    decision.reason()));
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

    static Map<String, String> copy(Map<String, String> texts) {
        return new LinkedHashMap<>(texts);
    }
}

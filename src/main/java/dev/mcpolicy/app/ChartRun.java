package dev.mcpolicy.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.chart.ChartException;
import dev.mcpolicy.chart.ChartInfo;
import dev.mcpolicy.chart.DocumentIdentity;
import dev.mcpolicy.chart.Environment;
import dev.mcpolicy.chart.HelmLocation;
import dev.mcpolicy.chart.HelmRunner;
import dev.mcpolicy.chart.MappedLocation;
import dev.mcpolicy.chart.MappingQuery;
import dev.mcpolicy.chart.RenderFailure;
import dev.mcpolicy.chart.RenderOutcome;
import dev.mcpolicy.chart.RenderRequest;
import dev.mcpolicy.chart.RenderResult;
import dev.mcpolicy.chart.SourceMapper;
import dev.mcpolicy.engine.ChartContext;
import dev.mcpolicy.engine.Engine;
import dev.mcpolicy.engine.SupersededFindings;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ServerDecision;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chart mode for one chart folder: render it with the real helm once per environment, check each render,
 * move every finding to the template or values line that causes it, and merge findings that several
 * environments share into one that names them all.
 */
final class ChartRun {
    private final Path chartDirectory;
    private final String display;

    ChartRun(Path chartDirectory, String display) {
        this.chartDirectory = chartDirectory;
        this.display = display;
    }

    record Result(List<Finding> findings, List<ServerDecision> decisions, List<InputProblem> problems) {
    }

    Result check(Engine engine, RuleSet rules, CheckRequest request, ManifestLoader loader) {
        List<InputProblem> problems = new ArrayList<>();
        ChartInfo chart;
        try {
            chart = ChartInfo.read(chartDirectory);
        } catch (ChartException e) {
            problems.add(InputProblem.error(display, 1, 1, e.getMessage()));
            return new Result(List.of(), List.of(), problems);
        }
        List<Finding> chartFindings = chartLevel(engine, chart, loader, request.sourceRoot(), problems);
        HelmLocation helm = HelmLocation.locate(request.helmBinary() == null ? null : Path.of(request.helmBinary()),
                System.getenv());
        if (helm instanceof HelmLocation.Missing missing) {
            problems.add(InputProblem.error(display, 1, 1, missing.message()));
            return new Result(chartFindings, List.of(), problems);
        }
        HelmRunner runner = new HelmRunner(((HelmLocation.Found) helm).helm());
        Path root = request.sourceRoot();
        String release = request.release() != null ? request.release() : chart.name();

        Map<String, Finding> merged = new LinkedHashMap<>();
        chartFindings.forEach(finding -> merge(merged, finding, null));
        Map<String, ServerDecision> decisions = new LinkedHashMap<>();
        List<Environment> environments = environments(request);
        boolean matrix = !request.environments().isEmpty();
        for (Environment environment : environments) {
            RenderOutcome outcome = runner.render(new RenderRequest(release, chartDirectory, request.releaseNamespace(),
                    environment, request.chartOptions().set(), request.chartOptions().setString(),
                    request.chartOptions().kubeVersion(), request.chartOptions().apiVersions()));
            if (outcome instanceof RenderFailure failure) {
                problems.add(InputProblem.error(display, 1, 1, failure.oneLine()
                        + (failure.stderr().isBlank() ? "" : ": " + oneLine(failure.stderr()))));
                continue;
            }
            String renderName = "<helm template " + display + (matrix ? " --env " + environment.name() : "") + ">";
            LoadResult rendered = loader.loadText(renderName, ((RenderResult) outcome).text());
            problems.addAll(rendered.problems());
            problems.addAll(Checker.notObjects(rendered.documents()));

            List<ManifestDocument> values = new ArrayList<>();
            List<Path> valuesFiles = new ArrayList<>();
            if (chart.valuesFile() != null) {
                valuesFiles.add(chart.valuesFile());
            }
            valuesFiles.addAll(environment.valuesFiles());
            for (Path file : valuesFiles) {
                LoadResult loaded = loader.loadFile(file, Inputs.display(root, file));
                values.addAll(loaded.documents());
                problems.addAll(loaded.problems());
            }

            List<String> setArguments = new ArrayList<>(request.chartOptions().set());
            setArguments.addAll(request.chartOptions().setString());
            SourceMapper mapper = SourceMapper.create(chart, environment, setArguments, root);
            for (String problem : mapper.problems()) {
                problems.add(InputProblem.note(display, 1, 1, problem));
            }
            Map<ManifestDocument, DocumentIdentity> identities = identities(rendered.documents());

            ResourceGraph graph = ResourceGraph.build(rendered.documents(), request.releaseNamespace());
            String environmentName = matrix ? environment.name() : null;
            List<Finding> mapped = new ArrayList<>();
            for (Finding finding : engine.run(graph, values)) {
                mapped.add(mapToSource(finding, rendered.documents(), identities, mapper));
            }
            for (Finding finding : SupersededFindings.fold(mapped, rules)) {
                merge(merged, finding, environmentName);
            }
            for (ServerDecision decision : Checker.decisions(graph)) {
                decisions.putIfAbsent(decision.object().toString() + decision.mcpServer() + decision.reason(),
                        mapDecision(decision, graph, identities, mapper));
            }
        }
        return new Result(new ArrayList<>(merged.values()), new ArrayList<>(decisions.values()), problems);
    }

    /** Chart-level rules ({@code target: chart}) run once per chart, on Chart.yaml and the chart root. */
    private static List<Finding> chartLevel(Engine engine, ChartInfo chart, ManifestLoader loader, Path root,
                                            List<InputProblem> problems) {
        ChartContext.Loaded loaded = ChartContext.load(chart, loader,
                Inputs.display(root, chart.directory().resolve("Chart.yaml")));
        problems.addAll(loaded.problems());
        return loaded.chart().map(engine::runChart).orElse(List.of());
    }

    private List<Environment> environments(CheckRequest request) {
        if (request.environments().isEmpty()) {
            return List.of(new Environment(Environment.DEFAULT_NAME, request.valuesFiles()));
        }
        List<Environment> out = new ArrayList<>();
        request.environments().forEach((name, files) -> {
            List<Path> all = new ArrayList<>(request.valuesFiles());
            all.addAll(files);
            out.add(new Environment(name, all));
        });
        return out;
    }

    private static Map<ManifestDocument, DocumentIdentity> identities(List<ManifestDocument> documents) {
        List<String> sources = new ArrayList<>();
        List<JsonNode> contents = new ArrayList<>();
        for (ManifestDocument document : documents) {
            sources.add(document.helmSource());
            contents.add(document.content());
        }
        List<DocumentIdentity> assigned = DocumentIdentity.assign(sources, contents);
        Map<ManifestDocument, DocumentIdentity> out = new IdentityHashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            out.put(documents.get(i), assigned.get(i));
        }
        return out;
    }

    /** Findings in a rendered document move to their source line; the rendered place becomes a related location. */
    private static Finding mapToSource(Finding finding, List<ManifestDocument> documents,
                                       Map<ManifestDocument, DocumentIdentity> identities, SourceMapper mapper) {
        ManifestDocument document = documentOf(finding, documents);
        if (document == null) {
            return finding;
        }
        String missingKind = finding.properties().get(Finding.MISSING_KIND);
        Optional<MappedLocation> switchedOff = missingKind == null ? Optional.empty()
                : mapper.mapAbsentKind(missingKind, MappingQuery.of(identities.get(document), document.content(), ""));
        MappedLocation mapped = switchedOff.orElseGet(() -> mapper.map(MappingQuery.of(identities.get(document),
                document.content(), finding.pointer()).withOffendingValue(finding.mappingHint() == null ? null
                : finding.mappingHint().value())));
        List<Finding.RelatedLocation> related = new ArrayList<>();
        for (Location location : mapped.related()) {
            related.add(new Finding.RelatedLocation(location, relatedMessage(location)));
        }
        related.addAll(finding.related());
        Map<String, String> properties = new LinkedHashMap<>(finding.properties());
        if (mapped.note() != null) {
            properties.put("mappingNote", mapped.note());
        }
        return new Finding(finding.ruleId(), finding.level(), finding.message(), mapped.primary(), finding.primary(),
                finding.object(), finding.pointer(), finding.helmSource(), related, finding.environments(), properties);
    }

    private static String relatedMessage(Location location) {
        return switch (location.mapping()) {
            case Location.VALUES -> "values line";
            default -> "template line";
        };
    }

    private static ManifestDocument documentOf(Finding finding, List<ManifestDocument> documents) {
        if (finding.object() == null) {
            return null;
        }
        String file = finding.primary().file();
        for (ManifestDocument document : documents) {
            if (document.file().equals(file) && document.positions().get("").isPresent()
                    && contains(document, finding.primary().line())) {
                return document;
            }
        }
        return null;
    }

    private static boolean contains(ManifestDocument document, int line) {
        var root = document.positions().get("").orElseThrow();
        return line >= document.firstLine() && line <= root.valueEnd().line();
    }

    private ServerDecision mapDecision(ServerDecision decision, ResourceGraph graph,
                                       Map<ManifestDocument, DocumentIdentity> identities, SourceMapper mapper) {
        for (var object : graph.objects()) {
            if (Checker.objectRef(object).equals(decision.object())) {
                MappedLocation mapped = mapper.map(MappingQuery.of(identities.get(object.document()),
                        object.document().content(), object.pointer("/metadata/name")));
                return new ServerDecision(decision.object(), mapped.primary(), decision.mcpServer(), decision.reason());
            }
        }
        return decision;
    }

    /**
     * Same rule on the same source place in several environments: one finding naming every environment. (Different
     * findings of one rule on one line are merged for the whole run by {@code SameLineFindings}.)
     */
    private static void merge(Map<String, Finding> merged, Finding finding, String environment) {
        Location at = finding.primary();
        String key = finding.ruleId() + "\u0000" + at.file() + "\u0000" + at.line() + "\u0000" + at.column()
                + "\u0000" + finding.message();
        Finding existing = merged.get(key);
        if (existing == null) {
            merged.put(key, environment == null ? finding : withEnvironments(finding, List.of(environment)));
            return;
        }
        if (environment != null && !existing.environments().contains(environment)) {
            List<String> environments = new ArrayList<>(existing.environments());
            environments.add(environment);
            merged.put(key, withEnvironments(existing, environments));
        }
    }

    private static Finding withEnvironments(Finding finding, List<String> environments) {
        return new Finding(finding.ruleId(), finding.level(), finding.message(), finding.primary(), finding.rendered(),
                finding.object(), finding.pointer(), finding.helmSource(), finding.related(), environments,
                finding.properties());
    }

    private static String oneLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        String first = newline < 0 ? trimmed : trimmed.substring(0, newline) + " …";
        return first.length() > 400 ? first.substring(0, 400) + " …" : first;
    }
}

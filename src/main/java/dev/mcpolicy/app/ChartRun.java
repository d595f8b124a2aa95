package dev.mcpolicy.app;

import dev.mcpolicy.chart.ChartException;
import dev.mcpolicy.chart.ChartInfo;
import dev.mcpolicy.chart.DocumentIdentity;
import dev.mcpolicy.chart.Environment;
import dev.mcpolicy.chart.HelmError;
import dev.mcpolicy.chart.HelmLocation;
import dev.mcpolicy.chart.HelmNames;
import dev.mcpolicy.chart.HelmRunner;
import dev.mcpolicy.chart.MappedLocation;
import dev.mcpolicy.chart.MappingQuery;
import dev.mcpolicy.chart.RenderFailure;
import dev.mcpolicy.chart.RenderOutcome;
import dev.mcpolicy.chart.RenderRequest;
import dev.mcpolicy.chart.RenderResult;
import dev.mcpolicy.chart.SourceMapper;
import dev.mcpolicy.engine.mechanism.ChartContext;
import dev.mcpolicy.engine.Engine;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.ServerDecision;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.KubernetesObjects;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chart mode for one chart folder: run the chart-level rules once, render the chart with the real helm once per
 * environment and check each render. Moving findings to their source lines and merging the environments' findings
 * are steps of the run's finding pipeline ({@link ChartMapping}, then the environment merge).
 */
final class ChartRun {
    private final Path chartDirectory;
    private final String display;

    ChartRun(Path chartDirectory, String display) {
        this.chartDirectory = chartDirectory;
        this.display = display;
    }

    Path directory() {
        return chartDirectory;
    }

    /** The chart folder as reports name it. */
    String display() {
        return display;
    }

    record Result(List<Finding> findings, List<ServerDecision> decisions, List<InputProblem> problems) {
    }

    /** The helm renders of an environment matrix, side by side, outcomes in the matrix's order. */
    static List<RenderOutcome> renderAll(HelmRunner runner, List<RenderRequest> requests) {
        return InOrder.map(requests, runner::render);
    }

    /**
     * Renders and checks the chart. Findings come back as found, rendered locations and all; each render is
     * registered with {@code mapping}, the pipeline step that later moves them to their source lines. In a render
     * matrix each finding names its environment.
     */
    Result check(Engine engine, CheckRequest request, ManifestLoader loader, ChartMapping mapping) {
        return check(engine, request, loader, mapping, new WaiverAnnotations());
    }

    /** As above, collecting each render's waiver annotations, located at their template lines, into {@code waivers}. */
    Result check(Engine engine, CheckRequest request, ManifestLoader loader, ChartMapping mapping,
                 WaiverAnnotations waivers) {
        List<InputProblem> problems = new ArrayList<>();
        ChartInfo chart;
        try {
            chart = ChartInfo.read(chartDirectory);
        } catch (ChartException e) {
            problems.add(InputProblem.error(display, 1, 1, e.getMessage()));
            return new Result(List.of(), List.of(), problems);
        }
        Optional<InputProblem> badName = nameProblem(chart, request, loader);
        if (badName.isPresent()) {
            problems.add(badName.get());
            return new Result(List.of(), List.of(), problems);
        }
        List<Finding> findings = new ArrayList<>(chartLevel(engine, chart, loader, request.sourceRoot(), problems));
        HelmLocation helm = HelmLocation.locate(request.helmBinary() == null ? null : Path.of(request.helmBinary()),
                System.getenv());
        if (helm instanceof HelmLocation.Missing missing) {
            problems.add(InputProblem.error(display, 1, 1, missing.message()));
            return new Result(findings, List.of(), problems);
        }
        HelmRunner runner = new HelmRunner(((HelmLocation.Found) helm).helm());
        Path root = request.sourceRoot();
        String release = request.release() != null ? request.release() : chart.name();

        Map<String, ServerDecision> decisions = new LinkedHashMap<>();
        List<Environment> environments = environments(request);
        boolean matrix = !request.environments().isEmpty();
        List<String> setArguments = request.chartOptions().assignments();
        Map<InputProblem, List<String>> failures = new LinkedHashMap<>();
        List<RenderOutcome> outcomes = renderAll(runner, environments.stream().map(environment -> new RenderRequest(
                release, chartDirectory, request.releaseNamespace(), environment, request.chartOptions().set(),
                request.chartOptions().setString(), request.chartOptions().kubeVersion(),
                request.chartOptions().apiVersions(), request.chartOptions().setFile(),
                request.chartOptions().setJson())).toList());
        for (int e = 0; e < environments.size(); e++) {
            Environment environment = environments.get(e);
            RenderOutcome outcome = outcomes.get(e);
            if (outcome instanceof RenderFailure failure) {
                failures.computeIfAbsent(failureProblem(failure, chart, environment, setArguments, root),
                        key -> new ArrayList<>()).add(environment.name());
                continue;
            }
            String renderName = "<helm template " + display + (matrix ? " --env " + environment.name() : "") + ">";
            LoadResult rendered = loader.loadText(renderName, ((RenderResult) outcome).text());
            problems.addAll(rendered.problems());
            problems.addAll(Checker.notObjects(rendered.documents()));
            if (rendered.problems().isEmpty() && rendered.documents().stream()
                    .allMatch(document -> KubernetesObjects.whyNotAnObject(document.content()).isPresent())) {
                problems.add(InputProblem.error(display, 1, 1, "helm template rendered no Kubernetes object"
                        + (matrix ? " [" + environment.name() + "]" : "") + ", so nothing was checked; the values may"
                        + " switch every template off"));
            }
            UnreadDocuments unread = UnreadDocuments.of(rendered.documents(), rendered.problems());
            unread.note().ifPresent(problems::add);

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

            SourceMapper mapper = SourceMapper.create(chart, environment, setArguments, root);
            for (String problem : mapper.problems()) {
                problems.add(InputProblem.note(display, 1, 1, problem));
            }
            mapping.register(renderName, rendered.documents(), mapper);
            Map<ManifestDocument, DocumentIdentity> identities = ChartMapping.identities(rendered.documents());

            ResourceGraph graph = ResourceGraph.build(rendered.documents(), request.releaseNamespace(),
                    AdoptionSteps.markers(request));
            for (Finding finding : engine.run(graph, values, unread.gaps())) {
                findings.add(matrix ? finding.withEnvironments(List.of(environment.name())) : finding);
            }
            waivers.collect(graph, (object, pointer) -> mapper.map(MappingQuery.of(identities.get(object.document()),
                    object.document().content(), pointer)).primary());
            for (ServerDecision decision : Checker.decisions(graph)) {
                decisions.putIfAbsent(decision.object().toString() + decision.mcpServer() + decision.reason(),
                        mapDecision(decision, graph, identities, mapper));
            }
        }
        failures.forEach((problem, names) -> problems.add(matrix ? InputProblem.error(problem.file(), problem.line(),
                problem.column(), problem.message() + " [" + String.join(", ", names) + "]") : problem));
        return new Result(findings, new ArrayList<>(decisions.values()), problems);
    }

    /**
     * A chart name that is not a chart name, or that would be the release name without being a valid one, is refused
     * before anything runs: the name comes from the chart, and the chart may come from anyone.
     */
    private Optional<InputProblem> nameProblem(ChartInfo chart, CheckRequest request, ManifestLoader loader) {
        Optional<String> badChartName = HelmNames.chartNameProblem(chart.name());
        Optional<String> badRelease = request.release() == null ? HelmNames.releaseNameProblem(chart.name())
                : Optional.empty();
        if (badChartName.isEmpty() && badRelease.isEmpty()) {
            return Optional.empty();
        }
        Path chartYaml = chart.directory().resolve("Chart.yaml");
        String file = Inputs.display(request.sourceRoot(), chartYaml);
        LoadResult loaded = loader.loadFile(chartYaml, file);
        var name = loaded.documents().isEmpty() ? Optional.<dev.mcpolicy.manifest.NodeSpan>empty()
                : loaded.documents().get(0).positions().get("/name");
        int line = name.map(span -> span.valueStart().line()).orElse(1);
        int column = name.map(span -> span.valueStart().column()).orElse(1);
        String quoted = HelmNames.quoted(chart.name());
        return Optional.of(InputProblem.error(file, line, column, badChartName.isPresent()
                ? "chart name " + quoted + " is not valid: " + badChartName.get() + "; the chart was not rendered"
                : "chart name " + quoted + " cannot be the release name: " + badRelease.get()
                + "; pass --release NAME to render it"));
    }

    /**
     * A failed render as one input problem: at the template line helm names (its path inside the chart mapped to the
     * file), else at the chart folder; helm's error in full.
     */
    private InputProblem failureProblem(RenderFailure failure, ChartInfo chart, Environment environment,
                                        List<String> setArguments, Path root) {
        Optional<HelmError.TemplatePlace> place = HelmError.of(failure.stderr()).template();
        if (place.isPresent()) {
            Optional<Path> template = SourceMapper.create(chart, environment, setArguments, root)
                    .templateFile(place.get().path());
            if (template.isPresent()) {
                return InputProblem.error(Inputs.display(root, template.get()), place.get().line(),
                        place.get().column(), failure.message());
            }
        }
        return InputProblem.error(display, 1, 1, failure.message());
    }

    /** Chart-level rules ({@code target: chart}) run once per chart, on Chart.yaml and the chart root. */
    private static List<Finding> chartLevel(Engine engine, ChartInfo chart, ManifestLoader loader, Path root,
                                            List<InputProblem> problems) {
        return chartContext(chart, loader, Inputs.display(root, chart.directory().resolve("Chart.yaml")), problems)
                .map(engine::runChart).orElse(List.of());
    }

    /**
     * Loads Chart.yaml with {@code loader} (shown as {@code chartYamlDisplay}) and lists the chart root, for
     * chart-level rules. A Chart.yaml whose first document is not a mapping yields no chart, only problems.
     */
    static Optional<ChartContext> chartContext(ChartInfo info, ManifestLoader loader, String chartYamlDisplay,
                                               List<InputProblem> problems) {
        Path directory = info.directory();
        LoadResult loaded = loader.loadFile(directory.resolve("Chart.yaml"), chartYamlDisplay);
        problems.addAll(loaded.problems());
        List<ManifestDocument> documents = loaded.documents();
        // helm reads the first document only; ChartInfo has already refused a Chart.yaml helm cannot read
        if (documents.isEmpty() || !documents.get(0).content().isObject()) {
            problems.add(InputProblem.note(chartYamlDisplay, 1, 1,
                    "Chart.yaml does not start with a YAML mapping; chart-level rules were not run"));
            return Optional.empty();
        }
        List<String> entries = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory)) {
            for (Path entry : listing) {
                String name = entry.getFileName().toString();
                entries.add(Files.isDirectory(entry) ? name + "/" : name);
            }
        } catch (IOException e) {
            problems.add(InputProblem.error(chartYamlDisplay, 1, 1, "cannot list the chart folder " + directory
                    + ": " + e.getMessage() + "; chart-level rules were not run"));
            return Optional.empty();
        }
        return Optional.of(new ChartContext(info.name(), documents.get(0), entries));
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

    private ServerDecision mapDecision(ServerDecision decision, ResourceGraph graph,
                                       Map<ManifestDocument, DocumentIdentity> identities, SourceMapper mapper) {
        for (var object : graph.objects()) {
            if (Checker.objectRef(object).equals(decision.object())) {
                MappedLocation mapped = mapper.map(MappingQuery.of(identities.get(object.document()),
                        object.document().content(), object.pointer("/metadata/name")));
                return new ServerDecision(decision.object(), mapped.primary(), decision.mcpServer(), decision.reason(),
                        decision.inferred());
            }
        }
        return decision;
    }
}

package dev.mcpolicy.app;

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
import dev.mcpolicy.engine.mechanism.ChartContext;
import dev.mcpolicy.engine.Engine;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.ServerDecision;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.InputProblem;
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

    record Result(List<Finding> findings, List<ServerDecision> decisions, List<InputProblem> problems) {
    }

    /**
     * Renders and checks the chart. Findings come back as found, rendered locations and all; each render is
     * registered with {@code mapping}, the pipeline step that later moves them to their source lines. In a render
     * matrix each finding names its environment.
     */
    Result check(Engine engine, CheckRequest request, ManifestLoader loader, ChartMapping mapping) {
        List<InputProblem> problems = new ArrayList<>();
        ChartInfo chart;
        try {
            chart = ChartInfo.read(chartDirectory);
        } catch (ChartException e) {
            problems.add(InputProblem.error(display, 1, 1, e.getMessage()));
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
        for (Environment environment : environments) {
            RenderOutcome outcome = runner.render(new RenderRequest(release, chartDirectory, request.releaseNamespace(),
                    environment, request.chartOptions().set(), request.chartOptions().setString(),
                    request.chartOptions().kubeVersion(), request.chartOptions().apiVersions(),
                    request.chartOptions().setFile(), request.chartOptions().setJson()));
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

            SourceMapper mapper = SourceMapper.create(chart, environment, request.chartOptions().assignments(), root);
            for (String problem : mapper.problems()) {
                problems.add(InputProblem.note(display, 1, 1, problem));
            }
            mapping.register(renderName, rendered.documents(), mapper);
            Map<ManifestDocument, DocumentIdentity> identities = ChartMapping.identities(rendered.documents());

            ResourceGraph graph = ResourceGraph.build(rendered.documents(), request.releaseNamespace());
            for (Finding finding : engine.run(graph, values)) {
                findings.add(matrix ? finding.withEnvironments(List.of(environment.name())) : finding);
            }
            for (ServerDecision decision : Checker.decisions(graph)) {
                decisions.putIfAbsent(decision.object().toString() + decision.mcpServer() + decision.reason(),
                        mapDecision(decision, graph, identities, mapper));
            }
        }
        return new Result(findings, new ArrayList<>(decisions.values()), problems);
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

    private static String oneLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        String first = newline < 0 ? trimmed : trimmed.substring(0, newline) + " …";
        return first.length() > 400 ? first.substring(0, 400) + " …" : first;
    }
}

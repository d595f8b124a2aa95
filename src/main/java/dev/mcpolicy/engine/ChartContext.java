package dev.mcpolicy.engine;

import dev.mcpolicy.chart.ChartInfo;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chart a chart-mode run checks, for chart-level rules ({@code target: chart}).
 *
 * @param info       what the chart folder holds (name, versions, values file, subcharts)
 * @param chartYaml  {@code Chart.yaml} loaded with exact positions, so findings land on its lines
 * @param rootFiles  names of the entries at the chart root, sorted; folders end with {@code /}
 */
public record ChartContext(ChartInfo info, ManifestDocument chartYaml, List<String> rootFiles) {
    public ChartContext {
        rootFiles = rootFiles.stream().sorted().toList();
    }

    /** The chart's name as Chart.yaml gives it. */
    public String name() {
        return info.name();
    }

    /** {@code type} from Chart.yaml; helm treats a chart without one as an application chart. */
    public String type() {
        String type = chartYaml.content().path("type").asText("");
        return type.isBlank() ? "application" : type;
    }

    public boolean hasRootEntry(String name) {
        return rootFiles.contains(name);
    }

    /** A loaded chart, or why it could not be loaded (the problems then say where). */
    public record Loaded(Optional<ChartContext> chart, List<InputProblem> problems) {
    }

    /**
     * Loads Chart.yaml with {@code loader} (shown as {@code chartYamlDisplay}) and lists the chart root.
     * A Chart.yaml whose first document is not a mapping yields no context, only problems.
     */
    public static Loaded load(ChartInfo info, ManifestLoader loader, String chartYamlDisplay) {
        Path directory = info.directory();
        LoadResult loaded = loader.loadFile(directory.resolve("Chart.yaml"), chartYamlDisplay);
        List<InputProblem> problems = new ArrayList<>(loaded.problems());
        List<ManifestDocument> documents = loaded.documents();
        // helm reads the first document only; ChartInfo has already refused a Chart.yaml helm cannot read
        if (documents.isEmpty() || !documents.get(0).content().isObject()) {
            problems.add(InputProblem.note(chartYamlDisplay, 1, 1,
                    "Chart.yaml does not start with a YAML mapping; chart-level rules were not run"));
            return new Loaded(Optional.empty(), problems);
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
            return new Loaded(Optional.empty(), problems);
        }
        return new Loaded(Optional.of(new ChartContext(info, documents.get(0), entries)), problems);
    }
}

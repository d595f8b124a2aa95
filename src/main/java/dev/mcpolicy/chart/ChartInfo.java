package dev.mcpolicy.chart;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What mcpolicy knows about a chart folder: its {@code Chart.yaml}, its own {@code values.yaml} and its
 * subcharts under {@code charts/}.
 *
 * @param directory    the chart folder (absolute, normalized)
 * @param name         {@code name} from Chart.yaml; helm's {@code # Source:} paths start with it, not with the folder
 * @param valuesFile   the chart's {@code values.yaml}, or null when the chart has none
 * @param dependencies the {@code dependencies} declared in Chart.yaml
 * @param subcharts    what {@code charts/} holds: unpacked folders (read recursively) and {@code .tgz} archives
 */
public record ChartInfo(Path directory, String name, String version, String apiVersion, String appVersion,
                        Path valuesFile, List<Dependency> dependencies, List<Subchart> subcharts) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ARCHIVE_NAME = Pattern.compile("(.+?)-v?\\d+\\.\\d+\\.\\d+.*");

    public ChartInfo {
        dependencies = List.copyOf(dependencies);
        subcharts = List.copyOf(subcharts);
    }

    /** A {@code dependencies} entry of Chart.yaml. {@code alias}, {@code condition} may be null. */
    public record Dependency(String name, String version, String repository, String alias, String condition) {
        /** The name the subchart's values and {@code # Source:} paths use. */
        public String effectiveName() {
            return alias != null && !alias.isBlank() ? alias : name;
        }
    }

    /**
     * An entry of {@code charts/}.
     *
     * @param name     the subchart's name (from its Chart.yaml; for an archive, from the file name)
     * @param location the folder or the archive
     * @param chart    the subchart read recursively, null for a packed ({@code .tgz}) subchart
     */
    public record Subchart(String name, Path location, ChartInfo chart) {
        public boolean packed() {
            return chart == null;
        }
    }

    public static ChartInfo read(Path chartDirectory) throws ChartException {
        Path dir = chartDirectory.toAbsolutePath().normalize();
        Path chartYaml = dir.resolve("Chart.yaml");
        if (!Files.isDirectory(dir)) {
            throw new ChartException(chartDirectory + ": chart folder not found");
        }
        if (!Files.isRegularFile(chartYaml)) {
            throw new ChartException(chartDirectory + ": not a helm chart (no Chart.yaml)");
        }
        JsonNode root = parseChartYaml(chartYaml);
        String name = text(root, "name");
        if (name == null || name.isBlank()) {
            throw new ChartException(chartYaml + ":1:1: Chart.yaml has no 'name'");
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (JsonNode dep : root.path("dependencies")) {
            String depName = text(dep, "name");
            if (depName != null) {
                dependencies.add(new Dependency(depName, text(dep, "version"), text(dep, "repository"),
                        text(dep, "alias"), text(dep, "condition")));
            }
        }
        Path values = dir.resolve("values.yaml");
        return new ChartInfo(dir, name, text(root, "version"), text(root, "apiVersion"), text(root, "appVersion"),
                Files.isRegularFile(values) ? values : null, dependencies, readSubcharts(dir.resolve("charts")));
    }

    /** Dependencies with no matching entry under {@code charts/} (helm refuses to render then). */
    public List<Dependency> missingDependencies() {
        List<Dependency> missing = new ArrayList<>();
        for (Dependency dependency : dependencies) {
            boolean present = subcharts.stream().anyMatch(s -> s.name().equals(dependency.name()));
            if (!present) {
                missing.add(dependency);
            }
        }
        return missing;
    }

    /**
     * The subchart that {@code # Source:} paths call {@code sourceName}: the dependency alias or the chart's name.
     */
    public Optional<Subchart> subchartNamed(String sourceName) {
        String chartName = dependencies.stream()
                .filter(d -> sourceName.equals(d.alias()))
                .map(Dependency::name)
                .findFirst()
                .orElse(sourceName);
        return subcharts.stream().filter(s -> s.name().equals(chartName)).findFirst();
    }

    private static List<Subchart> readSubcharts(Path chartsDir) throws ChartException {
        if (!Files.isDirectory(chartsDir)) {
            return List.of();
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(chartsDir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw new ChartException(chartsDir + ": cannot list subcharts: " + e.getMessage());
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<Subchart> subcharts = new ArrayList<>();
        for (Path entry : entries) {
            String fileName = entry.getFileName().toString();
            if (Files.isDirectory(entry) && Files.isRegularFile(entry.resolve("Chart.yaml"))) {
                ChartInfo sub = read(entry);
                subcharts.add(new Subchart(sub.name(), sub.directory(), sub));
            } else if (Files.isRegularFile(entry) && (fileName.endsWith(".tgz") || fileName.endsWith(".tar.gz"))) {
                subcharts.add(new Subchart(archiveChartName(fileName), entry.toAbsolutePath().normalize(), null));
            }
        }
        return subcharts;
    }

    /** {@code redis-17.3.1.tgz} → {@code redis}: the name is everything before the semantic version. */
    static String archiveChartName(String fileName) {
        String base = fileName.endsWith(".tar.gz") ? fileName.substring(0, fileName.length() - 7)
                : fileName.substring(0, fileName.length() - 4);
        Matcher versioned = ARCHIVE_NAME.matcher(base);
        return versioned.matches() ? versioned.group(1) : base;
    }

    private static JsonNode parseChartYaml(Path chartYaml) throws ChartException {
        try {
            JsonNode root = YAML.readTree(Files.readString(chartYaml));
            if (root == null || !root.isObject()) {
                throw new ChartException(chartYaml + ":1:1: Chart.yaml must be a mapping");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw new ChartException(chartYaml + ":" + line + ":" + column + ": invalid YAML: "
                    + e.getOriginalMessage().strip().replaceAll("\\s*\\R\\s*", "; "));
        } catch (IOException e) {
            throw new ChartException(chartYaml + ": cannot read: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}

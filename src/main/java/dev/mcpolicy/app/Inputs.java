package dev.mcpolicy.app;

import dev.mcpolicy.manifest.FolderScan;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.KubernetesObjects;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.report.ReportMerge;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs of a run, sorted into rendered manifests (files, folders, stdin — together they form one render)
 * and charts (folders holding Chart.yaml, rendered by helm later). Paths are displayed relative to the source root.
 *
 * <p>A folder that is not a chart but holds charts below it contributes those charts, and its other YAML files as
 * rendered manifests; files inside a chart folder are never read as manifests: a path inside a chart (a template, a
 * values file) stands for its chart, which is checked once however often it is named. An input that was asked for but
 * yields no Kubernetes object (empty stdin, an empty or comment-only file, a folder without YAML) is an error:
 * nothing was checked, and a run that checked nothing must not pass.
 *
 * @param problems    what loading the rendered inputs met (their unreadable parts are gaps of the render)
 * @param emptyInputs one error per input that held no Kubernetes object
 */
record Inputs(List<String> names, List<ManifestDocument> manifests, List<ChartRun> charts,
              List<InputProblem> problems, List<InputProblem> emptyInputs, Map<String, String> texts,
              Path sourceRoot, int shardedOut) {

    static Inputs collect(CheckRequest request, ManifestLoader loader, InputStream stdin) {
        Path root = request.sourceRoot();
        List<String> names = new ArrayList<>();
        List<ManifestDocument> manifests = new ArrayList<>();
        List<ChartRun> charts = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        List<InputProblem> empty = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        ShardFilter shard = new ShardFilter(request.shard());
        boolean stdinRead = false;
        for (String input : request.inputs()) {
            if (input.equals("-")) {
                names.add(ManifestLoader.STDIN);
                if (stdinRead) {
                    continue;
                }
                stdinRead = true;
                if (!shard.includes(ManifestLoader.STDIN)) {
                    continue;
                }
                ManifestLoader.TextLoad load = loader.loadStdinKeepingText(stdin);
                texts.put(ManifestLoader.STDIN, load.text());
                add(load.result(), manifests, problems);
                if (nothingRead(load.result())) {
                    empty.add(InputProblem.error(ManifestLoader.STDIN, 1, 1, load.text().isBlank()
                            ? "standard input is empty, so nothing was checked (did the command piped into"
                            + " mcpolicy, e.g. helm template, fail?)"
                            : noObject("standard input", load.result())));
                }
                continue;
            }
            Path path;
            try {
                path = Path.of(input);
            } catch (InvalidPathException e) {
                problems.add(InputProblem.error(input, 1, 1, "not a valid path"));
                names.add(input);
                continue;
            }
            String display = display(root, path);
            names.add(display);
            Optional<Path> enclosing = Files.exists(path) && !ManifestLoader.isChartFolder(path)
                    ? ChartFolders.enclosing(path) : Optional.empty();
            if (enclosing.isPresent()) {
                String chart = display(root, enclosing.get());
                if (!shard.includes(chart)) {
                    continue;
                }
                addChart(charts, enclosing.get(), chart);
                problems.add(InputProblem.note(display, 1, 1, "inside chart " + chart + ", so that chart was"
                        + " rendered and checked instead (chart files are never read as rendered manifests)"));
                continue;
            }
            if (Files.isDirectory(path)) {
                if (ManifestLoader.isChartFolder(path)) {
                    if (shard.includes(display)) {
                        addChart(charts, path, display);
                    }
                    continue;
                }
                List<Path> chartsBelow = ChartFolders.below(path);
                chartsBelow.stream().filter(chart -> shard.includes(display(root, chart)))
                        .forEach(chart -> addChart(charts, chart, display(root, chart)));
                if (!shard.includes(display)) {
                    continue;
                }
                FolderScan scan = ManifestLoader.scanFolder(path, display);
                problems.addAll(scan.problems());
                List<ManifestDocument> documents = new ArrayList<>();
                List<InputProblem> loadProblems = new ArrayList<>();
                int files = 0;
                for (Path file : scan.files()) {
                    if (!ChartFolders.contains(chartsBelow, file)) {
                        files++;
                        LoadResult loaded = loader.loadFile(file, display(root, file));
                        documents.addAll(loaded.documents());
                        loadProblems.addAll(loaded.problems());
                    }
                }
                manifests.addAll(documents);
                problems.addAll(loadProblems);
                if (chartsBelow.isEmpty() && scan.problems().isEmpty()
                        && nothingRead(new LoadResult(documents, loadProblems))) {
                    empty.add(InputProblem.error(display, 1, 1, files == 0
                            ? "the folder holds no *.yaml or *.yml files and no chart, so nothing was checked"
                            : noObject("its " + files + " YAML file" + (files == 1 ? "" : "s"),
                            new LoadResult(documents, loadProblems))));
                }
            } else if (shard.includes(display)) {
                LoadResult loaded = loader.loadFile(path, display);
                add(loaded, manifests, problems);
                if (nothingRead(loaded)) {
                    empty.add(InputProblem.error(display, 1, 1, noObject("the file", loaded)));
                }
            }
        }
        problems.addAll(shard.skipped());
        return new Inputs(names, manifests, charts, problems, empty, texts, root, shard.skipped().size());
    }

    /**
     * Which charts and rendered inputs this run checks under {@code --shard}. Each one left to another shard gets a
     * note worded the same in every shard, so merging the shards' reports can drop the notes of whatever one of them
     * checked.
     */
    private static final class ShardFilter {
        private final Shard shard;
        private final Map<String, InputProblem> skipped = new LinkedHashMap<>();

        ShardFilter(Shard shard) {
            this.shard = shard;
        }

        boolean includes(String path) {
            if (shard.all() || shard.includes(path)) {
                return true;
            }
            skipped.putIfAbsent(path, InputProblem.note(path, 1, 1, ReportMerge.SKIPPED_BY_SHARD + shard.shardOf(path) + "/"
                    + shard.count() + " checks it"));
            return false;
        }

        List<InputProblem> skipped() {
            return List.copyOf(skipped.values());
        }
    }

    /** A chart named twice (directly, through a folder, or through one of its files) is checked once. */
    private static void addChart(List<ChartRun> charts, Path chart, String display) {
        Path normalized = chart.toAbsolutePath().normalize();
        if (charts.stream().noneMatch(run -> run.directory().toAbsolutePath().normalize().equals(normalized))) {
            charts.add(new ChartRun(chart, display));
        }
    }

    /** True when an input loaded without an error yet holds no Kubernetes object (an error already explains). */
    private static boolean nothingRead(LoadResult loaded) {
        boolean failed = loaded.problems().stream().anyMatch(p -> p.severity() == InputProblem.Severity.ERROR);
        return !failed && loaded.documents().stream()
                .noneMatch(document -> KubernetesObjects.whyNotAnObject(document.content()).isEmpty());
    }

    private static String noObject(String where, LoadResult loaded) {
        int documents = loaded.documents().size();
        return documents == 0
                ? "no YAML document in " + where + " (only comments or nothing), so nothing was checked"
                : "no Kubernetes object in " + where + " (" + documents + " document" + (documents == 1 ? "" : "s")
                + " skipped), so nothing was checked";
    }

    String display(Path path) {
        return display(sourceRoot, path);
    }

    /** Relative to the source root with '/' separators when inside it; absolute otherwise. */
    static String display(Path root, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }

    private static void add(LoadResult result, List<ManifestDocument> manifests, List<InputProblem> problems) {
        manifests.addAll(result.documents());
        problems.addAll(result.problems());
    }
}

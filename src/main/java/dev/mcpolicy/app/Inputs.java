package dev.mcpolicy.app;

import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a run, sorted into rendered manifests (files, folders, stdin — together they form one render)
 * and charts (folders holding Chart.yaml, rendered by helm later). Paths are displayed relative to the source root.
 */
record Inputs(List<String> names, List<ManifestDocument> manifests, List<ChartRun> charts,
              List<InputProblem> problems, Map<String, String> texts, Path sourceRoot) {

    static Inputs collect(CheckRequest request, ManifestLoader loader, InputStream stdin) {
        Path root = request.sourceRoot();
        List<String> names = new ArrayList<>();
        List<ManifestDocument> manifests = new ArrayList<>();
        List<ChartRun> charts = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        boolean stdinRead = false;
        for (String input : request.inputs()) {
            if (input.equals("-")) {
                names.add(ManifestLoader.STDIN);
                if (stdinRead) {
                    continue;
                }
                stdinRead = true;
                ManifestLoader.TextLoad load = loader.loadStdinKeepingText(stdin);
                texts.put(ManifestLoader.STDIN, load.text());
                add(load.result(), manifests, problems);
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
            if (Files.isDirectory(path)) {
                if (ManifestLoader.isChartFolder(path)) {
                    charts.add(new ChartRun(path, display));
                    continue;
                }
                dev.mcpolicy.manifest.FolderScan scan = ManifestLoader.scanFolder(path, display);
                problems.addAll(scan.problems());
                if (scan.files().isEmpty() && scan.problems().isEmpty()) {
                    problems.add(InputProblem.note(display, 1, 1, "folder holds no *.yaml or *.yml files"));
                }
                for (Path file : scan.files()) {
                    add(loader.loadFile(file, display(root, file)), manifests, problems);
                }
            } else {
                add(loader.loadFile(path, display), manifests, problems);
            }
        }
        return new Inputs(names, manifests, charts, problems, texts, root);
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

package dev.mcpolicy.engine;

import dev.mcpolicy.engine.mechanism.ChartContext;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.ManifestLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Chart folders for chart-level checks in tests: Chart.yaml loaded with the real loader, the root listed. */
public final class ExampleCharts {
    private ExampleCharts() {
    }

    /** The chart in {@code folder}, its Chart.yaml shown as {@code display}; fails the test when it does not load. */
    public static ChartContext load(Path folder, String display) throws IOException {
        LoadResult loaded = new ManifestLoader().loadFile(folder.resolve("Chart.yaml"), display);
        assertEquals(List.of(), loaded.problems().stream().map(InputProblem::oneLine).toList(), "chart does not load");
        List<String> entries = new ArrayList<>();
        try (Stream<Path> listing = Files.list(folder)) {
            listing.forEach(entry -> entries.add(entry.getFileName() + (Files.isDirectory(entry) ? "/" : "")));
        }
        String name = loaded.documents().get(0).content().path("name").asText();
        return new ChartContext(name, loaded.documents().get(0), entries);
    }
}

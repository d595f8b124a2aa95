package dev.mcpolicy.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.manifest.PositionIndex;

import java.nio.file.Path;

/**
 * A values file read with the project's YAML loader: its tree and the position of every key by JSON pointer.
 */
record ValuesFile(Path file, JsonNode content, PositionIndex positions) {
    private static final ManifestLoader LOADER = new ManifestLoader();

    /**
     * Reads a values file (its first YAML document, as helm does). A file that yields no document because it
     * cannot be read or parsed gives a one-line problem instead; an empty file is an empty mapping.
     */
    static Loaded read(Path file) {
        LoadResult result = LOADER.loadFile(file, file.toString());
        if (!result.documents().isEmpty()) {
            ManifestDocument first = result.documents().get(0);
            return new Loaded(new ValuesFile(file, first.content(), first.positions()), null);
        }
        return result.problems().stream()
                .filter(p -> p.severity() == InputProblem.Severity.ERROR)
                .findFirst()
                .map(p -> new Loaded(null, p.oneLine()))
                .orElseGet(() -> new Loaded(new ValuesFile(file, JsonNodeFactory.instance.objectNode(),
                        PositionIndex.empty()), null));
    }

    /** @param problem one line, set when {@code values} is null */
    record Loaded(ValuesFile values, String problem) {
    }
}

package dev.mcpolicy.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The text of a file as findings name it (relative to the source root, or absolute): captured texts (standard input)
 * first, then regular files of at most 8 MiB. Rendered-output names ({@code <helm template …>}) have none. Nothing is
 * kept: the waiver step reads each file once.
 */
final class FileTexts {
    private static final long MAX_BYTES = 8L * 1024 * 1024;
    private final Path sourceRoot;
    private final Map<String, String> captured;

    FileTexts(Path sourceRoot, Map<String, String> captured) {
        this.sourceRoot = sourceRoot;
        this.captured = Map.copyOf(captured);
    }

    Optional<String> text(String file) {
        if (captured.containsKey(file)) {
            return Optional.of(captured.get(file));
        }
        if (file.startsWith("<")) {
            return Optional.empty();
        }
        try {
            Path path = sourceRoot.resolve(file);
            if (!Files.isRegularFile(path) || Files.size(path) > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException | InvalidPathException | SecurityException e) {
            return Optional.empty();
        }
    }
}

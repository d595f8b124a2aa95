package dev.mcpolicy.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates the repository's examples folder and reads its committed renders. */
final class ExampleFiles {
    static final List<String> GOOD_RENDERS = List.of(
            "examples/rendered/default.yaml", "examples/rendered/staging.yaml", "examples/rendered/production.yaml");
    static final String BROKEN_RENDER = "examples/broken/rendered.yaml";

    private static final YAMLMapper YAML = new YAMLMapper();

    private ExampleFiles() {
    }

    /** The repository root: the nearest folder upwards from the working directory holding pom.xml and examples/. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("examples"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root with pom.xml and examples/ above "
                + Path.of("").toAbsolutePath());
    }

    static Path resolve(String repositoryPath) {
        return repositoryRoot().resolve(repositoryPath);
    }

    /** Every non-empty document of a multi-document YAML file, in order. */
    static List<JsonNode> documents(String repositoryPath) {
        try (var parser = YAML.getFactory().createParser(resolve(repositoryPath).toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode document = it.next();
                if (document != null && document.isObject()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + repositoryPath, e);
        }
    }

    static List<String> lines(String repositoryPath) {
        try {
            return Files.readAllLines(resolve(repositoryPath));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + repositoryPath, e);
        }
    }
}

package dev.mcpolicy.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Helm's rendered output split into documents with their {@code # Source:} paths (test helper). */
record RenderedStream(List<String> sources, List<JsonNode> contents, List<DocumentIdentity> identities) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static RenderedStream parse(String text) {
        List<String> sources = new ArrayList<>();
        List<JsonNode> contents = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String source = null;
        boolean started = true;
        for (String line : (text + "\n---").split("\n")) {
            if (line.equals("---") || line.startsWith("--- ")) {
                if (started && (source != null || !current.toString().isBlank())) {
                    sources.add(source);
                    contents.add(read(current.toString()));
                }
                started = true;
                current.setLength(0);
                source = null;
            } else if (line.startsWith("# Source: ") && source == null) {
                source = line.substring("# Source: ".length()).strip();
            } else {
                current.append(line).append('\n');
            }
        }
        return new RenderedStream(sources, contents, DocumentIdentity.assign(sources, contents));
    }

    /** Index of the document of that kind and name. */
    Optional<Integer> find(String kind, String name) {
        for (int i = 0; i < contents.size(); i++) {
            JsonNode content = contents.get(i);
            if (content != null && kind.equals(content.path("kind").asText())
                    && name.equals(content.path("metadata").path("name").asText())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static JsonNode read(String yaml) {
        try {
            JsonNode node = YAML.readTree(yaml);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

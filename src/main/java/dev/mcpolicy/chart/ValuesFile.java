package dev.mcpolicy.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.manifest.NodeSpan;
import dev.mcpolicy.manifest.Position;
import dev.mcpolicy.manifest.PositionIndex;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A values file with the position of every key: the tree (scalars as text; only structure matters here) and a
 * {@link PositionIndex} by JSON pointer.
 */
record ValuesFile(Path file, JsonNode content, PositionIndex positions) {

    /** Reads a values file; a file that cannot be read or parsed gives a one-line problem instead. */
    static Loaded read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return new Loaded(null, file + ": cannot read values file: " + e.getMessage());
        }
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setAllowDuplicateKeys(true)
                    .setMaxAliasesForCollections(1000).build();
            Optional<Node> root = new Compose(settings).composeString(text);
            Map<String, NodeSpan> spans = new HashMap<>();
            JsonNode content = root.map(node -> convert(node, "", spans, new IdentityHashMap<>()))
                    .orElse(JsonNodeFactory.instance.objectNode());
            return new Loaded(new ValuesFile(file, content, new PositionIndex(spans)), null);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().orElse(null);
            String where = mark == null ? "1:1" : (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            return new Loaded(null, file + ":" + where + ": invalid YAML in values file: " + e.getProblem());
        } catch (YamlEngineException e) {
            return new Loaded(null, file + ":1:1: invalid YAML in values file: " + e.getMessage());
        }
    }

    /** @param problem one line, set when {@code values} is null */
    record Loaded(ValuesFile values, String problem) {
    }

    private static JsonNode convert(Node node, String pointer, Map<String, NodeSpan> spans,
                                    IdentityHashMap<Node, Boolean> visiting) {
        if (visiting.containsKey(node)) {
            return JsonNodeFactory.instance.nullNode();
        }
        visiting.put(node, Boolean.TRUE);
        try {
            if (node instanceof MappingNode mapping) {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                for (NodeTuple tuple : mapping.getValue()) {
                    if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                        continue;
                    }
                    String child = JsonPointers.child(pointer, keyNode.getValue());
                    spans.put(child, new NodeSpan(start(keyNode), end(keyNode), start(tuple.getValueNode()),
                            end(tuple.getValueNode())));
                    object.set(keyNode.getValue(), convert(tuple.getValueNode(), child, spans, visiting));
                }
                return object;
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                int index = 0;
                for (Node item : sequence.getValue()) {
                    String child = JsonPointers.child(pointer, index++);
                    spans.put(child, new NodeSpan(null, null, start(item), end(item)));
                    array.add(convert(item, child, spans, visiting));
                }
                return array;
            }
            ScalarNode scalar = (ScalarNode) node;
            String value = scalar.getValue();
            boolean plainNull = scalar.isPlain() && (value.isEmpty() || value.equals("~") || value.equals("null"));
            return plainNull ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(value);
        } finally {
            visiting.remove(node);
        }
    }

    private static Position start(Node node) {
        return node.getStartMark().map(m -> new Position(m.getLine() + 1, m.getColumn() + 1)).orElse(Position.START);
    }

    private static Position end(Node node) {
        return node.getEndMark().map(m -> new Position(m.getLine() + 1, m.getColumn() + 1)).orElse(Position.START);
    }
}

package dev.mcpolicy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.manifest.Position;
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
import org.snakeyaml.engine.v2.nodes.Tag;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small YAML reader for rule files: a Jackson tree plus the position of every node by JSON pointer
 * (the key's position for mapping entries, the value's for list items), so that validation errors can
 * name the rule file line. Rule files are YAML 1.2 (core schema): quoted scalars are strings.
 */
final class PositionedYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final Map<String, Position> positions = new HashMap<>();
    private final List<RuleProblem> problems = new ArrayList<>();

    private PositionedYaml(String file) {
        this.file = file;
    }

    record Parsed(JsonNode root, Map<String, Position> positions, List<RuleProblem> problems) {
        /** Position of the node at {@code pointer}, or of its nearest existing ancestor. */
        Position locate(String pointer) {
            String current = pointer;
            while (true) {
                Position position = positions.get(current);
                if (position != null) {
                    return position;
                }
                if (current.isEmpty()) {
                    return Position.START;
                }
                current = JsonPointers.parent(current);
            }
        }
    }

    static Parsed parse(String file, String text) {
        PositionedYaml reader = new PositionedYaml(file);
        JsonNode root = NODES.missingNode();
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(file)
                    .setMaxAliasesForCollections(50)
                    .setCodePointLimit(4 * 1024 * 1024)
                    .build();
            Optional<Node> node = new Compose(settings).composeString(text);
            if (node.isPresent()) {
                root = reader.convert(node.get(), "", null, 0);
            }
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
            reader.problems.add(new RuleProblem(file, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, "invalid YAML: " + problem));
        } catch (YamlEngineException e) {
            reader.problems.add(new RuleProblem(file, 1, 1, "invalid YAML: " + firstLine(e.getMessage())));
        }
        return new Parsed(root, Map.copyOf(reader.positions), List.copyOf(reader.problems));
    }

    private JsonNode convert(Node node, String pointer, Position keyPosition, int depth) {
        positions.put(pointer, keyPosition != null ? keyPosition : start(node));
        if (depth > 64) {
            problems.add(problem(node, "nesting is deeper than 64 levels"));
            return NODES.nullNode();
        }
        if (node instanceof MappingNode mapping) {
            ObjectNode object = NODES.objectNode();
            Map<String, Position> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    problems.add(problem(keyNode, "mapping keys must be plain strings"));
                    continue;
                }
                String key = scalarKey.getValue();
                Position at = start(keyNode);
                Position first = seen.putIfAbsent(key, at);
                if (first != null) {
                    problems.add(problem(keyNode, "duplicate key '" + key + "' (first at line " + first.line() + ")"));
                }
                object.set(key, convert(tuple.getValueNode(), JsonPointers.child(pointer, key), at, depth + 1));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode();
            int index = 0;
            for (Node item : sequence.getValue()) {
                array.add(convert(item, JsonPointers.child(pointer, index++), null, depth + 1));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private JsonNode scalar(ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return NODES.nullNode();
            }
            if (Tag.BOOL.equals(tag)) {
                return NODES.booleanNode(Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT)));
            }
            if (Tag.INT.equals(tag)) {
                BigInteger value = parseInteger(text);
                return value.bitLength() < 63 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
            }
            if (Tag.FLOAT.equals(tag)) {
                return NODES.numberNode(new BigDecimal(text));
            }
        } catch (NumberFormatException e) {
            problems.add(problem(scalar, "'" + text + "' is not a number this reader understands; quote it"));
        }
        return NODES.textNode(text);
    }

    private static BigInteger parseInteger(String text) {
        String t = text.startsWith("+") ? text.substring(1) : text;
        if (t.startsWith("0x")) {
            return new BigInteger(t.substring(2), 16);
        }
        if (t.startsWith("0o")) {
            return new BigInteger(t.substring(2), 8);
        }
        return new BigInteger(t);
    }

    private RuleProblem problem(Node node, String message) {
        Position at = start(node);
        return new RuleProblem(file, at.line(), at.column(), message);
    }

    private static Position start(Node node) {
        return node.getStartMark()
                .map(mark -> new Position(mark.getLine() + 1, mark.getColumn() + 1))
                .orElse(Position.START);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}

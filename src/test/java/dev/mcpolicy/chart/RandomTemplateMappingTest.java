package dev.mcpolicy.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.manifest.JsonPointers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Generates templates from a seed — nested mappings and lists in both indentation styles, Go-template control
 * lines, comments, block scalars, templated scalar values — remembering the line of every key as it writes it,
 * then checks that every key maps exactly to its line and that a missing key maps to its parent's line.
 */
class RandomTemplateMappingTest {
    @TempDir
    Path work;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyGeneratedKeyMapsToTheLineItWasWrittenOn(long seed) throws IOException, ChartException {
        Generator generator = new Generator(new Random(seed));
        ObjectNode rendered = JsonNodeFactory.instance.objectNode();
        generator.line("apiVersion: v1", null, null);
        rendered.put("apiVersion", "v1");
        generator.line("kind: ConfigMap", null, null);
        rendered.put("kind", "ConfigMap");
        generator.mapping(rendered, "", 0, 0);

        Path chart = work.resolve("c" + seed);
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: gen\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("templates/gen.yaml"), String.join("\n", generator.lines) + "\n");
        SourceMapper mapper = SourceMapper.create(ChartInfo.read(chart), Environment.defaults(), List.of(), work);
        DocumentIdentity identity = new DocumentIdentity("gen/templates/gen.yaml", "ConfigMap", null, 0, 0);
        String file = "c" + seed + "/templates/gen.yaml";

        for (Map.Entry<String, Integer> key : generator.keyLines.entrySet()) {
            Location primary = mapper.map(MappingQuery.of(identity, rendered, key.getKey())).primary();
            assertEquals(file + ":" + key.getValue() + " exact", primary.file() + ":" + primary.line() + " " + primary.mapping(),
                    () -> key.getKey() + "\n" + numbered(generator.lines));
            Location missing = mapper.map(MappingQuery.of(identity, rendered, key.getKey() + "/absentKey")).primary();
            if (generator.containers.contains(key.getKey())) {
                assertEquals(key.getValue() + " parent-key", missing.line() + " " + missing.mapping(),
                        () -> key.getKey() + "/absentKey\n" + numbered(generator.lines));
            }
        }
    }

    private static String numbered(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(i + 1).append(": ").append(lines.get(i)).append('\n');
        }
        return out.toString();
    }

    private static final class Generator {
        private final Random random;
        final List<String> lines = new ArrayList<>();
        final Map<String, Integer> keyLines = new LinkedHashMap<>();
        final List<String> containers = new ArrayList<>();
        private int keyCounter;

        Generator(Random random) {
            this.random = random;
        }

        void line(String text, String pointer, String unused) {
            lines.add(text);
            if (pointer != null) {
                keyLines.put(pointer, lines.size());
            }
        }

        /** Writes the entries of a mapping at {@code indent}; the first may share a line with a list dash. */
        void mapping(ObjectNode node, String pointer, int indent, int depth) {
            int entries = 1 + random.nextInt(depth == 0 ? 6 : 4);
            for (int i = 0; i < entries; i++) {
                noise(indent);
                String key = "k" + (keyCounter++) + (random.nextInt(5) == 0 ? ".example.io/x" : "");
                String child = JsonPointers.child(pointer, key);
                boolean wrapped = random.nextInt(4) == 0;
                if (wrapped) {
                    lines.add(" ".repeat(indent) + "{{- if .Values.flag" + keyCounter + " }}");
                }
                entry(node, key, child, indent, depth);
                if (wrapped) {
                    lines.add(" ".repeat(Math.max(0, indent - 2)) + "{{- end }}");
                }
            }
        }

        private void entry(ObjectNode node, String key, String pointer, int indent, int depth) {
            String pad = " ".repeat(indent);
            String shownKey = key.contains("/") ? "\"" + key + "\"" : key;
            int choice = depth >= 4 ? random.nextInt(3) : random.nextInt(6);
            switch (choice) {
                case 0 -> {
                    line(pad + shownKey + ": plain-" + key, pointer, null);
                    node.put(key, "plain-" + key);
                }
                case 1 -> {
                    line(pad + shownKey + ": {{ printf \"%s\" \"v\" | quote }}", pointer, null);
                    node.put(key, "v");
                }
                case 2 -> {
                    line(pad + shownKey + ": |", pointer, null);
                    lines.add(pad + "  first: not a key");
                    lines.add(pad + "  {{ \"templated: text\" }}");
                    lines.add("{{- if .Values.verbose }}");
                    lines.add(pad + "  verbose: true");
                    lines.add("{{- end }}");
                    node.put(key, "first: not a key\n");
                }
                case 3, 4 -> {
                    line(pad + shownKey + ":", pointer, null);
                    containers.add(pointer);
                    mapping(node.putObject(key), pointer, indent + 2, depth + 1);
                }
                default -> {
                    line(pad + shownKey + ":", pointer, null);
                    sequence(node.putArray(key), pointer, random.nextBoolean() ? indent : indent + 2, depth + 1);
                }
            }
        }

        private void sequence(ArrayNode array, String pointer, int dashColumn, int depth) {
            int items = 1 + random.nextInt(3);
            for (int i = 0; i < items; i++) {
                noise(dashColumn);
                String item = JsonPointers.child(pointer, i);
                if (random.nextBoolean()) {
                    line(" ".repeat(dashColumn) + "- scalar" + i, item, null);
                    array.add("scalar" + i);
                } else {
                    // "- key: value" then further keys of the same item below
                    int before = lines.size();
                    ObjectNode object = array.addObject();
                    String first = "k" + (keyCounter++);
                    line(" ".repeat(dashColumn) + "- " + first + ": x", JsonPointers.child(item, first), null);
                    keyLines.put(item, before + 1);
                    object.put(first, "x");
                    if (random.nextBoolean()) {
                        mapping(object, item, dashColumn + 2, depth + 1);
                    }
                }
            }
        }

        /** Lines that must not change the structure: comments, blanks, control actions, template comments. */
        private void noise(int indent) {
            switch (random.nextInt(8)) {
                case 0 -> lines.add(" ".repeat(indent) + "# a comment: with colon");
                case 1 -> lines.add("");
                case 2 -> lines.add(" ".repeat(indent) + "{{- /* note: ignored */ -}}");
                case 3 -> lines.add("{{- $unused := .Values.something }}");
                default -> {
                }
            }
        }
    }
}

package dev.mcpolicy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpolicy.finding.Level;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in rule pack as the build wrote it ({@code dev.mcpolicy.build.RulePackCompiler}, in the
 * {@code process-classes} phase): the rule definitions after the YAML files were parsed and validated (schema,
 * parameters, fixtures, every check compiled), in a compact binary form. Reading it needs no YAML parser, no JSON
 * Schema validator and no example fixture, which is most of a small run's start-up. The JSON trees of checks and
 * parameter defaults keep their exact node types, so the engine compiles the same checks from either form.
 */
public final class CompiledRulePack {
    /** Where the build puts the pack on the class path. */
    public static final String RESOURCE = RuleLoader.BUILT_IN_FOLDER + "rules.pack";
    private static final int MAGIC = 0x4d435250; // "MCRP"
    private static final int FORMAT = 2;

    private enum Tag { MISSING, NULL, TRUE, FALSE, TEXT, INT, LONG, BIG_INTEGER, FLOAT, DOUBLE, DECIMAL, ARRAY, OBJECT }

    private CompiledRulePack() {
    }

    private static volatile Optional<List<RuleDefinition>> builtIn;

    /**
     * The pack on the class path, or empty when this build has none (classes compiled outside Maven). Read once per
     * JVM: the same definitions let a run reuse the rules compiled ahead of it ({@code PrecompiledRules}).
     */
    public static Optional<List<RuleDefinition>> builtIn() {
        Optional<List<RuleDefinition>> read = builtIn;
        if (read == null) {
            synchronized (CompiledRulePack.class) {
                read = builtIn;
                if (read == null) {
                    read = readBuiltIn();
                    builtIn = read;
                }
            }
        }
        return read;
    }

    private static Optional<List<RuleDefinition>> readBuiltIn() {
        try (InputStream in = CompiledRulePack.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled rule pack " + RESOURCE, e);
        }
    }

    public static void write(List<RuleDefinition> rules, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(rules.size());
        for (RuleDefinition rule : rules) {
            writeRule(rule, out);
        }
        out.flush();
    }

    public static List<RuleDefinition> read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(source, 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not a compiled rule pack of this mcpolicy version");
        }
        int count = in.readInt();
        List<RuleDefinition> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rules.add(readRule(in));
        }
        return List.copyOf(rules);
    }

    private static void writeRule(RuleDefinition rule, DataOutputStream out) throws IOException {
        writeText(rule.id(), out);
        writeText(rule.name(), out);
        writeText(rule.title(), out);
        writeText(rule.level().name(), out);
        writeTexts(rule.tags(), out);
        writeText(rule.precision(), out);
        writeText(rule.securitySeverity(), out);
        writeText(rule.rationale(), out);
        writeText(rule.help(), out);
        out.writeInt(rule.parameters().size());
        for (RuleDefinition.Parameter parameter : rule.parameters()) {
            writeText(parameter.name(), out);
            writeText(parameter.type(), out);
            writeNode(parameter.defaultValue(), out);
            writeText(parameter.description(), out);
        }
        writeNode(rule.check(), out);
        out.writeInt(rule.examples().size());
        for (RuleDefinition.RuleExample example : rule.examples()) {
            writeExample(example, out);
        }
        writeText(rule.sourceFile(), out);
        writeTexts(rule.supersededBy().rules(), out);
        writeText(rule.supersededBy().note(), out);
        writeText(rule.helpUri(), out);
        writeText(rule.pack(), out);
    }

    private static RuleDefinition readRule(DataInputStream in) throws IOException {
        String id = readText(in);
        String name = readText(in);
        String title = readText(in);
        Level level = Level.valueOf(readText(in));
        List<String> tags = readTexts(in);
        String precision = readText(in);
        String securitySeverity = readText(in);
        String rationale = readText(in);
        String help = readText(in);
        int parameterCount = in.readInt();
        List<RuleDefinition.Parameter> parameters = new ArrayList<>(parameterCount);
        for (int i = 0; i < parameterCount; i++) {
            parameters.add(new RuleDefinition.Parameter(readText(in), readText(in), readNode(in), readText(in)));
        }
        JsonNode check = readNode(in);
        int exampleCount = in.readInt();
        List<RuleDefinition.RuleExample> examples = new ArrayList<>(exampleCount);
        for (int i = 0; i < exampleCount; i++) {
            examples.add(readExample(in));
        }
        String sourceFile = readText(in);
        Supersession supersededBy = new Supersession(readTexts(in), readText(in));
        String helpUri = readText(in);
        String pack = readText(in);
        return new RuleDefinition(id, name, title, level, tags, precision, securitySeverity, rationale, help,
                parameters, check, examples, sourceFile, supersededBy, helpUri, pack);
    }

    private static void writeExample(RuleDefinition.RuleExample example, DataOutputStream out) throws IOException {
        writeText(example.name(), out);
        out.writeBoolean(example.passing());
        writeText(example.manifests(), out);
        writeText(example.values(), out);
        out.writeBoolean(example.chart() != null);
        if (example.chart() != null) {
            writeText(example.chart().chartYaml(), out);
            writeTexts(example.chart().files(), out);
        }
        writeText(example.fixture(), out);
        out.writeBoolean(example.expected() != null);
        if (example.expected() != null) {
            out.writeInt(example.expected().count());
            out.writeInt(example.expected().lines().size());
            for (int line : example.expected().lines()) {
                out.writeInt(line);
            }
            writeTexts(example.expected().messages(), out);
        }
        out.writeInt(example.parameters().size());
        for (Map.Entry<String, String> parameter : example.parameters().entrySet()) {
            writeText(parameter.getKey(), out);
            writeText(parameter.getValue(), out);
        }
    }

    private static RuleDefinition.RuleExample readExample(DataInputStream in) throws IOException {
        String name = readText(in);
        boolean passing = in.readBoolean();
        String manifests = readText(in);
        String values = readText(in);
        RuleDefinition.ExampleChart chart = in.readBoolean()
                ? new RuleDefinition.ExampleChart(readText(in), readTexts(in)) : null;
        String fixture = readText(in);
        RuleDefinition.Expected expected = null;
        if (in.readBoolean()) {
            int count = in.readInt();
            int lineCount = in.readInt();
            List<Integer> lines = new ArrayList<>(lineCount);
            for (int i = 0; i < lineCount; i++) {
                lines.add(in.readInt());
            }
            expected = new RuleDefinition.Expected(count, lines, readTexts(in));
        }
        int parameterCount = in.readInt();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < parameterCount; i++) {
            parameters.put(readText(in), readText(in));
        }
        return new RuleDefinition.RuleExample(name, passing, manifests, values, chart, fixture, expected, parameters);
    }

    private static void writeNode(JsonNode node, DataOutputStream out) throws IOException {
        if (node == null || node.isMissingNode()) {
            out.writeByte(Tag.MISSING.ordinal());
        } else if (node.isNull()) {
            out.writeByte(Tag.NULL.ordinal());
        } else if (node.isBoolean()) {
            out.writeByte((node.booleanValue() ? Tag.TRUE : Tag.FALSE).ordinal());
        } else if (node.isTextual()) {
            out.writeByte(Tag.TEXT.ordinal());
            writeText(node.textValue(), out);
        } else if (node.isInt()) {
            out.writeByte(Tag.INT.ordinal());
            out.writeInt(node.intValue());
        } else if (node.isLong()) {
            out.writeByte(Tag.LONG.ordinal());
            out.writeLong(node.longValue());
        } else if (node.isBigInteger()) {
            out.writeByte(Tag.BIG_INTEGER.ordinal());
            writeText(node.bigIntegerValue().toString(), out);
        } else if (node.isFloat()) {
            out.writeByte(Tag.FLOAT.ordinal());
            out.writeFloat(node.floatValue());
        } else if (node.isDouble()) {
            out.writeByte(Tag.DOUBLE.ordinal());
            out.writeDouble(node.doubleValue());
        } else if (node.isBigDecimal()) {
            out.writeByte(Tag.DECIMAL.ordinal());
            writeText(node.decimalValue().toString(), out);
        } else if (node.isArray()) {
            out.writeByte(Tag.ARRAY.ordinal());
            out.writeInt(node.size());
            for (JsonNode item : node) {
                writeNode(item, out);
            }
        } else if (node.isObject()) {
            out.writeByte(Tag.OBJECT.ordinal());
            out.writeInt(node.size());
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                writeText(field.getKey(), out);
                writeNode(field.getValue(), out);
            }
        } else {
            throw new IOException("a rule holds a " + node.getNodeType() + " node, which the pack cannot hold");
        }
    }

    private static JsonNode readNode(DataInputStream in) throws IOException {
        int tag = in.readByte();
        if (tag < 0 || tag >= Tag.values().length) {
            throw new IOException("corrupt compiled rule pack (node tag " + tag + ")");
        }
        return switch (Tag.values()[tag]) {
            case MISSING -> MissingNode.getInstance();
            case NULL -> NullNode.getInstance();
            case TRUE -> BooleanNode.TRUE;
            case FALSE -> BooleanNode.FALSE;
            case TEXT -> TextNode.valueOf(readText(in));
            case INT -> IntNode.valueOf(in.readInt());
            case LONG -> LongNode.valueOf(in.readLong());
            case BIG_INTEGER -> BigIntegerNode.valueOf(new BigInteger(readText(in)));
            case FLOAT -> FloatNode.valueOf(in.readFloat());
            case DOUBLE -> DoubleNode.valueOf(in.readDouble());
            case DECIMAL -> DecimalNode.valueOf(new BigDecimal(readText(in)));
            case ARRAY -> {
                int size = in.readInt();
                ArrayNode array = JsonNodeFactory.instance.arrayNode(size);
                for (int i = 0; i < size; i++) {
                    array.add(readNode(in));
                }
                yield array;
            }
            case OBJECT -> {
                int size = in.readInt();
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                for (int i = 0; i < size; i++) {
                    object.set(readText(in), readNode(in));
                }
                yield object;
            }
        };
    }

    private static void writeTexts(List<String> texts, DataOutputStream out) throws IOException {
        out.writeInt(texts.size());
        for (String text : texts) {
            writeText(text, out);
        }
    }

    private static List<String> readTexts(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<String> texts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            texts.add(readText(in));
        }
        return texts;
    }

    /** Length-prefixed UTF-8 (DataOutput's own UTF stops at 64 KiB); -1 is null. */
    private static void writeText(String text, DataOutputStream out) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}

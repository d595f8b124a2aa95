package dev.mcpolicy.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.mcpolicy.manifest.JsonPointers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The JSON Schema of {@code .mcpolicy.yaml} ({@code schemas/mcpolicy-config.schema.json}), applied with networknt. */
public final class ConfigSchema {
    public static final String RESOURCE = "/dev/mcpolicy/config/mcpolicy-config.schema.json";
    /** The schema's copy in mcpolicy's repository. */
    public static final String PUBLIC_PATH = "schemas/mcpolicy-config.schema.json";
    /** Where {@code config init} puts a copy for editors, next to the config file. */
    public static final String LOCAL_COPY = ".mcpolicy.schema.json";

    private static final Set<String> TOP = Set.of("failOn", "waiverPolicy", "rules", "ruleFolders", "mcpServers", "waivers");
    private static final Map<String, Set<String>> KEYS_BELOW = Map.of(
            "rule", Set.of("enabled", "level", "parameters"),
            "mcpServers", Set.of("annotations", "images", "envVars"),
            "waiver", Set.of("rule", "object", "namespace", "file", "reason", "expires"));

    private static Schema schema;

    private ConfigSchema() {
    }

    /** One violation: the pointer of the offending node and what is wrong. */
    record Problem(String pointer, String message) {
    }

    public static String text() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("config schema missing from the classpath: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Problem> validate(JsonNode config) {
        List<Problem> problems = new ArrayList<>();
        for (Error error : schema().validate(config)) {
            String pointer = pointer(error.getInstanceLocation());
            String message = error.getMessage();
            if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
                String key = error.getProperty();
                message = "unknown key '" + key + "'" + Suggestions.didYouMean(key, knownKeys(pointer));
                pointer = JsonPointers.child(pointer, key);
            } else {
                // networknt starts with the instance path ("$.rules.x: "); the position says where already
                int colon = message.indexOf(": ");
                if (message.startsWith("$") && colon > 0) {
                    message = message.substring(colon + 2);
                }
            }
            problems.add(new Problem(pointer, message));
        }
        return problems;
    }

    private static Set<String> knownKeys(String parent) {
        if (parent.isEmpty()) {
            return TOP;
        }
        if (parent.matches("/rules/[^/]+")) {
            return KEYS_BELOW.get("rule");
        }
        if (parent.equals("/mcpServers")) {
            return KEYS_BELOW.get("mcpServers");
        }
        if (parent.matches("/waivers/[0-9]+")) {
            return KEYS_BELOW.get("waiver");
        }
        return Set.of();
    }

    private static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            out.append('/').append(element instanceof Integer ? element.toString()
                    : JsonPointers.escape(String.valueOf(element)));
        }
        return out.toString();
    }

    private static synchronized Schema schema() {
        if (schema == null) {
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(config));
            schema = registry.getSchema(new java.io.ByteArrayInputStream(text().getBytes(StandardCharsets.UTF_8)));
        }
        return schema;
    }
}

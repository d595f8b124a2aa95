package dev.mcpolicy.rules;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The JSON Schema of rule files ({@code rule.schema.json}, draft 2020-12), applied with networknt. */
final class RuleFileSchema {
    static final String RESOURCE = RuleLoader.SCHEMA_RESOURCE;
    private static final Schema SCHEMA = load();

    private RuleFileSchema() {
    }

    /** Every violation, with the pointer of the offending node (an unknown key points at that key). */
    static List<CheckValidator.Problem> validate(JsonNode ruleFile) {
        List<CheckValidator.Problem> problems = new ArrayList<>();
        for (Error error : SCHEMA.validate(ruleFile)) {
            String pointer = pointer(error.getInstanceLocation());
            if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
                pointer = JsonPointers.child(pointer, error.getProperty());
            }
            problems.add(new CheckValidator.Problem(pointer, error.getMessage()));
        }
        return problems;
    }

    static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            out.append('/').append(element instanceof Integer ? element.toString()
                    : JsonPointers.escape(String.valueOf(element)));
        }
        return out.toString();
    }

    private static Schema load() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .errorMessageKeyword("errorMessage")
                .locale(Locale.ENGLISH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        try (InputStream in = RuleFileSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("rule schema missing from the classpath: " + RESOURCE);
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

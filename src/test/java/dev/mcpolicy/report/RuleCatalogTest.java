package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mcpolicy.engine.RuleCompiler;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mcpolicy rules --format json}: the whole pack and a custom folder, held to {@code rules.schema.json}. */
class RuleCatalogTest {
    private static final Schema SCHEMA = loadSchema();

    private static RuleSet pack() throws Exception {
        return RuleCompiler.standard().ruleLoader().loadWithFolders(List.of(Path.of("examples/custom-rules")));
    }

    private static JsonNode list(List<RuleDefinition> rules, String base) throws IOException {
        StringWriter out = new StringWriter();
        RuleCatalog.writeList(rules, base, out);
        return TestJson.MAPPER.readTree(out.toString());
    }

    private static JsonNode one(RuleDefinition rule) throws IOException {
        StringWriter out = new StringWriter();
        RuleCatalog.writeOne(rule, null, out);
        return TestJson.MAPPER.readTree(out.toString());
    }

    private static List<String> violations(JsonNode document) {
        return SCHEMA.validate(document).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    @Test
    void theListingOfEveryRuleFollowsTheSchema() throws Exception {
        JsonNode listing = list(pack().rules(), "https://example.com/docs/rules/");
        assertEquals(List.of(), violations(listing));
        assertEquals(pack().size(), listing.get("rules").size());
        JsonNode grace = null;
        for (JsonNode rule : listing.get("rules")) {
            if (rule.get("id").asText().equals("termination-grace-period")) {
                grace = rule;
            }
        }
        assertEquals("https://example.com/docs/rules/termination-grace-period.md", grace.get("helpUri").asText());
        assertFalse(grace.get("parameters").isEmpty());
        assertTrue(grace.get("securitySeverity").isNull());
    }

    @Test
    void oneRuleWithItsDocumentationFollowsTheSchema() throws Exception {
        for (String id : List.of("values-no-secrets", "team-label", "chart-helmignore")) {
            JsonNode rule = one(pack().byId(id).orElseThrow());
            assertEquals(List.of(), violations(rule), id);
        }
        JsonNode secrets = one(pack().byId("values-no-secrets").orElseThrow());
        assertEquals("built-in", secrets.get("source").asText());
        assertFalse(secrets.get("securitySeverity").isNull());
    }

    @Test
    void theSchemaRefusesWhatBreaksTheContract() throws Exception {
        ObjectNode rule = (ObjectNode) one(pack().byId("team-label").orElseThrow());
        rule.put("level", "critical");
        rule.remove("source");
        rule.put("unexpected", true);
        List<String> problems = violations(rule);
        assertFalse(problems.isEmpty());
        ObjectNode listing = (ObjectNode) list(pack().rules(), null);
        ((ObjectNode) listing.get("rules").get(0)).put("rationale", "only in the rules show form");
        assertFalse(violations(listing).isEmpty(), "a listed rule carries the listing's fields only");
    }

    private static Schema loadSchema() {
        try (InputStream in = RuleCatalog.class.getResourceAsStream(RuleCatalog.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + RuleCatalog.SCHEMA_RESOURCE);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

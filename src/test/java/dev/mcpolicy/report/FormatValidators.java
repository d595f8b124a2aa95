package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks a report against what consumes it, with the schemas in {@code src/test/resources/schemas} (see its README). */
public final class FormatValidators {
    public static final Path SCHEMAS = Path.of("src/test/resources/schemas");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormatValidators() {
    }

    /** Valid against Apache Ant's JUnit XSD, which Jenkins and the CI test reporters read. */
    public static void junit(String xml) {
        try {
            javax.xml.validation.Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(SCHEMAS.resolve("JUnit.xsd").toFile());
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new AssertionError("not valid against the Ant JUnit schema: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** GitLab's documented Code Quality fields, unique fingerprints, no byte order mark. */
    public static void gitlab(String json) {
        try {
            Schema schema;
            try (var in = Files.newInputStream(SCHEMAS.resolve("gitlab-code-quality.schema.json"))) {
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
            }
            JsonNode report = JSON.readTree(json);
            List<Error> errors = schema.validate(report);
            assertTrue(errors.isEmpty(), errors + "\n" + json);
            Set<String> fingerprints = new HashSet<>();
            for (JsonNode issue : report) {
                assertTrue(fingerprints.add(issue.get("fingerprint").asText()), "duplicate fingerprint: " + issue);
            }
            assertFalse(json.startsWith("\uFEFF"), "GitLab refuses a byte order mark");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.mcpolicy.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pointers, document order, options and robustness of the walk. */
class ScanStructureTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static List<String> pointers(List<SecretHit> hits) {
        return hits.stream().map(SecretHit::pointer).toList();
    }

    @Test
    void pointersEscapeSlashAndTildeAndIndexArrays() {
        JsonNode root = SecretDecisionTableTest.parse("""
                "a/b":
                  "c~d":
                    - {user: app}
                    - {"db~password": hunter22}
                  nested:
                    - - ignored
                      - {"x/password": hunter33}
                """);
        List<SecretHit> hits = new SecretScanner().scanValues(root);
        assertEquals(List.of("/a~1b/c~0d/1/db~0password", "/a~1b/nested/0/1/x~1password"), pointers(hits));
        for (SecretHit hit : hits) {
            assertEquals(hit.kind(), "secret-named key");
            assertTrue(root.at(hit.pointer()).isTextual(), "pointer resolves to the value");
        }
    }

    @Test
    void hitsComeInDocumentOrder() {
        JsonNode root = SecretDecisionTableTest.parse("""
                z: {password: one-pw}
                a: [{token: two-tk}, {token: three-tk}]
                m: {apiKey: four-key}
                """);
        assertEquals(List.of("/z/password", "/a/0/token", "/a/1/token", "/m/apiKey"),
                pointers(new SecretScanner().scanValues(root)));
    }

    @Test
    void rootScalarsAndNullAreHandled() {
        SecretScanner scanner = new SecretScanner();
        assertEquals(List.of(), scanner.scanValues(null));
        assertEquals(List.of(), scanner.scanValues(JSON.nullNode()));
        assertEquals(List.of(), scanner.scanValues(JSON.textNode("plain text")));
        Random rnd = new Random(7);
        String token = FakeTokens.generators().get("ghp_").make().apply(rnd);
        assertEquals(List.of(""), pointers(scanner.scanValues(JSON.textNode(token))));
        assertEquals(List.of(), scanner.scanValues(JSON.objectNode().put("password", true)));
        assertEquals(List.of(), scanner.scanValues(JSON.objectNode().set("password", JSON.binaryNode(new byte[]{1, 2}))));
        assertEquals(java.util.Optional.empty(), scanner.classifyEnv("/x", "PASSWORD", null));
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        ObjectNode root = JSON.objectNode();
        ObjectNode cursor = root;
        for (int i = 0; i < 5_000; i++) {
            cursor = cursor.putObject("level");
        }
        cursor.put("password", "deep-secret-1");
        List<SecretHit> hits = new SecretScanner().scanValues(root);
        assertEquals(1, hits.size());
        assertTrue(hits.get(0).pointer().endsWith("/level/password"));
    }

    @Test
    void hundredThousandObjectsScanInLinearTime() {
        Random rnd = new Random(42);
        ObjectNode root = JSON.objectNode();
        ArrayNode servers = root.putArray("servers");
        int planted = 0;
        for (int i = 0; i < 100_000; i++) {
            ObjectNode server = servers.addObject();
            server.put("name", "mcp-" + i);
            server.put("image", "registry.example.com/mcp/server:1." + i);
            server.put("tokenTTL", 3600);
            server.putObject("env").put("LOG_LEVEL", "info").put("MCP_PORT", "8080");
            if (i % 1000 == 0) {
                server.put("apiKey", FakeTokens.generic(rnd, 24));
                planted++;
            }
        }
        long start = System.nanoTime();
        List<SecretHit> hits = new SecretScanner().scanValues(root);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(planted, hits.size());
        assertTrue(millis < 20_000, "100k objects took " + millis + " ms");
    }

    @Test
    void longStringsWithManyNearMissesStayFast() {
        String nearMisses = "sk-ghp_AKIA xoxb- eyJ.eyJ. ://a:@ Bearer x ".repeat(50_000);
        long start = System.nanoTime();
        List<SecretHit> hits = new SecretScanner().scanValues(JSON.objectNode().put("blob", nearMisses));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of(), hits);
        assertTrue(millis < 10_000, "2 MB of near misses took " + millis + " ms");
    }

    @Test
    void optionsAddWordsIgnoreKeysAndAllowPointers() {
        JsonNode root = SecretDecisionTableTest.parse("""
                device: {pin: 4711}
                demo: {password: demo-only-pw}
                reviewed: {token: reviewed-tk}
                """);
        assertEquals(List.of("/demo/password", "/reviewed/token"), pointers(new SecretScanner().scanValues(root)));

        ScannerOptions options = ScannerOptions.DEFAULTS
                .withExtraCredentialWords("PIN")
                .withIgnoredKeys("Password")
                .withAllowedPointers("/reviewed/.*");
        assertEquals(List.of("/device/pin"), pointers(new SecretScanner(options).scanValues(root)));
        assertTrue(new SecretScanner(options).classifyEnv("/e", "PASSWORD", "x-lit-1").isEmpty());
        assertTrue(new SecretScanner(options).classifyEnv("/e", "DEVICE_PIN", "1234").isPresent());
    }

    @Test
    void keyNameIsLeftOutOfTheReasonWhenItOverlapsTheValue() {
        SecretScanner scanner = new SecretScanner();
        SecretHit overlapping = scanner.classifyEnv("/e", "ADMIN_PASSWORD", "admin").orElseThrow();
        assertTrue(overlapping.reason().startsWith("the key at this location"), overlapping.reason());
        assertTrue(overlapping.reason().contains("default"), overlapping.reason());
        SecretHit plain = scanner.classifyEnv("/e", "ADMIN_PASSWORD", "Zq81-lm2").orElseThrow();
        assertTrue(plain.reason().startsWith("key 'ADMIN_PASSWORD'"), plain.reason());
    }
}

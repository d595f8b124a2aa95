package dev.mcpolicy.graph;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The URL search tries the pattern only where {@code ://} is written, and finds exactly what {@code find()} finds. */
class EndpointUrlSearchTest {
    private static final String[] PARTS = {"http", "https", "HTTPS", "Http", "://", ":", "/", "a", "b-", ".", "mcp",
        "sse", " ", "\"", "8080", "x", "s", "svc", "?", "=", "\n", "+", "-"};

    @Test
    void findsWhatFindFindsOnRandomTexts() {
        Random random = new Random(2026);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder();
            int parts = random.nextInt(30);
            for (int i = 0; i < parts; i++) {
                text.append(PARTS[random.nextInt(PARTS.length)]);
            }
            assertEquals(describe(byFind(text.toString())), describe(McpEndpointReferences.urls(text.toString())),
                    () -> "in: " + text);
        }
    }

    @Test
    void findsEveryUrlOfAScript() {
        String script = "set -eu\nendpoint=\"http://mcp-server:8080/mcp\"\nother=https://a.b.svc/sse,"
                + "xhttp://no/mcp http://c:1 HTTP://D/mcp/?u=http://e/mcp";
        assertEquals(describe(byFind(script)), describe(McpEndpointReferences.urls(script)));
        assertEquals(4, McpEndpointReferences.urls(script).size());
    }

    private static List<MatchResult> byFind(String text) {
        List<MatchResult> found = new ArrayList<>();
        Matcher m = McpEndpointReferences.URL.matcher(text);
        while (m.find()) {
            found.add(m.toMatchResult());
        }
        return found;
    }

    private static List<String> describe(List<MatchResult> matches) {
        List<String> out = new ArrayList<>();
        for (MatchResult m : matches) {
            out.add(m.start() + "-" + m.end() + " " + m.group(1) + " " + m.group(2) + " " + m.group(3));
        }
        return out;
    }
}

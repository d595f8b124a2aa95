package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Checks that judge MCP servers, and what happens to their findings when the render's MCP servers are only
 * inferred (no workload carries a marker, so every long-running workload counts as one).
 *
 * <p>A check is MCP-scoped when its target is an {@code mcp-…} selector or when a {@code where} filter whose name
 * mentions MCP ({@code routesToMcpServer}, {@code scalesMcpServer}, {@code mcpServer}) is {@code true}: that naming
 * convention is how selectors mark MCP filters. On an inferred render such findings drop from error to warning and
 * say why: an ingress controller's or a monitoring stack's chart has no marker, and its workloads are not MCP servers
 * with certainty.
 */
public final class McpScope {
    static final String INFERRED_NOTE = " (Treated as an MCP server only because no workload of the render carries an"
            + " MCP marker; add the annotation mcpolicy.dev/mcp-server: \"true\" to the server, or \"false\" to opt out.)";

    private McpScope() {
    }

    public static boolean of(JsonNode check) {
        if (check.path("target").asText().startsWith("mcp-")) {
            return true;
        }
        Iterator<Map.Entry<String, JsonNode>> filters = check.path("where").fields();
        while (filters.hasNext()) {
            Map.Entry<String, JsonNode> filter = filters.next();
            if (filter.getKey().toLowerCase(Locale.ROOT).contains("mcp") && filter.getValue().asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    static Finding lowerCertainty(Finding finding) {
        Level level = finding.level() == Level.ERROR ? Level.WARNING : finding.level();
        return new Finding(finding.ruleId(), level, finding.message() + INFERRED_NOTE, finding.primary(),
                finding.rendered(), finding.object(), finding.pointer(), finding.helmSource(), finding.related(),
                finding.environments(), finding.properties(), finding.mappingHint());
    }
}

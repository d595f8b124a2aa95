package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.graph.McpDecision;
import dev.mcpolicy.graph.Workload;

import java.util.IdentityHashMap;
import java.util.Map;

/** The graph's MCP-server decision reasons, indexed once per run. */
final class McpReasons {
    private McpReasons() {
    }

    static String reason(EvaluationContext context, Workload workload) {
        Map<Workload, McpDecision> byWorkload = context.memo("mcp-decisions", () -> {
            Map<Workload, McpDecision> index = new IdentityHashMap<>();
            for (McpDecision decision : context.graph().mcpDecisions()) {
                index.put(decision.workload(), decision);
            }
            return index;
        });
        McpDecision decision = byWorkload.get(workload);
        return decision != null ? decision.reason() : "";
    }
}

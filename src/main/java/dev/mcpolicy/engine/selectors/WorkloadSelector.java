package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Where;
import dev.mcpolicy.graph.Workload;

import dev.mcpolicy.engine.workloads.RenderEnvironment;
import dev.mcpolicy.engine.workloads.SessionState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code workloads}: everything that runs pods (filters kind, mcpServer, longRunning);
 * {@code mcp-servers}: only the workloads the graph treats as MCP servers. Both also filter on
 * {@code scaledByHpa} (a HorizontalPodAutoscaler of the render scales it), {@code sessionsInMemory}
 * ({@link SessionState}) and {@code environment} ({@link RenderEnvironment}).
 */
public final class WorkloadSelector implements Selector {
    private final String name;
    private final boolean onlyMcpServers;

    private WorkloadSelector(String name, boolean onlyMcpServers) {
        this.name = name;
        this.onlyMcpServers = onlyMcpServers;
    }

    public static WorkloadSelector all() {
        return new WorkloadSelector("workloads", false);
    }

    public static WorkloadSelector mcpServers() {
        return new WorkloadSelector("mcp-servers", true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, FilterKind> filters() {
        Map<String, FilterKind> filters = new HashMap<>(Map.of("kind", FilterKind.STRINGS,
                "longRunning", FilterKind.BOOLEAN, "scaledByHpa", FilterKind.BOOLEAN,
                "sessionsInMemory", FilterKind.BOOLEAN, "environment", FilterKind.STRINGS));
        if (!onlyMcpServers) {
            filters.put("mcpServer", FilterKind.BOOLEAN);
        }
        return filters;
    }

    @Override
    public Set<String> placeholders() {
        return Set.of("mcpReason", "sessionReason");
    }

    @Override
    public boolean yieldsWorkloads() {
        return true;
    }

    @Override
    public List<Target> select(EvaluationContext context, Where where) {
        List<Workload> candidates = onlyMcpServers ? context.graph().mcpServers() : context.graph().workloads();
        List<Target> targets = new ArrayList<>();
        for (Workload workload : candidates) {
            if (where.allows("kind", workload.object().kind())
                    && where.allows("longRunning", workload.longRunning())
                    && (onlyMcpServers || where.allows("mcpServer", context.graph().isMcpServer(workload)))
                    && WorkloadFilters.allows(context, where, workload)) {
                targets.add(Target.of(workload.object(), workload,
                        Map.of("mcpReason", McpReasons.reason(context, workload),
                                "sessionReason", SessionState.of(context, workload).reason())));
            }
        }
        return targets;
    }
}

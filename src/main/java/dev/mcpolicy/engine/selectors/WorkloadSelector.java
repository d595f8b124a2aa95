package dev.mcpolicy.engine.selectors;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Optional;
import java.util.Set;

/**
 * {@code workloads}: everything that runs pods (filters kind, mcpServer, longRunning, helmHook, renderHasMcpServer,
 * first);
 * {@code mcp-servers}: only the workloads the graph treats as MCP servers. Both also filter on
 * {@code scaledByHpa} (a HorizontalPodAutoscaler of the render scales it), {@code sessionsInMemory}
 * ({@link SessionState}) and {@code environment} ({@link RenderEnvironment}).
 *
 * <p>{@code helmHook} keeps workloads whose {@code helm.sh/hook} annotation (a comma-separated list) names one of the
 * given hooks; {@code renderHasMcpServer} keeps workloads only when the render does (or does not) hold an MCP server,
 * for rules about what an MCP chart ships beside its servers; {@code mcpServersMarked: true} keeps workloads only when
 * the render's MCP servers carry a marker (they are not merely inferred), for rules that only make sense on a chart
 * that is known to serve MCP; {@code first: true} keeps only the first workload that passes the other filters, in
 * input order, so a check about the whole render reports once.
 */
public final class WorkloadSelector implements Selector {
    private static final String HELM_HOOK = "helm.sh/hook";

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
                "longRunning", FilterKind.BOOLEAN, "helmHook", FilterKind.STRINGS, "first", FilterKind.BOOLEAN,
                "scaledByHpa", FilterKind.BOOLEAN, "sessionsInMemory", FilterKind.BOOLEAN,
                "environment", FilterKind.STRINGS, "mcpServersMarked", FilterKind.BOOLEAN));
        if (!onlyMcpServers) {
            filters.put("mcpServer", FilterKind.BOOLEAN);
            filters.put("renderHasMcpServer", FilterKind.BOOLEAN);
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
        if (!where.allows("renderHasMcpServer", !context.graph().mcpServers().isEmpty())
                || !where.allows("mcpServersMarked", hasMarkedMcpServer(context))) {
            return targets;
        }
        for (Workload workload : candidates) {
            if (where.allows("kind", workload.object().kind())
                    && where.allows("longRunning", workload.longRunning())
                    && hookAllowed(where, workload)
                    && (onlyMcpServers || where.allows("mcpServer", context.graph().isMcpServer(workload)))
                    && WorkloadFilters.allows(context, where, workload)) {
                targets.add(Target.of(workload.object(), workload,
                        Map.of("mcpReason", McpReasons.reason(context, workload),
                                "sessionReason", SessionState.of(context, workload).reason())));
                if (where.bool("first").orElse(false)) {
                    break;
                }
            }
        }
        return targets;
    }

    private static boolean hasMarkedMcpServer(EvaluationContext context) {
        return !context.graph().mcpServers().isEmpty() && !context.graph().mcpServersInferred();
    }

    private static boolean hookAllowed(Where where, Workload workload) {
        Optional<List<String>> wanted = where.strings("helmHook");
        if (wanted.isEmpty()) {
            return true;
        }
        JsonNode hook = workload.object().node().path("metadata").path("annotations").path(HELM_HOOK);
        if (!hook.isTextual()) {
            return false;
        }
        for (String name : hook.asText().split(",")) {
            if (wanted.get().contains(name.trim())) {
                return true;
            }
        }
        return false;
    }
}

package dev.mcpolicy.engine.selectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Filter;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.Selector;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Where;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code workloads}: everything that runs pods; {@code mcp-servers}: only the workloads the graph treats as MCP
 * servers. Filters: those of {@link WorkloadFilters}, {@code helmHook}, {@code mcpServersMarked}, {@code first},
 * and on {@code workloads} also {@code mcpServer} and {@code renderHasMcpServer}.
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
    public TargetKind yields() {
        return TargetKind.WORKLOAD;
    }

    @Override
    public Map<String, Filter> filters() {
        Map<String, Filter> filters = Facts.plus(WorkloadFilters.SHARED,
                "helmHook", Filter.strings("its helm.sh/hook annotation names one of these hooks (test, pre-install, …)", "test"),
                "mcpServersMarked", Filter.bool("the render's MCP servers carry a marker (they are not merely inferred)"),
                "first", Filter.bool("true: only the first workload that passes the other filters, so a check about"
                        + " the whole render reports once"));
        if (!onlyMcpServers) {
            filters = Facts.plus(filters,
                    "mcpServer", Filter.bool("it is (or is not) an MCP server"),
                    "renderHasMcpServer", Filter.bool("the render holds (or does not hold) an MCP server"));
        }
        return filters;
    }

    @Override
    public Map<String, String> placeholders() {
        return Facts.ordered(
                "mcpReason", "why the workload is (or is not) an MCP server",
                "sessionReason", "why it does (or does not) keep sessions in memory");
    }

    @Override
    public MechanismDoc doc() {
        return onlyMcpServers
                ? new MechanismDoc("Each workload the graph treats as an MCP server (a marker, or every long-running"
                + " workload when no workload carries one). Checks on it are usually `scope: mcp-server`.",
                "target: mcp-servers\nscope: mcp-server\nwhere: {longRunning: true}")
                : new MechanismDoc("Each workload of the render: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,"
                + " CronJob, bare Pod, in input order.",
                "target: workloads\nwhere: {helmHook: [test], renderHasMcpServer: true}");
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
            if (hookAllowed(where, workload)
                    && (onlyMcpServers || where.allows("mcpServer", context.graph().isMcpServer(workload)))
                    && WorkloadFilters.allows(context, where, workload)) {
                targets.add(Target.of(workload.object(), workload,
                        Map.of("mcpReason", Facts.mcpReason(context, workload),
                                "sessionReason", context.facts().sessionState(workload).reason())));
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
        for (String hookName : hook.asText().split(",")) {
            if (wanted.get().contains(hookName.trim())) {
                return true;
            }
        }
        return false;
    }
}

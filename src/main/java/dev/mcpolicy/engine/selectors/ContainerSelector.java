package dev.mcpolicy.engine.selectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Where;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code containers}: every container, init container and ephemeral container of every workload (pointer of the
 * container); {@code mcp-server-containers}: those of MCP servers only. Filters: kind, containerList, longRunning and
 * the workload filters of {@link WorkloadFilters}.
 */
public final class ContainerSelector implements Selector {
    private static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

    private final String name;
    private final boolean onlyMcpServers;

    private ContainerSelector(String name, boolean onlyMcpServers) {
        this.name = name;
        this.onlyMcpServers = onlyMcpServers;
    }

    public static ContainerSelector all() {
        return new ContainerSelector("containers", false);
    }

    public static ContainerSelector mcpServerContainers() {
        return new ContainerSelector("mcp-server-containers", true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, FilterKind> filters() {
        Map<String, FilterKind> filters = new HashMap<>(Map.of("kind", FilterKind.STRINGS,
                "containerList", FilterKind.STRINGS, "longRunning", FilterKind.BOOLEAN,
                "scaledByHpa", FilterKind.BOOLEAN, "sessionsInMemory", FilterKind.BOOLEAN,
                "environment", FilterKind.STRINGS));
        if (!onlyMcpServers) {
            filters.put("mcpServer", FilterKind.BOOLEAN);
        }
        return filters;
    }

    @Override
    public Set<String> placeholders() {
        return Set.of("container", "containerList", "mcpReason");
    }

    @Override
    public boolean yieldsWorkloads() {
        return true;
    }

    @Override
    public boolean yieldsContainers() {
        return true;
    }

    @Override
    public List<Target> select(EvaluationContext context, Where where) {
        List<Workload> candidates = onlyMcpServers ? context.graph().mcpServers() : context.graph().workloads();
        List<Target> targets = new ArrayList<>();
        for (Workload workload : candidates) {
            if (!where.allows("kind", workload.object().kind())
                    || !where.allows("longRunning", workload.longRunning())
                    || !onlyMcpServers && !where.allows("mcpServer", context.graph().isMcpServer(workload))
                    || !WorkloadFilters.allows(context, where, workload)) {
                continue;
            }
            for (String list : CONTAINER_LISTS) {
                if (!where.allows("containerList", list)) {
                    continue;
                }
                JsonNode containers = workload.podSpec().path(list);
                if (!containers.isArray()) {
                    continue;
                }
                for (int i = 0; i < containers.size(); i++) {
                    JsonNode container = containers.get(i);
                    if (!container.isObject()) {
                        continue;
                    }
                    String pointer = workload.object().pointer(workload.podSpecPointer() + "/" + list + "/" + i);
                    targets.add(new Target(workload.object().document(), workload.object(), workload, pointer, container,
                            Map.of("container", container.path("name").asText("#" + i),
                                    "containerList", list,
                                    "mcpReason", McpReasons.reason(context, workload))));
                }
            }
        }
        return targets;
    }
}

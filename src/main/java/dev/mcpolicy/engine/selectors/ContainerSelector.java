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

/**
 * {@code containers}: every container, init container and ephemeral container of every workload (pointer of the
 * container); {@code mcp-server-containers}: those of MCP servers only. Filters: containerList and the workload
 * filters of {@link WorkloadFilters}.
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
    public TargetKind yields() {
        return TargetKind.CONTAINER;
    }

    @Override
    public Map<String, Filter> filters() {
        Map<String, Filter> filters = Facts.plus(WorkloadFilters.SHARED,
                "containerList", Filter.strings("which list the container is in: containers, initContainers,"
                        + " ephemeralContainers", "containers"));
        return onlyMcpServers ? filters
                : Facts.plus(filters, "mcpServer", Filter.bool("its workload is (or is not) an MCP server"));
    }

    @Override
    public Map<String, String> placeholders() {
        return Facts.ordered(
                "container", "the container's name (#index when it has none)",
                "containerList", "containers, initContainers or ephemeralContainers",
                "mcpReason", "why its workload is (or is not) an MCP server");
    }

    @Override
    public MechanismDoc doc() {
        return onlyMcpServers
                ? new MechanismDoc("Each container of each MCP server workload; value paths are relative to the"
                + " container.", "target: mcp-server-containers\nscope: mcp-server\nwhere: {containerList: [containers]}")
                : new MechanismDoc("Each container, init container and ephemeral container of each workload; value"
                + " paths are relative to the container.", "target: containers\nwhere: {containerList: [containers]}");
    }

    @Override
    public List<Target> select(EvaluationContext context, Where where) {
        List<Workload> candidates = onlyMcpServers ? context.graph().mcpServers() : context.graph().workloads();
        List<Target> targets = new ArrayList<>();
        for (Workload workload : candidates) {
            if (!onlyMcpServers && !where.allows("mcpServer", context.graph().isMcpServer(workload))
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
                                    "mcpReason", Facts.mcpReason(context, workload))));
                }
            }
        }
        return targets;
    }
}

package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.graph.IngressController;
import dev.mcpolicy.graph.Workload;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The message facts every route-shaped target shares: which controller serves it and which MCP servers it reaches. */
final class RouteFacts {
    static final Set<String> PLACEHOLDERS = Set.of("controller", "controllerNote", "controllerReason", "mcpServers");

    private RouteFacts() {
    }

    static Map<String, String> of(IngressController controller, Collection<Workload> servers) {
        Map<String, String> facts = new HashMap<>();
        facts.put("controller", controller.id());
        facts.put("controllerReason", controller.reason());
        facts.put("controllerNote", controller.assumed() ? " (" + controller.reason() + ")" : "");
        facts.put("mcpServers", names(servers));
        return facts;
    }

    static String names(Collection<Workload> servers) {
        Set<String> names = new LinkedHashSet<>();
        servers.forEach(server -> names.add(server.object().displayName()));
        return names.isEmpty() ? "no MCP server" : String.join(", ", names);
    }
}

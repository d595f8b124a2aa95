package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Values;
import dev.mcpolicy.engine.Where;
import dev.mcpolicy.graph.Backend;
import dev.mcpolicy.graph.IngressController;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.RouteRule;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code route-rules}: one target per rule of a custom route kind (HTTPRoute {@code spec.rules[i]}, HTTPProxy and
 * IngressRoute {@code spec.routes[i]}, VirtualService {@code spec.http[i]}, VirtualServer upstream
 * {@code spec.upstreams[i]}), so that value paths are relative to the rule ({@code /timeouts/request}).
 * {@code routesToMcpServer} looks at the rule's own backends. Extra placeholder: {@code rule}
 * ({@code spec.rules[0]}).
 */
public final class RouteRuleSelector implements Selector {

    @Override
    public String name() {
        return "route-rules";
    }

    @Override
    public Map<String, FilterKind> filters() {
        return RouteFacts.ROUTE_FILTERS;
    }

    @Override
    public Set<String> placeholders() {
        Set<String> placeholders = new LinkedHashSet<>(RouteFacts.PLACEHOLDERS);
        placeholders.add("rule");
        return placeholders;
    }

    @Override
    public boolean yieldsWorkloads() {
        return false;
    }

    @Override
    public List<Target> select(EvaluationContext context, Where where) {
        List<Target> targets = new ArrayList<>();
        for (RouteFacts.ServedRoute served : RouteFacts.routes(context, where)) {
            K8sObject route = served.route();
            IngressController controller = served.controller();
            for (RouteRule rule : context.graph().routeRules(route)) {
                Set<Workload> servers = new LinkedHashSet<>();
                for (Backend backend : rule.backends()) {
                    servers.addAll(context.graph().mcpServersBehind(backend));
                }
                if (!where.allows("routesToMcpServer", !servers.isEmpty())) {
                    continue;
                }
                Map<String, String> facts = RouteFacts.of(controller, servers);
                facts.put("rule", Values.dottedPath(rule.pointer()));
                targets.add(new Target(route.document(), route, null, route.pointer(rule.pointer()),
                        route.node().at(rule.pointer()), facts));
            }
        }
        return targets;
    }
}

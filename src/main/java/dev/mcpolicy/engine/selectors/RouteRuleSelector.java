package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Filter;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Selector;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Values;
import dev.mcpolicy.engine.mechanism.Where;
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
    public TargetKind yields() {
        return TargetKind.ROUTE_RULE;
    }

    @Override
    public Map<String, Filter> filters() {
        return RouteFacts.ROUTE_FILTERS;
    }

    @Override
    public Map<String, String> placeholders() {
        return Facts.plus(Facts.ROUTE_PLACEHOLDERS, "rule", "where the rule is, dotted: spec.rules[0]");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("Each rule of a custom route kind (HTTPRoute `spec.rules[i]`, HTTPProxy and"
                + " IngressRoute `spec.routes[i]`, VirtualService `spec.http[i]`, VirtualServer `spec.upstreams[i]`);"
                + " value paths are relative to the rule and `routesToMcpServer` looks at the rule's own backends.",
                "target: route-rules\nscope: mcp-server\nwhere: {kind: [HTTPRoute], routesToMcpServer: true}");
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
                Map<String, String> facts = Facts.route(controller, servers);
                facts.put("rule", Values.dottedPath(rule.pointer()));
                targets.add(new Target(route.document(), route, null, route.pointer(rule.pointer()),
                        route.node().at(rule.pointer()), facts));
            }
        }
        return targets;
    }
}

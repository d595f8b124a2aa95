package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Filter;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.Selector;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Where;
import dev.mcpolicy.graph.Backend;
import dev.mcpolicy.graph.IngressController;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ingress-routes}: Ingresses, filtered by the controller that serves them ({@code controller: [ingress-nginx]})
 * and by whether they route to an MCP server ({@code routesToMcpServer}).
 */
public final class IngressRouteSelector implements Selector {

    @Override
    public String name() {
        return "ingress-routes";
    }

    @Override
    public TargetKind yields() {
        return TargetKind.INGRESS;
    }

    @Override
    public Map<String, Filter> filters() {
        return Facts.ordered(
                "controller", Filter.strings("the controller that serves it: ingress-nginx, nginx-inc, traefik, kong,"
                        + " haproxy, aws-alb, gke, … (unknown when mcpolicy cannot tell)", "ingress-nginx"),
                "routesToMcpServer", Filter.bool("a backend Service selects an MCP server, or a path that names an MCP"
                        + " endpoint (/mcp, /sse) leads to a Service outside the render"),
                "apiVersion", Filter.strings("the Ingress's apiVersion", "networking.k8s.io/v1"));
    }

    @Override
    public Map<String, String> placeholders() {
        return Facts.ROUTE_PLACEHOLDERS;
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("Each Ingress of the render, with the controller that serves it (class field, legacy"
                + " annotation, the render's default IngressClass, else ingress-nginx assumed).",
                "target: ingress-routes\nscope: mcp-server\nwhere: {controller: [ingress-nginx], routesToMcpServer: true}");
    }

    @Override
    public List<Target> select(EvaluationContext context, Where where) {
        List<Target> targets = new ArrayList<>();
        for (K8sObject route : context.graph().ofKind("Ingress")) {
            if (!where.allows("apiVersion", route.apiVersion())) {
                continue;
            }
            IngressController controller = context.graph().controller(route);
            if (!where.allows("controller", controller.id())) {
                continue;
            }
            List<Workload> servers = context.graph().mcpServersBehind(route);
            List<Backend> outside = context.graph().mcpBackendsOutsideRender(route);
            if (!where.allows("routesToMcpServer", Facts.routesToMcp(servers, outside))) {
                continue;
            }
            targets.add(Target.of(route, null, Facts.route(controller, servers, outside)));
        }
        return targets;
    }
}

package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Filter;
import dev.mcpolicy.engine.mechanism.Where;
import dev.mcpolicy.graph.IngressController;
import dev.mcpolicy.graph.K8sObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The routes the route-shaped selectors ({@code routes}, {@code route-rules}) start from, and their filters. */
final class RouteFacts {
    static final Map<String, Filter> ROUTE_FILTERS = Facts.ordered(
            "kind", Filter.strings("the route's kind: Ingress, IngressRoute, VirtualServer, VirtualServerRoute,"
                    + " VirtualService, HTTPRoute, HTTPProxy", "HTTPRoute"),
            "apiVersion", Filter.strings("the route's apiVersion", "gateway.networking.k8s.io/v1"),
            "controller", Filter.strings("the controller that serves it (ingress-nginx, traefik, istio, contour,"
                    + " gateway-api when its Gateway's implementation is not in the render, …)", "istio"),
            "routesToMcpServer", Filter.bool("its backends reach an MCP server (for an Ingress, also a path that names an"
                    + " MCP endpoint, such as /mcp or /sse, toward a Service outside the render)"));

    /** A route that passed the kind, apiVersion and controller filters, with the controller that serves it. */
    record ServedRoute(K8sObject route, IngressController controller) {
    }

    private RouteFacts() {
    }

    /** Routes of the render, in input order, whose kind, apiVersion and controller the filters allow. */
    static List<ServedRoute> routes(EvaluationContext context, Where where) {
        List<ServedRoute> out = new ArrayList<>();
        for (K8sObject route : context.graph().routes()) {
            if (!where.allows("kind", route.kind()) || !where.allows("apiVersion", route.apiVersion())) {
                continue;
            }
            IngressController controller = context.graph().controller(route);
            if (where.allows("controller", controller.id())) {
                out.add(new ServedRoute(route, controller));
            }
        }
        return out;
    }
}

package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Filter;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Selector;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Where;
import dev.mcpolicy.engine.mechanism.MessageLists;
import dev.mcpolicy.graph.Attachment;
import dev.mcpolicy.graph.Backend;
import dev.mcpolicy.graph.IngressController;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.graph.RouteRule;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code route-attachments}: the objects that configure a route's traffic (see {@link ResourceGraph#attachments}),
 * one target per attached object of the render however many routes name it. Filters: {@code kind} (of the attached
 * object: Middleware, ServersTransport, BackendConfig, DestinationRule, Service), {@code routeKind},
 * {@code controller} (of the attaching route), {@code routesToMcpServer} (the traffic it configures reaches an MCP
 * server) and {@code specHas} (the attached object's {@code spec} has one of these keys, e.g. a Traefik Middleware of
 * type {@code buffering}). Extra placeholder: {@code routes}, the attaching routes.
 */
public final class RouteAttachmentSelector implements Selector {

    @Override
    public String name() {
        return "route-attachments";
    }

    @Override
    public TargetKind yields() {
        return TargetKind.ROUTE_ATTACHMENT;
    }

    @Override
    public Map<String, Filter> filters() {
        return Facts.ordered(
                "kind", Filter.strings("the attached object's kind: Middleware, ServersTransport, BackendConfig,"
                        + " DestinationRule, Service", "Middleware"),
                "routeKind", Filter.strings("the kind of the attaching route", "IngressRoute"),
                "controller", Filter.strings("the controller of the attaching route", "traefik"),
                "routesToMcpServer", Filter.bool("the traffic it configures reaches an MCP server"),
                "specHas", Filter.strings("its spec has one of these keys (a Traefik Middleware of type buffering)", "buffering"));
    }

    @Override
    public Map<String, String> placeholders() {
        return Facts.plus(Facts.ROUTE_PLACEHOLDERS, "routes", "the routes that attach it");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("Each object that configures a route's traffic (Traefik Middlewares and"
                + " ServersTransports, GKE BackendConfigs, Istio DestinationRules, backend Services), once however"
                + " many routes name it.",
                "target: route-attachments\nscope: mcp-server\nwhere: {kind: [Middleware], specHas: [buffering]}");
    }


    @Override
    public List<Target> select(EvaluationContext context, Where where) {
        ResourceGraph graph = context.graph();
        Map<K8sObject, Found> byTarget = new IdentityHashMap<>();
        List<K8sObject> order = new ArrayList<>();
        for (K8sObject route : graph.routes()) {
            if (!where.allows("routeKind", route.kind())) {
                continue;
            }
            IngressController controller = graph.controller(route);
            if (!where.allows("controller", controller.id())) {
                continue;
            }
            for (Attachment attachment : graph.attachments(route)) {
                K8sObject attached = attachment.target();
                if (attached == null || !where.allows("kind", attached.kind()) || !hasSpecKey(attached, where)) {
                    continue;
                }
                List<Workload> servers = serversConfigured(graph, attachment);
                if (!where.allows("routesToMcpServer", !servers.isEmpty())) {
                    continue;
                }
                Found found = byTarget.get(attached);
                if (found == null) {
                    found = new Found(controller);
                    byTarget.put(attached, found);
                    order.add(attached);
                }
                found.routes.add(route.displayName());
                found.servers.addAll(servers);
            }
        }
        List<Target> targets = new ArrayList<>();
        for (K8sObject attached : order) {
            Found found = byTarget.get(attached);
            Map<String, String> facts = Facts.route(found.controller, found.servers);
            facts.put("routes", MessageLists.join(found.routes, 3));
            targets.add(Target.of(attached, graph.workload(attached).orElse(null), facts));
        }
        return targets;
    }

    private static boolean hasSpecKey(K8sObject attached, Where where) {
        return where.strings("specHas")
                .map(keys -> keys.stream().anyMatch(key -> attached.node().path("spec").has(key)))
                .orElse(true);
    }

    /** The MCP servers whose traffic the attachment configures: of its Service, of its rule, or of the whole route. */
    private static List<Workload> serversConfigured(ResourceGraph graph, Attachment attachment) {
        K8sObject service = attachment.kind().equals("Service") ? attachment.target()
                : attachment.referrer().kind().equals("Service") ? attachment.referrer() : null;
        if (service != null) {
            return graph.selectedBy(service).stream().filter(graph::isMcpServer).toList();
        }
        if (attachment.rulePointer() == null) {
            return graph.mcpServersBehind(attachment.route());
        }
        Set<Workload> servers = new LinkedHashSet<>();
        for (RouteRule rule : graph.routeRules(attachment.route())) {
            if (rule.pointer().equals(attachment.rulePointer())) {
                for (Backend backend : rule.backends()) {
                    servers.addAll(graph.mcpServersBehind(backend));
                }
            }
        }
        return List.copyOf(servers);
    }

    private static final class Found {
        final IngressController controller;
        final Set<String> routes = new LinkedHashSet<>();
        final Set<Workload> servers = new LinkedHashSet<>();

        Found(IngressController controller) {
            this.controller = controller;
        }
    }
}

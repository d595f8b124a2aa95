package dev.mcpolicy.engine.assertions;

import dev.mcpolicy.engine.MessageLists;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.Relation;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Violation;
import dev.mcpolicy.engine.workloads.ReplicaRange;
import dev.mcpolicy.engine.workloads.SessionState;
import dev.mcpolicy.graph.Backend;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code session-affinity}: requests of one MCP session reach the same pod when the server keeps sessions in memory
 * ({@link SessionState}) and may run more than one replica ({@link ReplicaRange}).
 * <ul>
 *   <li>On an Ingress ({@code ingress-routes}) served by ingress-nginx: annotation
 *       {@code nginx.ingress.kubernetes.io/affinity: cookie} or a non-empty {@code upstream-hash-by}. On Traefik:
 *       {@code traefik.ingress.kubernetes.io/service.sticky.cookie: "true"} on each backend Service. Other
 *       controllers are not judged (their sticky settings live outside the Ingress).</li>
 *   <li>On a Service ({@code services}) that no Ingress routes to: {@code sessionAffinity: ClientIP}. Services behind
 *       an Ingress are judged on the Ingress, because ingress controllers send traffic to pod endpoints directly
 *       and ignore the Service's affinity. Headless Services are skipped.</li>
 * </ul>
 * Placeholders: {@code servers}, {@code sessionReason}, {@code fix}.
 */
public final class SessionAffinityRelation implements Relation {
    static final String NGINX_AFFINITY = "nginx.ingress.kubernetes.io/affinity";
    static final String NGINX_HASH = "nginx.ingress.kubernetes.io/upstream-hash-by";
    static final String TRAEFIK_STICKY = "traefik.ingress.kubernetes.io/service.sticky.cookie";

    @Override
    public String name() {
        return "session-affinity";
    }

    @Override
    public String incompatibility(Selector selector) {
        return Set.of("ingress-routes", "services").contains(selector.name()) ? null
                : "session-affinity needs target ingress-routes or services, not " + selector.name();
    }

    @Override
    public Set<String> placeholders() {
        return Set.of("servers", "sessionReason", "fix");
    }

    @Override
    public List<Violation> check(Target target, EvaluationContext context) {
        K8sObject object = target.object();
        if (object == null) {
            return List.of();
        }
        return object.kind().equals("Service") ? checkService(target, context) : checkRoute(target, context);
    }

    private List<Violation> checkRoute(Target target, EvaluationContext context) {
        ResourceGraph graph = context.graph();
        K8sObject route = target.object();
        List<Workload> servers = pinned(context, graph.mcpServersBehind(route));
        if (servers.isEmpty()) {
            return List.of();
        }
        String controller = graph.controller(route).id();
        Map<String, String> annotations = annotations(route);
        String fix;
        if (controller.equals("ingress-nginx")) {
            if ("cookie".equalsIgnoreCase(annotations.getOrDefault(NGINX_AFFINITY, "").trim())
                    || !annotations.getOrDefault(NGINX_HASH, "").isBlank()) {
                return List.of();
            }
            fix = "Set annotation " + NGINX_HASH + ": \"$http_mcp_session_id\" (the Mcp-Session-Id header), or "
                    + NGINX_AFFINITY + ": cookie";
        } else if (controller.equals("traefik")) {
            Set<String> unsticky = new LinkedHashSet<>();
            for (Backend backend : graph.backends(route)) {
                if (backend.service() != null
                        && !"true".equalsIgnoreCase(annotations(backend.service()).getOrDefault(TRAEFIK_STICKY, "").trim())) {
                    unsticky.add(backend.service().displayName());
                }
            }
            if (unsticky.isEmpty()) {
                return List.of();
            }
            fix = "Annotate " + MessageLists.join(unsticky, 3) + " with " + TRAEFIK_STICKY + ": \"true\" so Traefik"
                    + " pins each client to one pod";
        } else {
            return List.of();
        }
        String pointer = route.node().path("metadata").has("annotations") ? "/metadata/annotations" : "/metadata";
        return List.of(violation(context, target.pointer() + pointer, servers, fix));
    }

    private List<Violation> checkService(Target target, EvaluationContext context) {
        ResourceGraph graph = context.graph();
        K8sObject service = target.object();
        if ("None".equals(service.node().path("spec").path("clusterIP").asText())
                || "ClientIP".equals(service.node().path("spec").path("sessionAffinity").asText())
                || routedServices(context).containsKey(service)) {
            return List.of();
        }
        List<Workload> servers = pinned(context, graph.selectedBy(service));
        if (servers.isEmpty()) {
            return List.of();
        }
        String pointer = service.node().path("spec").has("sessionAffinity") ? "/spec/sessionAffinity" : "/spec";
        return List.of(violation(context, target.pointer() + pointer, servers,
                "Set spec.sessionAffinity: ClientIP on the Service so each client stays on one pod"));
    }

    /** MCP servers among {@code workloads} that keep sessions in memory and may run more than one pod. */
    private static List<Workload> pinned(EvaluationContext context, List<Workload> workloads) {
        List<Workload> out = new ArrayList<>();
        for (Workload workload : workloads) {
            if (context.graph().isMcpServer(workload) && SessionState.of(context, workload).inMemory()
                    && ReplicaRange.of(context.graph(), workload).map(range -> range.max() > 1).orElse(true)) {
                out.add(workload);
            }
        }
        return out;
    }

    private static Map<K8sObject, Boolean> routedServices(EvaluationContext context) {
        return context.memo("services-behind-ingresses", () -> {
            Map<K8sObject, Boolean> routed = new IdentityHashMap<>();
            for (K8sObject route : context.graph().ofKind("Ingress")) {
                for (Backend backend : context.graph().backends(route)) {
                    if (backend.service() != null) {
                        routed.put(backend.service(), Boolean.TRUE);
                    }
                }
            }
            return routed;
        });
    }

    private static Violation violation(EvaluationContext context, String pointer, List<Workload> servers, String fix) {
        List<String> names = new ArrayList<>();
        for (Workload server : servers) {
            String replicas = ReplicaRange.of(context.graph(), server)
                    .map(range -> range.min() == range.max() ? range.max() + " replicas" : "up to " + range.max() + " replicas")
                    .orElse("one pod per node");
            names.add(server.object().displayName() + " (" + replicas + ")");
        }
        Map<String, String> facts = new HashMap<>();
        facts.put("servers", MessageLists.join(names, 3));
        facts.put("sessionReason", SessionState.of(context, servers.get(0)).reason());
        facts.put("fix", fix);
        return Violation.of(Violation.DEFAULT, pointer, facts);
    }

    private static Map<String, String> annotations(K8sObject object) {
        Map<String, String> out = new HashMap<>();
        object.node().path("metadata").path("annotations").properties().forEach(entry -> {
            if (entry.getValue().isValueNode()) {
                out.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue().asText());
            }
        });
        return out;
    }
}

package dev.mcpolicy.engine.assertions;

import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Relation;
import dev.mcpolicy.engine.mechanism.Descriptions;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.engine.mechanism.MessageLists;
import dev.mcpolicy.engine.workloads.ReplicaRange;
import dev.mcpolicy.engine.workloads.SessionState;
import dev.mcpolicy.graph.Backend;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.HashMap;
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
    public Set<TargetKind> accepts() {
        return Set.of(TargetKind.INGRESS, TargetKind.SERVICE);
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("servers", "the pinned MCP servers with their replica counts",
                "sessionReason", "why the first keeps sessions in memory", "fix", "the setting to add");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("Requests of one MCP session reach the same pod when the server keeps sessions in memory and may"
                + " run several replicas: cookie or hash affinity on an ingress-nginx Ingress, sticky backend Services"
                + " on Traefik, sessionAffinity: ClientIP on a Service no Ingress routes to.",
                "target: services\nscope: mcp-server\nassert:\n  relation: {name: session-affinity}");
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
                || !graph.ingressesRoutingTo(service).isEmpty()) {
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
            if (context.graph().isMcpServer(workload) && context.facts().sessionState(workload).inMemory()
                    && ReplicaRange.of(context.graph(), workload).map(range -> range.max() > 1).orElse(true)) {
                out.add(workload);
            }
        }
        return out;
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
        facts.put("sessionReason", context.facts().sessionState(servers.get(0)).reason());
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

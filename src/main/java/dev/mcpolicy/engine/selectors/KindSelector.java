package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.MessageLists;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Where;
import dev.mcpolicy.engine.workloads.SessionState;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * Objects of one kind ({@code hpas}, {@code pdbs}, {@code services}) or of any kind ({@code objects}), with the
 * common {@code kind}/{@code apiVersion} filters, one relation filter to MCP servers, and {@code sessionsInMemory}:
 * a related MCP server keeps its sessions in memory ({@link SessionState}).
 */
public final class KindSelector implements Selector {
    private final String name;
    private final String kind;
    private final String mcpFilter;
    private final String placeholder;
    private final BiFunction<ResourceGraph, K8sObject, List<Workload>> related;
    private final Map<String, BiPredicate<EvaluationContext, K8sObject>> flags;

    private KindSelector(String name, String kind, String mcpFilter, String placeholder,
                         BiFunction<ResourceGraph, K8sObject, List<Workload>> related) {
        this(name, kind, mcpFilter, placeholder, related, Map.of());
    }

    private KindSelector(String name, String kind, String mcpFilter, String placeholder,
                         BiFunction<ResourceGraph, K8sObject, List<Workload>> related,
                         Map<String, BiPredicate<EvaluationContext, K8sObject>> flags) {
        this.name = name;
        this.kind = kind;
        this.mcpFilter = mcpFilter;
        this.placeholder = placeholder;
        this.related = related;
        this.flags = Map.copyOf(flags);
    }

    /** HPAs; {@code scalesMcpServer}; placeholder {@code scaleTarget}. */
    public static KindSelector hpas() {
        return new KindSelector("hpas", "HorizontalPodAutoscaler", "scalesMcpServer", "scaleTarget",
                (graph, hpa) -> graph.hpaTarget(hpa).map(List::of).orElse(List.of()));
    }

    /**
     * PodDisruptionBudgets; {@code coversMcpServer}; {@code besideUncoveredMcpServer} (its namespace holds a
     * long-running MCP server no budget covers, which {@code covered-by-pdb} reports); placeholder
     * {@code coveredWorkloads}.
     */
    public static KindSelector pdbs() {
        return new KindSelector("pdbs", "PodDisruptionBudget", "coversMcpServer", "coveredWorkloads",
                ResourceGraph::coveredBy, Map.of("besideUncoveredMcpServer", RouteIndex::besideUncoveredMcpServer));
    }

    /**
     * Services; {@code selectsMcpServer}; {@code routed} (a route of the render names it as a backend); placeholders
     * {@code selectedWorkloads} and {@code routes} (the routes naming it, or "no route").
     */
    public static KindSelector services() {
        return new KindSelector("services", "Service", "selectsMcpServer", "selectedWorkloads",
                ResourceGraph::selectedBy,
                Map.of("routed", (context, service) -> !RouteIndex.routesTo(context, service).isEmpty()));
    }

    /** Every object; filter with {@code kind} and {@code apiVersion}. */
    public static KindSelector objects() {
        return new KindSelector("objects", null, null, null, null);
    }

    private boolean flagsAllow(EvaluationContext context, Where where, K8sObject object) {
        for (Map.Entry<String, BiPredicate<EvaluationContext, K8sObject>> flag : flags.entrySet()) {
            if (where.bool(flag.getKey()).isPresent()
                    && !where.allows(flag.getKey(), flag.getValue().test(context, object))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, FilterKind> filters() {
        Map<String, FilterKind> filters = new HashMap<>();
        filters.put("apiVersion", FilterKind.STRINGS);
        if (kind == null) {
            filters.put("kind", FilterKind.STRINGS);
        }
        if (mcpFilter != null) {
            filters.put(mcpFilter, FilterKind.BOOLEAN);
            filters.put("sessionsInMemory", FilterKind.BOOLEAN);
        }
        flags.keySet().forEach(flag -> filters.put(flag, FilterKind.BOOLEAN));
        return filters;
    }

    @Override
    public Set<String> placeholders() {
        if (placeholder == null) {
            return Set.of();
        }
        return flags.containsKey("routed") ? Set.of(placeholder, "routes", "sessionReason")
                : Set.of(placeholder, "sessionReason");
    }

    @Override
    public boolean yieldsWorkloads() {
        return false;
    }

    @Override
    public List<Target> select(EvaluationContext context, Where where) {
        ResourceGraph graph = context.graph();
        List<K8sObject> candidates = kind == null ? graph.objects() : graph.ofKind(kind);
        List<Target> targets = new ArrayList<>();
        for (K8sObject object : candidates) {
            if (!where.allows("apiVersion", object.apiVersion()) || !where.allows("kind", object.kind())) {
                continue;
            }
            if (related == null) {
                targets.add(Target.of(object, graph.workload(object).orElse(null), Map.of()));
                continue;
            }
            List<Workload> workloads = related.apply(graph, object);
            boolean touchesMcpServer = workloads.stream().anyMatch(graph::isMcpServer);
            if (!where.allows(mcpFilter, touchesMcpServer) || !flagsAllow(context, where, object)) {
                continue;
            }
            String sessionReason = sessionsInMemoryReason(context, workloads);
            if (!where.allows("sessionsInMemory", sessionReason != null)) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            workloads.forEach(workload -> names.add(workload.object().displayName()));
            Map<String, String> placeholders = new HashMap<>();
            placeholders.put(placeholder, names.isEmpty() ? "none" : MessageLists.join(names, 3));
            placeholders.put("sessionReason", sessionReason == null ? "" : sessionReason);
            if (flags.containsKey("routed")) {
                Set<String> routes = new LinkedHashSet<>();
                RouteIndex.routesTo(context, object).forEach(route -> routes.add(route.displayName()));
                placeholders.put("routes", routes.isEmpty() ? "no route" : MessageLists.join(routes, 3));
            }
            targets.add(Target.of(object, null, placeholders));
        }
        return targets;
    }

    /** Why a related MCP server keeps sessions in memory ({@link SessionState}), or null when none does. */
    private static String sessionsInMemoryReason(EvaluationContext context, List<Workload> workloads) {
        for (Workload workload : workloads) {
            SessionState state = SessionState.of(context, workload);
            if (state.inMemory() && context.graph().isMcpServer(workload)) {
                return workload.object().displayName() + ": " + state.reason();
            }
        }
        return null;
    }
}

package dev.mcpolicy.engine.selectors;

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

    private KindSelector(String name, String kind, String mcpFilter, String placeholder,
                         BiFunction<ResourceGraph, K8sObject, List<Workload>> related) {
        this.name = name;
        this.kind = kind;
        this.mcpFilter = mcpFilter;
        this.placeholder = placeholder;
        this.related = related;
    }

    /** HPAs; {@code scalesMcpServer}; placeholder {@code scaleTarget}. */
    public static KindSelector hpas() {
        return new KindSelector("hpas", "HorizontalPodAutoscaler", "scalesMcpServer", "scaleTarget",
                (graph, hpa) -> graph.hpaTarget(hpa).map(List::of).orElse(List.of()));
    }

    /** PodDisruptionBudgets; {@code coversMcpServer}; placeholder {@code coveredWorkloads}. */
    public static KindSelector pdbs() {
        return new KindSelector("pdbs", "PodDisruptionBudget", "coversMcpServer", "coveredWorkloads",
                ResourceGraph::coveredBy);
    }

    /** Services; {@code selectsMcpServer}; placeholder {@code selectedWorkloads}. */
    public static KindSelector services() {
        return new KindSelector("services", "Service", "selectsMcpServer", "selectedWorkloads",
                ResourceGraph::selectedBy);
    }

    /** Every object; filter with {@code kind} and {@code apiVersion}. */
    public static KindSelector objects() {
        return new KindSelector("objects", null, null, null, null);
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
        return filters;
    }

    @Override
    public Set<String> placeholders() {
        return placeholder == null ? Set.of() : Set.of(placeholder, "sessionReason");
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
            if (!where.allows(mcpFilter, touchesMcpServer)) {
                continue;
            }
            String sessionReason = sessionsInMemoryReason(context, workloads);
            if (!where.allows("sessionsInMemory", sessionReason != null)) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            workloads.forEach(workload -> names.add(workload.object().displayName()));
            targets.add(Target.of(object, null, Map.of(placeholder, names.isEmpty() ? "none" : String.join(", ", names),
                    "sessionReason", sessionReason == null ? "" : sessionReason)));
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

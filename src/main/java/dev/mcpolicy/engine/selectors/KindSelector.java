package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Filter;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.Selector;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Where;
import dev.mcpolicy.engine.mechanism.MessageLists;
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
    private final TargetKind yields;
    private final String kind;
    private final String mcpFilter;
    private final String placeholder;
    private final BiFunction<ResourceGraph, K8sObject, List<Workload>> related;
    private final Map<String, BiPredicate<EvaluationContext, K8sObject>> flags;

    private KindSelector(String name, TargetKind yields, String kind, String mcpFilter, String placeholder,
                         BiFunction<ResourceGraph, K8sObject, List<Workload>> related) {
        this(name, yields, kind, mcpFilter, placeholder, related, Map.of());
    }

    private KindSelector(String name, TargetKind yields, String kind, String mcpFilter, String placeholder,
                         BiFunction<ResourceGraph, K8sObject, List<Workload>> related,
                         Map<String, BiPredicate<EvaluationContext, K8sObject>> flags) {
        this.name = name;
        this.yields = yields;
        this.kind = kind;
        this.mcpFilter = mcpFilter;
        this.placeholder = placeholder;
        this.related = related;
        this.flags = Map.copyOf(flags);
    }

    /** HPAs; {@code scalesMcpServer}; placeholder {@code scaleTarget}. */
    public static KindSelector hpas() {
        return new KindSelector("hpas", TargetKind.HPA, "HorizontalPodAutoscaler", "scalesMcpServer", "scaleTarget",
                (graph, hpa) -> graph.hpaTarget(hpa).map(List::of).orElse(List.of()));
    }

    /**
     * PodDisruptionBudgets; {@code coversMcpServer}; {@code besideUncoveredMcpServer} (its namespace holds a
     * long-running MCP server no budget covers, which {@code covered-by-pdb} reports); placeholder
     * {@code coveredWorkloads}.
     */
    public static KindSelector pdbs() {
        return new KindSelector("pdbs", TargetKind.PDB, "PodDisruptionBudget", "coversMcpServer", "coveredWorkloads",
                ResourceGraph::coveredBy, Map.of("besideUncoveredMcpServer",
                        (context, pdb) -> context.graph().hasUncoveredMcpServerIn(pdb.namespace())));
    }

    /**
     * Services; {@code selectsMcpServer}; {@code routed} (a route of the render names it as a backend); placeholders
     * {@code selectedWorkloads} and {@code routes} (the routes naming it, or "no route").
     */
    public static KindSelector services() {
        return new KindSelector("services", TargetKind.SERVICE, "Service", "selectsMcpServer", "selectedWorkloads",
                ResourceGraph::selectedBy,
                Map.of("routed", (context, service) -> !context.graph().ingressesRoutingTo(service).isEmpty()));
    }

    /** Every object; filter with {@code kind} and {@code apiVersion}. */
    public static KindSelector objects() {
        return new KindSelector("objects", TargetKind.OBJECT, null, null, null, null);
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
    public TargetKind yields() {
        return yields;
    }

    @Override
    public Map<String, Filter> filters() {
        Map<String, Filter> filters = Facts.ordered(
                "apiVersion", Filter.strings("the object's apiVersion", "v1"));
        if (kind == null) {
            filters = Facts.plus(filters, "kind", Filter.strings("the object's kind", "Secret"));
        }
        if (mcpFilter != null) {
            filters = Facts.plus(filters,
                    mcpFilter, Filter.bool(MCP_FILTERS.get(mcpFilter)),
                    "sessionsInMemory", Filter.bool("a related MCP server keeps sessions in memory"));
        }
        for (String flag : flags.keySet()) {
            filters = Facts.plus(filters, flag, Filter.bool(FLAGS.get(flag)));
        }
        return filters;
    }

    private static final Map<String, String> MCP_FILTERS = Map.of(
            "scalesMcpServer", "its scaleTargetRef is an MCP server of the render",
            "coversMcpServer", "it selects the pods of an MCP server",
            "selectsMcpServer", "it selects the pods of an MCP server");

    private static final Map<String, String> FLAGS = Map.of(
            "besideUncoveredMcpServer", "its namespace holds a long-running MCP server no budget covers (which"
                    + " covered-by-pdb already reports)",
            "routed", "an Ingress of the render names it as a backend");

    private static final Map<String, String> PLACEHOLDER_MEANINGS = Map.of(
            "scaleTarget", "the workload its scaleTargetRef names, or \"none\"",
            "coveredWorkloads", "the workloads whose pods it selects, or \"none\"",
            "selectedWorkloads", "the workloads whose pods it selects, or \"none\"");

    @Override
    public Map<String, String> placeholders() {
        if (placeholder == null) {
            return Map.of();
        }
        Map<String, String> placeholders = Facts.ordered(placeholder, PLACEHOLDER_MEANINGS.get(placeholder),
                "sessionReason", "why a related MCP server keeps sessions in memory, else empty");
        return flags.containsKey("routed")
                ? Facts.plus(placeholders, "routes", "the Ingresses naming it, or \"no route\"") : placeholders;
    }

    @Override
    public MechanismDoc doc() {
        return switch (name) {
            case "hpas" -> new MechanismDoc("Each HorizontalPodAutoscaler, related to the workload its"
                    + " scaleTargetRef names.", "target: hpas\nscope: mcp-server\nwhere: {scalesMcpServer: true}");
            case "pdbs" -> new MechanismDoc("Each PodDisruptionBudget, related to the workloads whose pods it"
                    + " selects.", "target: pdbs\nwhere: {besideUncoveredMcpServer: false}");
            case "services" -> new MechanismDoc("Each Service, related to the workloads whose pods it selects.",
                    "target: services\nwhere: {apiVersion: [v1]}");
            default -> new MechanismDoc("Every object of the render, in input order.",
                    "target: objects\nwhere: {kind: [Secret], apiVersion: [v1]}");
        };
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
                context.graph().ingressesRoutingTo(object).forEach(route -> routes.add(route.displayName()));
                placeholders.put("routes", routes.isEmpty() ? "no route" : MessageLists.join(routes, 3));
            }
            targets.add(Target.of(object, null, placeholders));
        }
        return targets;
    }

    /** Why a related MCP server keeps sessions in memory ({@link SessionState}), or null when none does. */
    private static String sessionsInMemoryReason(EvaluationContext context, List<Workload> workloads) {
        for (Workload workload : workloads) {
            SessionState state = context.facts().sessionState(workload);
            if (state.inMemory() && context.graph().isMcpServer(workload)) {
                return workload.object().displayName() + ": " + state.reason();
            }
        }
        return null;
    }
}

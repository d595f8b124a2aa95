package dev.mcpolicy.graph;

import dev.mcpolicy.manifest.ManifestDocument;

import java.util.List;
import java.util.Optional;

/**
 * One model of the whole render, built once, that rules query. Relations are resolved through
 * indexes (by namespace+kind+name, by namespace+label) so building stays near-linear in the object count.
 *
 * <p>API contract shared by the engine and the reports; implemented in this package.
 */
public interface ResourceGraph {

    /** Builds the graph; {@code releaseNamespace} is the namespace of objects that set none (default "default"). */
    static ResourceGraph build(List<ManifestDocument> documents, String releaseNamespace) {
        return GraphBuilder.build(documents, releaseNamespace);
    }

    /** As above, with the repository's own MCP-server markers besides the built-in ones. */
    static ResourceGraph build(List<ManifestDocument> documents, String releaseNamespace, McpMarkers markers) {
        return GraphBuilder.build(documents, releaseNamespace, markers);
    }

    /** Every object, in input order ({@code kind: List} items expanded). */
    List<K8sObject> objects();

    /** Objects of one kind (exact, case-sensitive Kubernetes kind), in input order. */
    List<K8sObject> ofKind(String kind);

    /**
     * The object of that kind, namespace and name (the last one when the render repeats it); the namespace is
     * ignored for cluster-scoped kinds. The namespace must be the effective one: null does not mean the release's.
     */
    Optional<K8sObject> find(String kind, String namespace, String name);

    /**
     * Objects whose identity (API group, kind, namespace, name) a later object reuses, in input order. Like
     * {@code kubectl apply}, the graph lets the last copy win: only it is found by name or selected.
     */
    List<K8sObject> overridden();

    /** Every workload, in input order. */
    List<Workload> workloads();

    Optional<Workload> workload(K8sObject object);

    /** One decision per workload, in input order: is it an MCP server, and why. */
    List<McpDecision> mcpDecisions();

    boolean isMcpServer(Workload workload);

    List<Workload> mcpServers();

    /**
     * True when no workload carries an MCP marker and the long-running workloads are MCP servers only by that
     * fallback: the rules then speak with less certainty (the engine lowers their errors to warnings).
     */
    boolean mcpServersInferred();

    /** Workloads in the Service's namespace whose pod labels match its selector (none for a selector-less Service). */
    List<Workload> selectedBy(K8sObject service);

    List<K8sObject> servicesSelecting(Workload workload);

    /**
     * The selector of a Service or PodDisruptionBudget as the graph read it (empty for other objects); an invalid
     * one selects nothing and says why in {@link LabelSelector#problem()}.
     */
    Optional<LabelSelector> selector(K8sObject serviceOrPdb);

    /**
     * Every route of the render in input order: Ingresses and the custom route kinds (Traefik IngressRoute, NGINX
     * VirtualServer/VirtualServerRoute, Istio VirtualService, Gateway API HTTPRoute, Contour HTTPProxy).
     */
    List<K8sObject> routes();

    /**
     * Backends of a route in document order: an Ingress's rules' paths and defaultBackend, the Service references
     * of the custom route kinds (see {@link #routeRules}).
     */
    List<Backend> backends(K8sObject route);

    /** The rules of a custom route kind with their backends; empty for an Ingress and for other objects. */
    List<RouteRule> routeRules(K8sObject route);

    /**
     * Objects that configure the route's traffic (Middlewares, ServersTransports, BackendConfigs, DestinationRules,
     * the backend Services), with where they are referenced; a reference the render cannot resolve has no target.
     */
    List<Attachment> attachments(K8sObject route);

    /** MCP server workloads reached through the route's backends' Services. */
    List<Workload> mcpServersBehind(K8sObject route);

    /**
     * Backends of an Ingress that lead to an MCP endpoint outside the render: the path names one (a word {@code mcp}
     * or {@code sse}, as in {@code /mcp} or {@code /github/sse}) and its Service is not in the render (another
     * release's server). Empty for other routes.
     */
    List<Backend> mcpBackendsOutsideRender(K8sObject route);

    /** MCP server workloads the backend's Service selects. */
    List<Workload> mcpServersBehind(Backend backend);

    /**
     * Which controller serves a route. An Ingress: ingress class field, legacy annotation, the render's default
     * IngressClass, or assumed ingress-nginx. A custom route kind: its controller (IngressRoute traefik,
     * VirtualServer nginx-inc, VirtualService istio, HTTPProxy contour). An HTTPRoute: the implementation its
     * parent Gateway's GatewayClass names when the render shows it, else {@code gateway-api}. {@code unknown}
     * otherwise.
     */
    IngressController controller(K8sObject route);

    /** The workload an HPA's scaleTargetRef names, when it is in the render. */
    Optional<Workload> hpaTarget(K8sObject hpa);

    List<K8sObject> hpasScaling(Workload workload);

    /** PodDisruptionBudgets in the workload's namespace whose selector matches its pod labels. */
    List<K8sObject> pdbsCovering(Workload workload);

    List<Workload> coveredBy(K8sObject pdb);

    // ---- lookups rules ask per object, built once on first use ----

    /** The MCP-server decision of one of this graph's workloads. */
    Optional<McpDecision> mcpDecision(Workload workload);

    /** Objects of any kind with this namespace (null: none) and name, in input order. */
    List<K8sObject> objectsNamed(String namespace, String name);

    /** Objects of one kind in one namespace (null: none), in input order, duplicates included. */
    List<K8sObject> ofKindIn(String kind, String namespace);

    /** Ingresses whose backends name this Service, in input order; empty when none. */
    List<K8sObject> ingressesRoutingTo(K8sObject service);

    /**
     * True when the namespace holds a long-running MCP server that no PodDisruptionBudget covers (the
     * {@code pdb-coverage} finding on that server already names the budgets of the namespace).
     */
    boolean hasUncoveredMcpServerIn(String namespace);

    /** True when the render runs any workload in the namespace. */
    boolean hasWorkloadsIn(String namespace);

    /** Workloads of the namespace whose pod labels have this key, in input order. */
    List<Workload> workloadsWithPodLabelKey(String namespace, String key);

    /** PodDisruptionBudgets of the namespace whose matchLabels hold key=value, in input order. */
    List<K8sObject> pdbsWithMatchLabel(String namespace, String key, String value);

    /**
     * PodDisruptionBudgets of any namespace whose first matchLabels entry (by key) is key=value: each budget is listed
     * under one label only, so candidates gathered over several labels do not repeat it.
     */
    List<K8sObject> pdbsByFirstMatchLabel(String key, String value);

    /** PodDisruptionBudgets whose selector has no matchLabels (only expressions, or none). */
    List<K8sObject> pdbsWithoutMatchLabels();

    /**
     * True when an operator may create pods for the selector from a custom resource of the namespace: a label value
     * names a custom resource there, or a custom resource's pod template labels match.
     */
    boolean operatorMayCreatePodsFor(String namespace, LabelSelector selector);
}

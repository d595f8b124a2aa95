package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@link ResourceGraph}, with every relation resolved once at build time through hash indexes.
 *
 * <p><b>Duplicates.</b> Objects with the same identity (API group, kind, namespace, name) all stay in
 * {@link #objects()}, {@link #workloads()} and {@link #mcpDecisions()}, so rules still see each copy. Like
 * {@code kubectl apply}, the last copy wins: only it can be found by name ({@link #find}, HPA targets, Ingress
 * backends) and only it is selected by Services and PDBs. Questions about an earlier copy are still answered for
 * that copy's own content (its selector, its pod labels).
 *
 * <p>Objects are keyed by identity ({@code ==}), since record equality would compare whole documents. An equal
 * object that did not come from this graph is looked up by its identity and answers as the copy that won.
 */
final class IndexedResourceGraph implements ResourceGraph {
    private final List<K8sObject> objects;
    private final Map<K8sObject, Integer> ordinals = new IdentityHashMap<>();
    private final Map<String, K8sObject> winnerByIdentity = new HashMap<>();
    /** The winners again, by instance: asked for every object, without building its identity key each time. */
    private final Set<K8sObject> winners = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, List<K8sObject>> objectsByKind = new HashMap<>();
    private final Map<String, K8sObject> winnerByKindNamespaceName = new HashMap<>();

    private final List<Workload> workloads = new ArrayList<>();
    private final Map<K8sObject, Workload> workloadByObject = new IdentityHashMap<>();
    private final Map<String, Workload> winningWorkloadByKindNamespaceName = new HashMap<>();
    private final WorkloadLabelIndex labelIndex = new WorkloadLabelIndex();

    private final Map<K8sObject, LabelSelector> selectors = new IdentityHashMap<>();
    private final Map<K8sObject, List<Workload>> selectedWorkloads = new IdentityHashMap<>();
    private final Map<String, List<K8sObject>> winningServicesByNamespace = new HashMap<>();
    private final Map<String, List<K8sObject>> winningPdbsByNamespace = new HashMap<>();
    private final Map<K8sObject, List<K8sObject>> servicesByWorkload = new IdentityHashMap<>();
    private final Map<K8sObject, List<K8sObject>> pdbsByWorkload = new IdentityHashMap<>();

    private final Map<K8sObject, Workload> hpaTargets = new IdentityHashMap<>();
    private final Map<String, List<K8sObject>> hpasByTargetKey = new HashMap<>();

    private final Map<K8sObject, List<Backend>> backendsByRoute = new IdentityHashMap<>();
    private final Map<K8sObject, IngressController> controllers = new IdentityHashMap<>();
    private final List<K8sObject> routes = new ArrayList<>();
    private final Map<K8sObject, List<RouteRule>> rulesByRoute = new IdentityHashMap<>();
    private final Map<K8sObject, List<Attachment>> attachmentsByRoute = new IdentityHashMap<>();

    private final List<McpDecision> decisions;
    private final Map<K8sObject, McpDecision> decisionByObject = new IdentityHashMap<>();
    private final List<Workload> mcpServers = new ArrayList<>();
    private final boolean mcpInferred;
    private final LookupIndexes lookups = new LookupIndexes(this);

    IndexedResourceGraph(List<K8sObject> objects) {
        this(objects, McpMarkers.NONE);
    }

    IndexedResourceGraph(List<K8sObject> objects, McpMarkers markers) {
        this.objects = List.copyOf(objects);
        indexObjects();
        indexWorkloads();
        resolveSelectors();
        resolveHpas();
        resolveIngresses();
        resolveRoutes();
        Map<K8sObject, String> endpointReferences = McpEndpointReferences.find(objects, (namespace, name) -> {
            K8sObject service = winnerByKindNamespaceName.get(nameKey("Service", namespace, name));
            return service != null && KubernetesKinds.isBuiltIn(service, "Service") ? service : null;
        }, service -> selectedWorkloads.getOrDefault(service, List.of()).stream().filter(Workload::longRunning).toList());
        decisions = List.copyOf(McpServerDetector.decide(workloads, endpointReferences, markers));
        for (McpDecision decision : decisions) {
            decisionByObject.put(decision.workload().object(), decision);
            if (decision.mcpServer()) {
                mcpServers.add(decision.workload());
            }
        }
        mcpInferred = decisions.stream().anyMatch(McpServerDetector::inferred);
    }

    // ---- building ----

    private void indexObjects() {
        for (int i = 0; i < objects.size(); i++) {
            K8sObject object = objects.get(i);
            ordinals.put(object, i);
            winnerByIdentity.put(identityKey(object), object);
            objectsByKind.computeIfAbsent(object.kind(), kind -> new ArrayList<>()).add(object);
            winnerByKindNamespaceName.put(nameKey(object.kind(), object.namespace(), object.name()), object);
        }
        winners.addAll(winnerByIdentity.values());
    }

    private void indexWorkloads() {
        for (K8sObject object : objects) {
            WorkloadFactory.from(object).ifPresent(workload -> {
                workloads.add(workload);
                workloadByObject.put(object, workload);
                if (isWinner(object)) {
                    labelIndex.add(workload);
                    winningWorkloadByKindNamespaceName.put(nameKey(object), workload);
                }
            });
        }
    }

    private void resolveSelectors() {
        for (K8sObject object : objects) {
            if (KubernetesKinds.isBuiltIn(object, "Service")) {
                JsonNode selector = object.node().path("spec").path("selector");
                resolveSelector(object, LabelSelector.parseServiceSelector(selector),
                        winningServicesByNamespace, servicesByWorkload);
            } else if (KubernetesKinds.isBuiltIn(object, "PodDisruptionBudget")) {
                // policy/v1beta1 read an empty selector as "no pods"; policy/v1 reads it as "every pod".
                boolean emptySelectsEverything = !object.apiVersion().equals("policy/v1beta1");
                JsonNode selector = object.node().path("spec").path("selector");
                resolveSelector(object, LabelSelector.parse(selector, emptySelectsEverything),
                        winningPdbsByNamespace, pdbsByWorkload);
            }
        }
    }

    private void resolveSelector(K8sObject selecting, LabelSelector selector,
                                 Map<String, List<K8sObject>> winnersByNamespace,
                                 Map<K8sObject, List<K8sObject>> reverse) {
        selectors.put(selecting, selector);
        List<Workload> selected = labelIndex.select(selecting.namespace(), selector);
        selectedWorkloads.put(selecting, Collections.unmodifiableList(selected));
        if (isWinner(selecting)) {
            winnersByNamespace.computeIfAbsent(selecting.namespace(), ns -> new ArrayList<>()).add(selecting);
            for (Workload workload : selected) {
                reverse.computeIfAbsent(workload.object(), w -> new ArrayList<>()).add(selecting);
            }
        }
    }

    private void resolveHpas() {
        for (K8sObject hpa : ofKind("HorizontalPodAutoscaler")) {
            if (!KubernetesKinds.isBuiltIn(hpa, "HorizontalPodAutoscaler")) {
                continue;
            }
            JsonNode targetRef = hpa.node().path("spec").path("scaleTargetRef");
            String kind = ObjectExtractor.text(targetRef.path("kind"));
            String name = ObjectExtractor.text(targetRef.path("name"));
            if (kind == null || name == null) {
                continue;
            }
            String targetKey = nameKey(kind, hpa.namespace(), name);
            Workload target = winningWorkloadByKindNamespaceName.get(targetKey);
            if (target != null) {
                hpaTargets.put(hpa, target);
            }
            if (isWinner(hpa)) {
                hpasByTargetKey.computeIfAbsent(targetKey, key -> new ArrayList<>()).add(hpa);
            }
        }
    }

    private void resolveIngresses() {
        IngressControllerResolver resolver = new IngressControllerResolver(
                name -> winnerByKindNamespaceName.get(nameKey("IngressClass", null, name)),
                ofKind("IngressClass"));
        for (K8sObject ingress : ofKind("Ingress")) {
            if (!KubernetesKinds.isBuiltIn(ingress, "Ingress")) {
                continue;
            }
            List<Backend> backends = IngressBackends.read(ingress, serviceName -> {
                K8sObject service = winnerByKindNamespaceName.get(nameKey("Service", ingress.namespace(), serviceName));
                return service != null && KubernetesKinds.isBuiltIn(service, "Service") ? service : null;
            });
            backendsByRoute.put(ingress, List.copyOf(backends));
            controllers.put(ingress, resolver.resolve(ingress));
        }
    }

    /**
     * Every route kind (Ingress included): rules, backends, controller and attached objects. Only the copy of a
     * route that wins is resolved against the winners of other kinds, like Ingresses above.
     */
    private void resolveRoutes() {
        RouteBackends.ServiceLookup services = (namespace, name) -> {
            K8sObject service = winnerByKindNamespaceName.get(nameKey("Service", namespace, name));
            return service != null && KubernetesKinds.isBuiltIn(service, "Service") ? service : null;
        };
        GatewayImplementations.Lookup lookup = (kind, namespace, name) ->
                winnerByKindNamespaceName.get(nameKey(kind, namespace, name));
        GatewayImplementations gateways = new GatewayImplementations(lookup);
        AttachmentResolver attachments = new AttachmentResolver(lookup, objects);
        for (K8sObject route : objects) {
            if (!RouteKinds.isRoute(route)) {
                continue;
            }
            routes.add(route);
            if (route.kind().equals("Ingress")) {
                RouteRule whole = new RouteRule(route, "", backendsByRoute.getOrDefault(route, List.of()));
                rulesByRoute.put(route, List.of());
                attachmentsByRoute.put(route, attachments.resolve(route, List.of(whole)));
                continue;
            }
            List<RouteRule> rules = RouteBackends.read(route, services);
            List<Backend> backends = new ArrayList<>();
            rules.forEach(rule -> backends.addAll(rule.backends()));
            rulesByRoute.put(route, rules);
            backendsByRoute.put(route, List.copyOf(backends));
            IngressController fixed = RouteKinds.fixedController(route);
            controllers.put(route, fixed != null ? fixed : gateways.resolve(route));
            attachmentsByRoute.put(route, attachments.resolve(route, rules));
        }
    }

    private static String identityKey(K8sObject object) {
        return KubernetesKinds.identityGroup(object) + '\0' + nameKey(object);
    }

    private static String nameKey(K8sObject object) {
        return nameKey(object.kind(), object.namespace(), object.name());
    }

    private static String nameKey(String kind, String namespace, String name) {
        String scope = KubernetesKinds.isClusterScoped(kind) || namespace == null ? "" : namespace;
        return kind + '\0' + scope + '\0' + name;
    }

    private boolean isWinner(K8sObject object) {
        return winners.contains(object);
    }

    /** The graph's own instance for {@code object}, or null when the graph has no such object. */
    private K8sObject own(K8sObject object) {
        if (object == null) {
            return null;
        }
        return ordinals.containsKey(object) ? object : winnerByIdentity.get(identityKey(object));
    }

    private Workload own(Workload workload) {
        return workload == null ? null : workloadByObject.get(own(workload.object()));
    }

    // ---- queries ----

    @Override
    public List<K8sObject> objects() {
        return objects;
    }

    @Override
    public List<K8sObject> ofKind(String kind) {
        List<K8sObject> ofKind = objectsByKind.get(kind);
        return ofKind == null ? List.of() : Collections.unmodifiableList(ofKind);
    }

    /** The last object of that kind, namespace and name; the namespace is ignored for cluster-scoped kinds. */
    @Override
    public Optional<K8sObject> find(String kind, String namespace, String name) {
        return Optional.ofNullable(winnerByKindNamespaceName.get(nameKey(kind, namespace, name)));
    }

    @Override
    public List<Workload> workloads() {
        return Collections.unmodifiableList(workloads);
    }

    @Override
    public Optional<Workload> workload(K8sObject object) {
        return Optional.ofNullable(workloadByObject.get(own(object)));
    }

    @Override
    public boolean mcpServersInferred() {
        return mcpInferred;
    }

    @Override
    public List<McpDecision> mcpDecisions() {
        return decisions;
    }

    @Override
    public boolean isMcpServer(Workload workload) {
        Workload own = own(workload);
        McpDecision decision = own == null ? null : decisionByObject.get(own.object());
        return decision != null && decision.mcpServer();
    }

    @Override
    public List<Workload> mcpServers() {
        return Collections.unmodifiableList(mcpServers);
    }

    @Override
    public List<Workload> selectedBy(K8sObject service) {
        K8sObject own = own(service);
        return own != null && own.kind().equals("Service") ? selectedWorkloads.getOrDefault(own, List.of()) : List.of();
    }

    @Override
    public List<K8sObject> servicesSelecting(Workload workload) {
        return selecting(workload, servicesByWorkload, winningServicesByNamespace);
    }

    @Override
    public List<K8sObject> pdbsCovering(Workload workload) {
        return selecting(workload, pdbsByWorkload, winningPdbsByNamespace);
    }

    @Override
    public List<Workload> coveredBy(K8sObject pdb) {
        K8sObject own = own(pdb);
        return own != null && own.kind().equals("PodDisruptionBudget")
                ? selectedWorkloads.getOrDefault(own, List.of()) : List.of();
    }

    /**
     * Winning workloads are answered from the reverse index; an overridden duplicate is matched on demand against
     * the winning selectors of its namespace (rare, so a scan is fine).
     */
    private List<K8sObject> selecting(Workload workload, Map<K8sObject, List<K8sObject>> reverse,
                                      Map<String, List<K8sObject>> winnersByNamespace) {
        Workload own = own(workload);
        if (own == null) {
            return List.of();
        }
        if (isWinner(own.object())) {
            List<K8sObject> selecting = reverse.get(own.object());
            return selecting == null ? List.of() : Collections.unmodifiableList(selecting);
        }
        List<K8sObject> selecting = new ArrayList<>();
        for (K8sObject candidate : winnersByNamespace.getOrDefault(own.object().namespace(), List.of())) {
            if (selectors.get(candidate).matches(own.podLabels())) {
                selecting.add(candidate);
            }
        }
        return Collections.unmodifiableList(selecting);
    }

    @Override
    public List<Backend> backends(K8sObject route) {
        K8sObject own = own(route);
        return own == null ? List.of() : backendsByRoute.getOrDefault(own, List.of());
    }

    @Override
    public List<K8sObject> routes() {
        return Collections.unmodifiableList(routes);
    }

    @Override
    public List<RouteRule> routeRules(K8sObject route) {
        K8sObject own = own(route);
        return own == null ? List.of() : rulesByRoute.getOrDefault(own, List.of());
    }

    @Override
    public List<Attachment> attachments(K8sObject route) {
        K8sObject own = own(route);
        return own == null ? List.of() : attachmentsByRoute.getOrDefault(own, List.of());
    }

    @Override
    public List<Workload> mcpServersBehind(Backend backend) {
        if (backend == null || backend.service() == null) {
            return List.of();
        }
        List<Workload> servers = new ArrayList<>();
        for (Workload workload : selectedBy(backend.service())) {
            if (isMcpServer(workload)) {
                servers.add(workload);
            }
        }
        return servers;
    }

    @Override
    public List<Backend> mcpBackendsOutsideRender(K8sObject route) {
        K8sObject own = own(route);
        if (own == null || !KubernetesKinds.isBuiltIn(own, "Ingress")) {
            return List.of();
        }
        List<Backend> outside = new ArrayList<>();
        for (Backend backend : backends(own)) {
            if (backend.service() != null || !backend.pointer().endsWith("/backend")) {
                continue;
            }
            String pathPointer = backend.pointer().substring(0, backend.pointer().length() - "/backend".length()) + "/path";
            String path = ObjectExtractor.text(own.node().at(pathPointer));
            if (path != null && McpEndpointReferences.isMcpPath(path)) {
                outside.add(backend);
            }
        }
        return outside;
    }

    @Override
    public List<Workload> mcpServersBehind(K8sObject route) {
        Map<Integer, Workload> behind = new TreeMap<>();
        for (Backend backend : backends(route)) {
            if (backend.service() == null) {
                continue;
            }
            for (Workload workload : selectedBy(backend.service())) {
                if (isMcpServer(workload)) {
                    behind.put(ordinals.get(workload.object()), workload);
                }
            }
        }
        return List.copyOf(behind.values());
    }

    @Override
    public IngressController controller(K8sObject route) {
        K8sObject own = own(route);
        IngressController controller = own == null ? null : controllers.get(own);
        if (controller != null) {
            return controller;
        }
        if (route != null && KubernetesKinds.group(route.apiVersion()).equals("gateway.networking.k8s.io")) {
            return new IngressController("gateway-api", false, route.kind() + " is served by its parent Gateway");
        }
        String what = route == null ? "nothing" : route.displayName();
        return new IngressController("unknown", false, what + " is not a route of the render");
    }

    @Override
    public Optional<Workload> hpaTarget(K8sObject hpa) {
        K8sObject own = own(hpa);
        return own == null ? Optional.empty() : Optional.ofNullable(hpaTargets.get(own));
    }

    @Override
    public List<K8sObject> hpasScaling(Workload workload) {
        Workload own = own(workload);
        if (own == null) {
            return List.of();
        }
        List<K8sObject> hpas = hpasByTargetKey.get(nameKey(own.object()));
        return hpas == null ? List.of() : Collections.unmodifiableList(hpas);
    }

    @Override
    public Optional<LabelSelector> selector(K8sObject serviceOrPdb) {
        K8sObject own = own(serviceOrPdb);
        return own == null ? Optional.empty() : Optional.ofNullable(selectors.get(own));
    }

    @Override
    public List<K8sObject> overridden() {
        List<K8sObject> overridden = new ArrayList<>();
        for (K8sObject object : objects) {
            if (!isWinner(object)) {
                overridden.add(object);
            }
        }
        return overridden;
    }

    @Override
    public Optional<McpDecision> mcpDecision(Workload workload) {
        Workload own = own(workload);
        return own == null ? Optional.empty() : Optional.ofNullable(decisionByObject.get(own.object()));
    }

    @Override
    public List<K8sObject> objectsNamed(String namespace, String name) {
        return lookups.objectsNamed(namespace, name);
    }

    @Override
    public List<K8sObject> ofKindIn(String kind, String namespace) {
        return lookups.ofKindIn(kind, namespace);
    }

    @Override
    public List<K8sObject> ingressesRoutingTo(K8sObject service) {
        return lookups.ingressesRoutingTo(own(service));
    }

    @Override
    public boolean hasUncoveredMcpServerIn(String namespace) {
        return lookups.hasUncoveredMcpServerIn(namespace);
    }

    @Override
    public boolean hasWorkloadsIn(String namespace) {
        return lookups.hasWorkloadsIn(namespace);
    }

    @Override
    public List<Workload> workloadsWithPodLabelKey(String namespace, String key) {
        return lookups.workloadsWithPodLabelKey(namespace, key);
    }

    @Override
    public List<K8sObject> pdbsWithMatchLabel(String namespace, String key, String value) {
        return lookups.pdbsWithMatchLabel(namespace, key, value);
    }

    @Override
    public List<K8sObject> pdbsByFirstMatchLabel(String key, String value) {
        return lookups.pdbsByFirstMatchLabel(key, value);
    }

    @Override
    public List<K8sObject> pdbsWithoutMatchLabels() {
        return lookups.pdbsWithoutMatchLabels();
    }

    @Override
    public boolean operatorMayCreatePodsFor(String namespace, LabelSelector selector) {
        return lookups.operatorMayCreatePodsFor(namespace, selector);
    }
}

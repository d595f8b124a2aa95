package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpolicy.manifest.JsonPointers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what configures a route's traffic besides the route itself (see {@link Attachment}):
 * <ul>
 *   <li>Traefik Middlewares: {@code routes[].middlewares[]} of an IngressRoute, the
 *       {@code traefik.ingress.kubernetes.io/router.middlewares} annotation of an Ingress
 *       ({@code <namespace>-<name>@kubernetescrd}, comma-separated), and the members of {@code chain} Middlewares;</li>
 *   <li>Traefik ServersTransports: {@code services[].serversTransport} of an IngressRoute and the Service annotation
 *       {@code traefik.ingress.kubernetes.io/service.serverstransport};</li>
 *   <li>GKE BackendConfigs: the Service annotation {@code cloud.google.com/backend-config} (or its {@code beta.}
 *       form), a JSON object with {@code default} and per-port ({@code ports}, by port name or number) names;</li>
 *   <li>Istio DestinationRules whose {@code host} is the backend Service;</li>
 *   <li>the backend Service itself.</li>
 * </ul>
 * Every index is built once, so resolving all routes stays linear in the number of references.
 */
final class AttachmentResolver {
    static final String ROUTER_MIDDLEWARES = "traefik.ingress.kubernetes.io/router.middlewares";
    static final String SERVICE_TRANSPORT = "traefik.ingress.kubernetes.io/service.serverstransport";
    static final List<String> BACKEND_CONFIG = List.of("cloud.google.com/backend-config",
            "beta.cloud.google.com/backend-config");
    private static final Set<String> TRAEFIK_GROUPS = Set.of(RouteKinds.TRAEFIK_GROUP, RouteKinds.TRAEFIK_LEGACY_GROUP);
    private static final int MAX_CHAIN_DEPTH = 8;

    private final GatewayImplementations.Lookup lookup;
    private final Map<String, K8sObject> middlewaresByDashedName = new HashMap<>();
    private final Map<String, K8sObject> transportsByDashedName = new HashMap<>();
    private final Map<String, List<K8sObject>> destinationRulesByHost = new HashMap<>();

    /**
     * @param lookup  finds the winning object of a kind, namespace and name
     * @param objects every object of the render, in input order (later copies win the dashed-name indexes)
     */
    AttachmentResolver(GatewayImplementations.Lookup lookup, List<K8sObject> objects) {
        this.lookup = lookup;
        for (K8sObject object : objects) {
            if (RouteKinds.isKindOf(object, "Middleware", TRAEFIK_GROUPS)) {
                middlewaresByDashedName.put(object.namespace() + "-" + object.name(), object);
            } else if (RouteKinds.isKindOf(object, "ServersTransport", TRAEFIK_GROUPS)) {
                transportsByDashedName.put(object.namespace() + "-" + object.name(), object);
            } else if (RouteKinds.isKindOf(object, "DestinationRule", Set.of("networking.istio.io"))) {
                RouteBackends.ServiceHost host = RouteBackends.ServiceHost.parse(
                        ObjectExtractor.text(object.node().path("spec").path("host")), object.namespace());
                if (host != null) {
                    destinationRulesByHost.computeIfAbsent(host.fqdn(), h -> new ArrayList<>()).add(object);
                }
            }
        }
    }

    /**
     * @param rules the route's rules; for an Ingress one rule with a null pointer holding all its backends
     */
    List<Attachment> resolve(K8sObject route, List<RouteRule> rules) {
        Map<String, Attachment> found = new LinkedHashMap<>();
        if (route.kind().equals("Ingress")) {
            String annotation = StringMaps.annotations(route.node()).get(ROUTER_MIDDLEWARES);
            String pointer = "/metadata/annotations/" + JsonPointers.escape(ROUTER_MIDDLEWARES);
            if (annotation != null) {
                for (String reference : annotation.split(",")) {
                    if (!reference.isBlank()) {
                        addMiddleware(found, route, route, pointer, null, byDashedName(middlewaresByDashedName,
                                reference.trim()), reference.trim(), route.namespace(), 0);
                    }
                }
            }
        }
        if (RouteKinds.isKindOf(route, "IngressRoute", TRAEFIK_GROUPS)) {
            ingressRouteReferences(route, found);
        }
        for (RouteRule rule : rules) {
            String rulePointer = route.kind().equals("Ingress") ? null : rule.pointer();
            for (Backend backend : rule.backends()) {
                K8sObject service = backend.service();
                if (service != null) {
                    add(found, new Attachment(route, route, backend.pointer(), "Service", service.namespace(),
                            service.name(), rulePointer, service));
                    serviceReferences(route, service, backend, rulePointer, found);
                }
            }
        }
        return List.copyOf(found.values());
    }

    private void ingressRouteReferences(K8sObject route, Map<String, Attachment> found) {
        JsonNode routes = route.node().path("spec").path("routes");
        for (int r = 0; routes.isArray() && r < routes.size(); r++) {
            String rulePointer = "/spec/routes/" + r;
            JsonNode middlewares = routes.get(r).path("middlewares");
            for (int m = 0; middlewares.isArray() && m < middlewares.size(); m++) {
                JsonNode reference = middlewares.get(m);
                String name = ObjectExtractor.text(reference.path("name"));
                if (name == null) {
                    continue;
                }
                String namespace = ObjectExtractor.text(reference.path("namespace"));
                namespace = namespace == null ? route.namespace() : namespace;
                K8sObject target = name.contains("@") ? byDashedName(middlewaresByDashedName, name)
                        : traefik("Middleware", namespace, name);
                addMiddleware(found, route, route, rulePointer + "/middlewares/" + m, rulePointer, target, name,
                        namespace, 0);
            }
            JsonNode services = routes.get(r).path("services");
            for (int s = 0; services.isArray() && s < services.size(); s++) {
                String transport = ObjectExtractor.text(services.get(s).path("serversTransport"));
                if (transport != null) {
                    K8sObject target = transport.contains("@") ? byDashedName(transportsByDashedName, transport)
                            : traefik("ServersTransport", route.namespace(), transport);
                    add(found, new Attachment(route, route, rulePointer + "/services/" + s + "/serversTransport",
                            "ServersTransport", route.namespace(), transport, rulePointer, target));
                }
            }
        }
    }

    private void serviceReferences(K8sObject route, K8sObject service, Backend backend, String rulePointer,
                                   Map<String, Attachment> found) {
        Map<String, String> annotations = StringMaps.annotations(service.node());
        String transport = annotations.get(SERVICE_TRANSPORT);
        if (transport != null && !transport.isBlank()) {
            String reference = transport.trim();
            K8sObject target = reference.contains("@") ? byDashedName(transportsByDashedName, reference)
                    : traefik("ServersTransport", service.namespace(), reference);
            add(found, new Attachment(route, service, "/metadata/annotations/" + JsonPointers.escape(SERVICE_TRANSPORT),
                    "ServersTransport", service.namespace(), reference, rulePointer, target));
        }
        for (String key : BACKEND_CONFIG) {
            String value = annotations.get(key);
            String name = value == null ? null : backendConfigName(value, service, backend);
            if (name != null) {
                K8sObject target = lookup.find("BackendConfig", service.namespace(), name);
                boolean gke = target != null && KubernetesKinds.group(target.apiVersion()).equals("cloud.google.com");
                add(found, new Attachment(route, service, "/metadata/annotations/" + JsonPointers.escape(key),
                        "BackendConfig", service.namespace(), name, rulePointer, gke ? target : null));
                break;
            }
        }
        String fqdn = service.name() + "." + service.namespace() + ".svc.cluster.local";
        for (K8sObject rule : destinationRulesByHost.getOrDefault(fqdn, List.of())) {
            add(found, new Attachment(route, rule, "/spec/host", "DestinationRule", rule.namespace(), rule.name(),
                    rulePointer, rule));
        }
    }

    /** The BackendConfig a GKE Service annotation names for the backend's port, else its default, else null. */
    private static String backendConfigName(String annotation, K8sObject service, Backend backend) {
        JsonNode config;
        try {
            config = AnnotationJson.MAPPER.readTree(annotation);
        } catch (Exception unreadable) {
            return null;
        }
        if (config == null || !config.isObject()) {
            return null;
        }
        JsonNode ports = config.path("ports");
        for (String key : portKeys(service, backend)) {
            String name = ObjectExtractor.text(ports.path(key));
            if (name != null) {
                return name;
            }
        }
        return ObjectExtractor.text(config.path("default"));
    }

    /** The name and number of the Service port the backend uses, as the annotation may key them. */
    private static List<String> portKeys(K8sObject service, Backend backend) {
        List<String> keys = new ArrayList<>();
        JsonNode ports = service.node().path("spec").path("ports");
        for (int i = 0; ports.isArray() && i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            String name = ObjectExtractor.text(port.path("name"));
            boolean matches = backend.portName() != null ? backend.portName().equals(name)
                    : backend.portNumber() == null || backend.portNumber() == port.path("port").asInt(-1);
            if (matches) {
                if (name != null) {
                    keys.add(name);
                }
                keys.add(port.path("port").asText());
            }
        }
        if (backend.portName() != null) {
            keys.add(backend.portName());
        }
        if (backend.portNumber() != null) {
            keys.add(String.valueOf(backend.portNumber()));
        }
        return keys;
    }

    private void addMiddleware(Map<String, Attachment> found, K8sObject route, K8sObject referrer, String pointer,
                               String rulePointer, K8sObject target, String name, String namespace, int depth) {
        boolean isNew = add(found, new Attachment(route, referrer, pointer, "Middleware", namespace, name, rulePointer,
                target));
        if (!isNew || target == null || depth >= MAX_CHAIN_DEPTH) {
            return;
        }
        JsonNode members = target.node().path("spec").path("chain").path("middlewares");
        for (int i = 0; members.isArray() && i < members.size(); i++) {
            String memberName = ObjectExtractor.text(members.get(i).path("name"));
            if (memberName == null) {
                continue;
            }
            String memberNamespace = ObjectExtractor.text(members.get(i).path("namespace"));
            memberNamespace = memberNamespace == null ? target.namespace() : memberNamespace;
            K8sObject member = memberName.contains("@") ? byDashedName(middlewaresByDashedName, memberName)
                    : traefik("Middleware", memberNamespace, memberName);
            addMiddleware(found, route, target, "/spec/chain/middlewares/" + i, rulePointer, member, memberName,
                    memberNamespace, depth + 1);
        }
    }

    private static boolean add(Map<String, Attachment> found, Attachment attachment) {
        String key = attachment.referrer().identity() + '\0' + attachment.pointer() + '\0' + attachment.kind() + '\0'
                + attachment.namespace() + '\0' + attachment.name() + '\0' + attachment.rulePointer();
        return found.putIfAbsent(key, attachment) == null;
    }

    private K8sObject traefik(String kind, String namespace, String name) {
        K8sObject object = lookup.find(kind, namespace, name);
        return object != null && TRAEFIK_GROUPS.contains(KubernetesKinds.group(object.apiVersion())) ? object : null;
    }

    /** {@code <namespace>-<name>@kubernetescrd}; references to other providers ({@code @file}) are not in the render. */
    private static K8sObject byDashedName(Map<String, K8sObject> index, String reference) {
        int at = reference.indexOf('@');
        if (at >= 0 && !reference.substring(at + 1).equals("kubernetescrd")) {
            return null;
        }
        return index.get(at >= 0 ? reference.substring(0, at) : reference);
    }

    /** Built on the first GKE annotation only: an ObjectMapper costs a small run tens of milliseconds to build. */
    private static final class AnnotationJson {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}

package dev.mcpolicy.graph;

import java.util.Map;
import java.util.Set;

/**
 * The route kinds the graph models and the API groups they belong to. A kind of another group that happens to share
 * the name (an App Mesh {@code VirtualService}, say) is not a route.
 */
final class RouteKinds {
    static final String TRAEFIK_GROUP = "traefik.io";
    static final String TRAEFIK_LEGACY_GROUP = "traefik.containo.us";
    static final String GATEWAY_GROUP = "gateway.networking.k8s.io";

    /** Kind → accepted API groups. */
    private static final Map<String, Set<String>> GROUPS = Map.of(
            "Ingress", Set.of("networking.k8s.io", "extensions"),
            "IngressRoute", Set.of(TRAEFIK_GROUP, TRAEFIK_LEGACY_GROUP),
            "VirtualServer", Set.of("k8s.nginx.org"),
            "VirtualServerRoute", Set.of("k8s.nginx.org"),
            "VirtualService", Set.of("networking.istio.io"),
            "HTTPRoute", Set.of(GATEWAY_GROUP),
            "HTTPProxy", Set.of("projectcontour.io"));

    /** Kinds in the order routes are listed: Ingress first, then the custom route kinds. */
    static final java.util.List<String> KINDS = java.util.List.of(
            "Ingress", "IngressRoute", "VirtualServer", "VirtualServerRoute", "VirtualService", "HTTPRoute", "HTTPProxy");

    private RouteKinds() {
    }

    static boolean isRoute(K8sObject object) {
        Set<String> groups = GROUPS.get(object.kind());
        return groups != null && groups.contains(KubernetesKinds.group(object.apiVersion()));
    }

    /** True when {@code object} is {@code kind} of one of {@code groups} (for CRDs such as Middleware). */
    static boolean isKindOf(K8sObject object, String kind, Set<String> groups) {
        return object.kind().equals(kind) && groups.contains(KubernetesKinds.group(object.apiVersion()));
    }

    /** The controller of a route kind that only one controller serves; null for Ingress and HTTPRoute. */
    static IngressController fixedController(K8sObject route) {
        return switch (route.kind()) {
            case "IngressRoute" -> new IngressController("traefik", false, "IngressRoute is a Traefik resource");
            case "VirtualServer", "VirtualServerRoute" -> new IngressController("nginx-inc", false,
                    route.kind() + " is a resource of F5 NGINX Ingress Controller");
            case "VirtualService" -> new IngressController("istio", false, "VirtualService is an Istio resource");
            case "HTTPProxy" -> new IngressController("contour", false, "HTTPProxy is a Contour resource");
            default -> null;
        };
    }
}

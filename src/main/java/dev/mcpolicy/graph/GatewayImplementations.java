package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Which implementation serves a Gateway API route: its {@code parentRefs} name Gateways, a Gateway names its
 * GatewayClass, and the GatewayClass's {@code spec.controllerName} tells the implementation. When the render does not
 * hold that chain (the platform owns the Gateway) or the controller is not one mcpolicy knows, the answer is the
 * generic {@code gateway-api}: explicit timeouts can still be judged, the implementation's defaults cannot.
 */
final class GatewayImplementations {
    static final String GENERIC = "gateway-api";

    /** controllerName prefixes → controller id. */
    private static final List<Map.Entry<String, String>> CONTROLLER_NAMES = List.of(
            Map.entry("istio.io/", "istio"),
            Map.entry("projectcontour.io/", "contour"),
            Map.entry("gateway.envoyproxy.io/", "envoy-gateway"),
            Map.entry("konghq.com/", "kong"),
            Map.entry("traefik.io/", "traefik"),
            Map.entry("gateway.nginx.org/", "nginx-gateway-fabric"),
            Map.entry("networking.gke.io/", "gke"));

    /** Finds an object by kind, namespace and name, or null. */
    interface Lookup {
        K8sObject find(String kind, String namespace, String name);
    }

    private final Lookup lookup;

    GatewayImplementations(Lookup lookup) {
        this.lookup = lookup;
    }

    IngressController resolve(K8sObject route) {
        JsonNode parents = route.node().path("spec").path("parentRefs");
        String firstGateway = null;
        for (int i = 0; parents.isArray() && i < parents.size(); i++) {
            JsonNode parent = parents.get(i);
            String kind = parent.path("kind").asText("Gateway");
            String group = parent.path("group").asText(RouteKinds.GATEWAY_GROUP);
            String name = ObjectExtractor.text(parent.path("name"));
            if (!kind.equals("Gateway") || !group.equals(RouteKinds.GATEWAY_GROUP) || name == null) {
                continue;
            }
            String namespace = ObjectExtractor.text(parent.path("namespace"));
            namespace = namespace == null ? route.namespace() : namespace;
            firstGateway = firstGateway == null ? "Gateway " + namespace + "/" + name : firstGateway;
            IngressController known = fromGateway(lookup.find("Gateway", namespace, name));
            if (known != null) {
                return known;
            }
        }
        String why = firstGateway == null
                ? route.kind() + " names no parent Gateway"
                : route.kind() + " attaches to " + firstGateway + ", whose implementation the render does not show";
        return new IngressController(GENERIC, false, why);
    }

    private IngressController fromGateway(K8sObject gateway) {
        if (gateway == null) {
            return null;
        }
        String className = ObjectExtractor.text(gateway.node().path("spec").path("gatewayClassName"));
        K8sObject gatewayClass = className == null ? null : lookup.find("GatewayClass", null, className);
        if (gatewayClass == null) {
            return null;
        }
        String controllerName = ObjectExtractor.text(gatewayClass.node().path("spec").path("controllerName"));
        if (controllerName == null) {
            return null;
        }
        String because = "Gateway " + gateway.namespace() + "/" + gateway.name() + " uses GatewayClass " + className
                + " with controllerName " + controllerName;
        for (Map.Entry<String, String> known : CONTROLLER_NAMES) {
            if (controllerName.startsWith(known.getKey())) {
                return new IngressController(known.getValue(), false, because);
            }
        }
        return new IngressController(GENERIC, false, because + ", which mcpolicy does not know");
    }
}

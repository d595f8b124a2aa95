package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rules and Service backends of the custom route kinds:
 * <ul>
 *   <li>Traefik {@code IngressRoute}: {@code spec.routes[].services[]} ({@code kind: Service}, the default; a
 *       TraefikService is skipped), {@code namespace} defaulting to the route's;</li>
 *   <li>NGINX {@code VirtualServer}/{@code VirtualServerRoute}: each {@code spec.upstreams[]} is a rule with one
 *       backend, its {@code service};</li>
 *   <li>Istio {@code VirtualService}: {@code spec.http[].route[].destination}, whose {@code host} names a Service as
 *       {@code svc}, {@code svc.ns} or {@code svc.ns.svc.cluster.local} (other hosts are outside the cluster);</li>
 *   <li>Gateway API {@code HTTPRoute}: {@code spec.rules[].backendRefs[]} of group "" and kind Service (the
 *       defaults);</li>
 *   <li>Contour {@code HTTPProxy}: {@code spec.routes[].services[]}; {@code includes} are not followed.</li>
 * </ul>
 */
final class RouteBackends {
    /** Finds a Service by namespace and name, or null. */
    interface ServiceLookup {
        K8sObject find(String namespace, String name);
    }

    private RouteBackends() {
    }

    static List<RouteRule> read(K8sObject route, ServiceLookup services) {
        JsonNode spec = route.node().path("spec");
        return switch (route.kind()) {
            case "IngressRoute" -> nested(route, spec.path("routes"), "/spec/routes", "services", services,
                    (ref, ns) -> isServiceRef(ref.path("kind"), null) ? ns(ref.path("namespace"), ns) : null,
                    ref -> ObjectExtractor.text(ref.path("name")), ref -> ref.path("port"));
            case "HTTPRoute" -> nested(route, spec.path("rules"), "/spec/rules", "backendRefs", services,
                    (ref, ns) -> isServiceRef(ref.path("kind"), ref.path("group")) ? ns(ref.path("namespace"), ns) : null,
                    ref -> ObjectExtractor.text(ref.path("name")), ref -> ref.path("port"));
            case "HTTPProxy" -> nested(route, spec.path("routes"), "/spec/routes", "services", services,
                    (ref, ns) -> ns, ref -> ObjectExtractor.text(ref.path("name")), ref -> ref.path("port"));
            case "VirtualServer", "VirtualServerRoute" -> upstreams(route, spec.path("upstreams"), services);
            case "VirtualService" -> istioHttp(route, spec.path("http"), services);
            default -> List.of();
        };
    }

    private interface NamespaceOf {
        /** The namespace the reference resolves in, or null when it does not name a Service. */
        String of(JsonNode reference, String routeNamespace);
    }

    private interface Field {
        Object read(JsonNode reference);
    }

    private static List<RouteRule> nested(K8sObject route, JsonNode rules, String rulesPointer, String listKey,
                                          ServiceLookup services, NamespaceOf namespaceOf, Field nameOf, Field portOf) {
        List<RouteRule> out = new ArrayList<>();
        if (!rules.isArray()) {
            return out;
        }
        for (int r = 0; r < rules.size(); r++) {
            String rulePointer = rulesPointer + "/" + r;
            List<Backend> backends = new ArrayList<>();
            JsonNode references = rules.get(r).path(listKey);
            for (int b = 0; references.isArray() && b < references.size(); b++) {
                JsonNode reference = references.get(b);
                String namespace = namespaceOf.of(reference, route.namespace());
                String name = (String) nameOf.read(reference);
                if (namespace == null || name == null) {
                    continue;
                }
                JsonNode port = (JsonNode) portOf.read(reference);
                backends.add(backend(route, rulePointer + "/" + listKey + "/" + b, namespace, name, port, services));
            }
            out.add(new RouteRule(route, rulePointer, backends));
        }
        return out;
    }

    private static List<RouteRule> upstreams(K8sObject route, JsonNode upstreams, ServiceLookup services) {
        List<RouteRule> out = new ArrayList<>();
        for (int u = 0; upstreams.isArray() && u < upstreams.size(); u++) {
            JsonNode upstream = upstreams.get(u);
            String pointer = "/spec/upstreams/" + u;
            String name = ObjectExtractor.text(upstream.path("service"));
            List<Backend> backends = name == null ? List.of()
                    : List.of(backend(route, pointer, route.namespace(), name, upstream.path("port"), services));
            out.add(new RouteRule(route, pointer, backends));
        }
        return out;
    }

    private static List<RouteRule> istioHttp(K8sObject route, JsonNode http, ServiceLookup services) {
        List<RouteRule> out = new ArrayList<>();
        for (int h = 0; http.isArray() && h < http.size(); h++) {
            String rulePointer = "/spec/http/" + h;
            List<Backend> backends = new ArrayList<>();
            JsonNode destinations = http.get(h).path("route");
            for (int d = 0; destinations.isArray() && d < destinations.size(); d++) {
                JsonNode destination = destinations.get(d).path("destination");
                ServiceHost host = ServiceHost.parse(ObjectExtractor.text(destination.path("host")), route.namespace());
                if (host != null) {
                    backends.add(backend(route, rulePointer + "/route/" + d + "/destination", host.namespace(),
                            host.name(), destination.path("port").path("number"), services));
                }
            }
            out.add(new RouteRule(route, rulePointer, backends));
        }
        return out;
    }

    private static Backend backend(K8sObject route, String pointer, String namespace, String name, JsonNode port,
                                   ServiceLookup services) {
        Integer number = port.isIntegralNumber() && port.canConvertToInt() ? port.intValue() : null;
        if (number == null && port.isObject()) {
            JsonNode nested = port.path("number");
            number = nested.isIntegralNumber() && nested.canConvertToInt() ? nested.intValue() : null;
        }
        String portName = port.isTextual() ? ObjectExtractor.text(port)
                : port.isObject() ? ObjectExtractor.text(port.path("name")) : null;
        return new Backend(route, pointer, name, portName, number, services.find(namespace, name));
    }

    /** True for a reference to a core Service: kind unset or Service, group unset or "" (core). */
    private static boolean isServiceRef(JsonNode kind, JsonNode group) {
        boolean serviceKind = kind.isMissingNode() || kind.isNull() || "Service".equals(kind.asText());
        boolean coreGroup = group == null || group.isMissingNode() || group.isNull() || group.asText().isEmpty()
                || group.asText().equals("core");
        return serviceKind && coreGroup;
    }

    private static String ns(JsonNode declared, String routeNamespace) {
        String namespace = ObjectExtractor.text(declared);
        return namespace != null ? namespace : routeNamespace;
    }

    /** A mesh host that names a Service of the cluster: {@code svc}, {@code svc.ns}, {@code svc.ns.svc[.domain]}. */
    record ServiceHost(String name, String namespace) {
        static ServiceHost parse(String host, String defaultNamespace) {
            if (host == null || host.contains("*")) {
                return null;
            }
            String[] parts = host.split("\\.");
            if (parts.length == 1) {
                return new ServiceHost(parts[0], defaultNamespace);
            }
            if (parts.length == 2 || parts[2].equals("svc")) {
                return new ServiceHost(parts[0], parts[1]);
            }
            return null;
        }

        String fqdn() {
            return name + "." + namespace + ".svc.cluster.local";
        }
    }
}

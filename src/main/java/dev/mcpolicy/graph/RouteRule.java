package dev.mcpolicy.graph;

import java.util.List;

/**
 * One routing rule of a route: the unit that carries its own timeouts and backends. For an HTTPRoute a
 * {@code spec.rules[i]}, for an HTTPProxy or IngressRoute a {@code spec.routes[i]}, for a VirtualService an
 * {@code spec.http[i]}, for a VirtualServer or VirtualServerRoute an upstream {@code spec.upstreams[i]}. An Ingress
 * has no rules of its own kind: its settings are annotations on the whole object.
 *
 * @param route    the route object
 * @param pointer  pointer of the rule relative to the route object ({@code /spec/rules/0})
 * @param backends the Service backends the rule sends traffic to, in document order
 */
public record RouteRule(K8sObject route, String pointer, List<Backend> backends) {
    public RouteRule {
        backends = List.copyOf(backends);
    }
}

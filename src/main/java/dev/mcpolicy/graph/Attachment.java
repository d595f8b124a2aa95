package dev.mcpolicy.graph;

/**
 * An object that configures the traffic of a route, and where the route (or one of its backend Services) names it:
 * a Traefik Middleware or ServersTransport, a GKE BackendConfig, an Istio DestinationRule, or the backend Service
 * itself (whose annotations some controllers read).
 *
 * @param route       the route whose traffic the object configures
 * @param referrer    the object that holds the reference: the route, a backend Service, or a chain Middleware
 * @param pointer     pointer of the reference inside {@code referrer}
 * @param kind        the kind referred to ({@code Middleware}, {@code ServersTransport}, {@code BackendConfig},
 *                    {@code DestinationRule}, {@code Service})
 * @param namespace   the namespace the reference resolves in
 * @param name        the name referred to
 * @param rulePointer pointer of the route rule the attachment applies to, or null when it applies to the whole route
 * @param target      the attached object when the render holds it, else null (configured outside the chart)
 */
public record Attachment(K8sObject route, K8sObject referrer, String pointer, String kind, String namespace,
                         String name, String rulePointer, K8sObject target) {
}

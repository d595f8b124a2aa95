package dev.mcpolicy.graph;

/**
 * One backend reference of a route (an Ingress path or default backend, later other route kinds).
 *
 * @param pointer     pointer of the backend reference relative to the route object
 * @param serviceName the Service it names
 * @param portName    the Service port by name, or null
 * @param portNumber  the Service port by number, or null
 * @param service     the Service object when it exists in the render (same namespace), else null
 */
public record Backend(K8sObject route, String pointer, String serviceName, String portName, Integer portNumber,
                      K8sObject service) {
}

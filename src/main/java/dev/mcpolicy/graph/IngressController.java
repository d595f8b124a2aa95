package dev.mcpolicy.graph;

/**
 * Which controller serves a route.
 *
 * @param id      a stable controller id: {@code ingress-nginx}, {@code nginx-inc}, {@code traefik},
 *                {@code haproxy}, {@code aws-alb}, {@code gke}, {@code istio}, {@code contour},
 *                {@code kong}, {@code envoy-gateway}, {@code nginx-gateway-fabric}, {@code gateway-api} (a Gateway API route
 *                whose implementation the render does not show), or {@code unknown}
 * @param assumed true when nothing named a class and a default was assumed
 * @param reason  human words: "spec.ingressClassName is nginx", "no ingress class set; assumed ingress-nginx"
 */
public record IngressController(String id, boolean assumed, String reason) {
}

package dev.mcpolicy.engine;

/**
 * A render shaped like the busiest public MCP charts: a gateway with a dozen tool servers behind one Ingress, pods
 * carrying the full set of chart labels, containers with many ports, budgets whose selectors miss, Services whose
 * targetPort names nothing, and a Secret full of settings.
 */
final class BusyRender {
    private BusyRender() {
    }

    static String text() {
        StringBuilder out = new StringBuilder();
        StringBuilder paths = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            String name = "release-name-mcp-tool-server-number-" + i;
            out.append("""
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: %1$s, namespace: tools-namespace-with-a-long-name}
                    spec:
                      replicas: 1
                      selector: {matchLabels: {app.kubernetes.io/name: %1$s, app.kubernetes.io/instance: release-name}}
                      template:
                        metadata:
                          labels:
                            app.kubernetes.io/name: %1$s
                            app.kubernetes.io/instance: release-name
                            app.kubernetes.io/version: 1.22.333-beta.4
                            app.kubernetes.io/managed-by: Helm
                            app.kubernetes.io/component: mcp-tool-server
                            app.kubernetes.io/part-of: agent-platform
                            helm.sh/chart: mcp-tool-server-0.41.7
                            team: platform-engineering
                            cost-center: research-and-development
                            tier: backend
                        spec:
                          containers:
                            - name: mcp
                              image: ghcr.io/acme/mcp-tool-server:latest
                              ports:
                                - {name: http-streamable, containerPort: 8080}
                                - {name: metrics-prometheus, containerPort: 9090}
                                - {name: grpc-internal, containerPort: 9091}
                                - {name: debug-pprof, containerPort: 6060}
                                - {name: admin-console, containerPort: 8081}
                                - {name: websocket-relay, containerPort: 8082}
                                - {name: health-checks, containerPort: 8083}
                              readinessProbe: {httpGet: {path: /ready, port: 7070}}
                              livenessProbe: {httpGet: {path: /live, port: not-a-declared-port-name}}
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: %1$s, namespace: tools-namespace-with-a-long-name}
                    spec:
                      selector: {app.kubernetes.io/name: %1$s, app.kubernetes.io/instance: release-name}
                      ports:
                        - {name: http, port: 80, targetPort: streamable-http-port-that-does-not-exist}
                        - {name: grpc, port: 9091, targetPort: 19091}
                    ---
                    apiVersion: policy/v1
                    kind: PodDisruptionBudget
                    metadata: {name: %1$s-budget, namespace: tools-namespace-with-a-long-name}
                    spec:
                      minAvailable: 1
                      selector: {matchLabels: {app.kubernetes.io/name: %1$s-typo, app.kubernetes.io/instance: release-name}}
                    ---
                    """.formatted(name));
            paths.append("          - {path: /tools/").append(i).append("/mcp, pathType: Prefix, backend: {service: {name: ")
                    .append(name).append(", port: {number: 80}}}}\n");
        }
        out.append("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: gateway, namespace: tools-namespace-with-a-long-name}
                spec:
                  ingressClassName: nginx
                  tls: [{hosts: [tools-a.example.com], secretName: tools-tls}]
                  rules:
                    - host: tools-b.example.com
                      http:
                        paths:
                """).append(paths).append("""
                    - host: tools-c.example.com
                      http:
                        paths:
                """).append(paths);
        out.append("""
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: gateway-settings, namespace: tools-namespace-with-a-long-name}
                stringData:
                """);
        for (int i = 0; i < 40; i++) {
            out.append("  UPSTREAM_SERVICE_PASSWORD_NUMBER_").append(i).append(": Tr0ub4dor-").append(i).append("x\n");
        }
        return out.toString();
    }
}

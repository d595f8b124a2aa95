package dev.mcpolicy.graph;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A large seeded render of Services, workloads and routes of every kind: the MCP servers each route reaches must
 * equal a brute-force oracle that scans every Service and workload per backend. The size keeps building honest
 * about being near-linear (a quadratic build would take minutes).
 */
class RoutesOracleTest {
    private static final String[] NAMESPACES = {"a", "b", "c"};
    private static final int APPS = 4_000;
    private static final int ROUTES = 12_000;

    record App(String namespace, String name, boolean mcp) {
    }

    record Reference(String namespace, String name) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 2024})
    void routesReachTheServersTheOracleFinds(long seed) {
        Random random = new Random(seed);
        StringBuilder yaml = new StringBuilder();
        List<App> apps = new ArrayList<>();
        for (int i = 0; i < APPS; i++) {
            App app = new App(NAMESPACES[random.nextInt(NAMESPACES.length)], "app" + i, random.nextInt(3) == 0);
            apps.add(app);
            String image = app.mcp() ? "ghcr.io/acme/mcp-server:1" : "docker.io/library/nginx:1";
            yaml.append("""
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: %1$s, namespace: %2$s}
                    spec:
                      selector: {matchLabels: {app: %1$s}}
                      template:
                        metadata: {labels: {app: %1$s}}
                        spec: {containers: [{name: c, image: "%3$s"}]}
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: %1$s, namespace: %2$s}
                    spec: {selector: {app: %1$s}, ports: [{port: 80}]}
                    ---
                    """.formatted(app.name(), app.namespace(), image));
        }
        List<List<Reference>> expectedReferences = new ArrayList<>();
        for (int r = 0; r < ROUTES; r++) {
            String namespace = NAMESPACES[random.nextInt(NAMESPACES.length)];
            List<Reference> references = new ArrayList<>();
            StringBuilder backends = new StringBuilder();
            int kind = r % 4;
            for (int b = 0; b < 1 + random.nextInt(3); b++) {
                App target = apps.get(random.nextInt(apps.size()));
                // HTTPProxy services always live in the proxy's namespace
                String targetNamespace = kind != 3 && random.nextBoolean() ? target.namespace() : namespace;
                references.add(new Reference(targetNamespace, target.name()));
                backends.append(switch (kind) {
                    case 0, 1 -> "        - {name: %s, namespace: %s, port: 80}\n".formatted(target.name(), targetNamespace);
                    case 2 -> "        - destination: {host: %s.%s.svc.cluster.local}\n".formatted(target.name(),
                            targetNamespace);
                    default -> "        - {name: %s, port: 80}\n".formatted(target.name());
                });
            }
            expectedReferences.add(references);
            String template = switch (kind) {
                case 0 -> "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r%d, namespace: %s}\n"
                        + "spec:\n  rules:\n    - backendRefs:\n%s";
                case 1 -> "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: r%d, namespace: %s}\n"
                        + "spec:\n  routes:\n    - services:\n%s";
                case 2 -> "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: r%d, namespace: %s}\n"
                        + "spec:\n  http:\n    - route:\n%s";
                default -> "apiVersion: projectcontour.io/v1\nkind: HTTPProxy\nmetadata: {name: r%d, namespace: %s}\n"
                        + "spec:\n  routes:\n    - services:\n%s";
            };
            yaml.append(template.formatted(r, namespace, backends)).append("---\n");
        }
        ResourceGraph graph = Manifests.graph(yaml.toString());
        List<K8sObject> routes = graph.routes();
        assertEquals(ROUTES, routes.size());
        for (int r = 0; r < ROUTES; r += 37) {
            TreeSet<String> expected = new TreeSet<>();
            for (Reference reference : expectedReferences.get(r)) {
                for (App app : apps) {
                    if (app.mcp() && app.namespace().equals(reference.namespace()) && app.name().equals(reference.name())) {
                        expected.add("Deployment/" + app.name());
                    }
                }
            }
            TreeSet<String> actual = new TreeSet<>(Manifests.names(graph.mcpServersBehind(routes.get(r))));
            assertEquals(expected, actual, routes.get(r).displayName());
        }
    }
}

package dev.mcpolicy.graph;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large render generated with a seeded Random: the graph's index answers must equal a brute-force oracle that
 * checks every pair with its own, independent reading of the selectors. No timing assertion; the size itself
 * guards against quadratic building (it would take minutes, not seconds).
 */
class LargeGraphOracleTest {
    private static final String[] NAMESPACES = {"team-0", "team-1", "team-2", "team-3", null};
    private static final String RELEASE_NAMESPACE = "release-ns";
    private static final String[] TIERS = {"web", "db", "cache"};
    private static final String[] ZONES = {"z0", "z1", "z2", "z3"};
    private static final int SAMPLE = 300;

    /** One generated object: its effective namespace, its pod labels or its selector model. */
    record Generated(String kind, String name, String namespace, Map<String, String> labels, SelectorModel selector) {
    }

    /** The oracle's own selector model: equalities plus expressions, or "nothing"/"everything". */
    record SelectorModel(boolean nothing, Map<String, String> equal, List<String[]> expressions) {
        boolean matches(Map<String, String> labels) {
            if (nothing) {
                return false;
            }
            for (Map.Entry<String, String> e : equal.entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
            for (String[] expression : expressions) {
                String key = expression[0];
                String operator = expression[1];
                List<String> values = List.of(expression).subList(2, expression.length);
                boolean has = labels.containsKey(key);
                boolean ok = switch (operator) {
                    case "In" -> has && values.contains(labels.get(key));
                    case "NotIn" -> !has || !values.contains(labels.get(key));
                    case "Exists" -> has;
                    case "DoesNotExist" -> !has;
                    default -> throw new IllegalStateException(operator);
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    @ParameterizedTest(name = "seed {0}, {1} of each kind")
    @CsvSource({"20240601, 20000", "7, 2000", "99, 2000"})
    void indexAnswersEqualTheBruteForceOracle(long seed, int perKind) {
        Random random = new Random(seed);
        int apps = Math.max(10, perKind / 8);
        List<Generated> workloads = new ArrayList<>();
        List<Generated> services = new ArrayList<>();
        List<Generated> pdbs = new ArrayList<>();
        StringBuilder yaml = new StringBuilder(perKind * 600);

        for (int i = 0; i < perKind; i++) {
            String namespace = NAMESPACES[random.nextInt(NAMESPACES.length)];
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("app", "app-" + random.nextInt(apps));
            if (random.nextInt(4) > 0) {
                labels.put("tier", TIERS[random.nextInt(TIERS.length)]);
            }
            if (random.nextInt(5) == 0) {
                labels.put("track", random.nextBoolean() ? "canary" : "stable");
            }
            labels.put("zone", ZONES[random.nextInt(ZONES.length)]);
            String kind = switch (random.nextInt(10)) {
                case 0 -> "Pod";
                case 1 -> "StatefulSet";
                case 2 -> "DaemonSet";
                default -> "Deployment";
            };
            String name = "w-" + i;
            workloads.add(new Generated(kind, name, effective(namespace), labels, null));
            appendWorkload(yaml, kind, name, namespace, labels);

            String serviceNamespace = NAMESPACES[random.nextInt(NAMESPACES.length)];
            SelectorModel serviceSelector = serviceSelector(random, apps);
            services.add(new Generated("Service", "s-" + i, effective(serviceNamespace), null, serviceSelector));
            appendService(yaml, "s-" + i, serviceNamespace, serviceSelector);

            String pdbNamespace = NAMESPACES[random.nextInt(NAMESPACES.length)];
            SelectorModel pdbSelector = pdbSelector(random, apps);
            pdbs.add(new Generated("PodDisruptionBudget", "p-" + i, effective(pdbNamespace), null, pdbSelector));
            appendPdb(yaml, "p-" + i, pdbNamespace, pdbSelector, random);
        }

        ResourceGraph graph = ResourceGraph.build(Manifests.documents(yaml.toString()), RELEASE_NAMESPACE);
        assertEquals(3 * perKind, graph.objects().size());
        assertEquals(perKind, graph.workloads().size());

        Map<String, K8sObject> byName = new HashMap<>();
        graph.objects().forEach(o -> byName.put(o.name(), o));

        int nonEmptyAnswers = 0;
        for (int s = 0; s < SAMPLE; s++) {
            Generated service = services.get(random.nextInt(services.size()));
            List<String> expected = oracleSelected(service, workloads);
            assertEquals(expected, names(graph.selectedBy(byName.get(service.name()))), service.toString());
            Generated pdb = pdbs.get(random.nextInt(pdbs.size()));
            List<String> expectedCovered = oracleSelected(pdb, workloads);
            assertEquals(expectedCovered, names(graph.coveredBy(byName.get(pdb.name()))), pdb.toString());
            nonEmptyAnswers += (expected.isEmpty() ? 0 : 1) + (expectedCovered.isEmpty() ? 0 : 1);
        }
        for (int w = 0; w < SAMPLE; w++) {
            Generated workload = workloads.get(random.nextInt(workloads.size()));
            Workload inGraph = graph.workload(byName.get(workload.name())).orElseThrow();
            assertEquals(workload.labels(), inGraph.podLabels());
            List<String> expectedServices = oracleSelecting(workload, services);
            assertEquals(expectedServices, objectNames(graph.servicesSelecting(inGraph)), workload.toString());
            List<String> expectedPdbs = oracleSelecting(workload, pdbs);
            assertEquals(expectedPdbs, objectNames(graph.pdbsCovering(inGraph)), workload.toString());
            nonEmptyAnswers += (expectedServices.isEmpty() ? 0 : 1) + (expectedPdbs.isEmpty() ? 0 : 1);
        }
        assertTrue(nonEmptyAnswers > SAMPLE, "the generator must produce real matches, got " + nonEmptyAnswers);
    }

    private static String effective(String namespace) {
        return namespace == null ? RELEASE_NAMESPACE : namespace;
    }

    private static SelectorModel serviceSelector(Random random, int apps) {
        int shape = random.nextInt(100);
        if (shape < 2) {
            return new SelectorModel(true, Map.of(), List.of()); // written as no selector
        }
        Map<String, String> equal = new LinkedHashMap<>();
        equal.put("app", "app-" + random.nextInt(apps));
        if (shape < 40) {
            equal.put("tier", TIERS[random.nextInt(TIERS.length)]);
        }
        return new SelectorModel(false, equal, List.of());
    }

    private static SelectorModel pdbSelector(Random random, int apps) {
        int shape = random.nextInt(1000);
        if (shape < 10) {
            return new SelectorModel(true, Map.of(), List.of()); // written as no selector
        }
        if (shape < 11) {
            return new SelectorModel(false, Map.of(), List.of()); // {}: every pod of the namespace
        }
        List<String[]> expressions = new ArrayList<>();
        if (random.nextBoolean()) {
            expressions.add(new String[]{"tier", "In", TIERS[random.nextInt(3)], TIERS[random.nextInt(3)]});
        }
        if (random.nextInt(3) == 0) {
            expressions.add(new String[]{"track", "NotIn", "canary"});
        }
        if (random.nextInt(4) == 0) {
            expressions.add(new String[]{"track", random.nextBoolean() ? "Exists" : "DoesNotExist"});
        }
        if (shape < 16) {
            // Expressions only: the index must fall back to scanning the namespace.
            expressions.add(new String[]{"app", "In", "app-" + random.nextInt(apps), "app-" + random.nextInt(apps)});
            return new SelectorModel(false, Map.of(), expressions);
        }
        Map<String, String> equal = new LinkedHashMap<>();
        equal.put("app", "app-" + random.nextInt(apps));
        if (random.nextInt(5) == 0) {
            equal.put("zone", ZONES[random.nextInt(ZONES.length)]);
        }
        return new SelectorModel(false, equal, expressions);
    }

    private static void appendWorkload(StringBuilder yaml, String kind, String name, String namespace,
                                       Map<String, String> labels) {
        String apiVersion = kind.equals("Pod") ? "v1" : "apps/v1";
        yaml.append("apiVersion: ").append(apiVersion).append("\nkind: ").append(kind).append("\nmetadata:\n")
                .append("  name: ").append(name).append('\n');
        if (namespace != null) {
            yaml.append("  namespace: ").append(namespace).append('\n');
        }
        String labelsFlow = flow(labels);
        if (kind.equals("Pod")) {
            yaml.append("  labels: ").append(labelsFlow).append("\nspec: {containers: [{name: c, image: app}]}\n");
        } else {
            yaml.append("spec:\n  template:\n    metadata: {labels: ").append(labelsFlow)
                    .append("}\n    spec: {containers: [{name: c, image: app}]}\n");
        }
        yaml.append("---\n");
    }

    private static void appendService(StringBuilder yaml, String name, String namespace, SelectorModel selector) {
        yaml.append("apiVersion: v1\nkind: Service\nmetadata:\n  name: ").append(name).append('\n');
        if (namespace != null) {
            yaml.append("  namespace: ").append(namespace).append('\n');
        }
        yaml.append("spec:\n  ports: [{port: 80}]\n");
        if (!selector.nothing()) {
            yaml.append("  selector: ").append(flow(selector.equal())).append('\n');
        }
        yaml.append("---\n");
    }

    private static void appendPdb(StringBuilder yaml, String name, String namespace, SelectorModel selector,
                                  Random random) {
        yaml.append("apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ").append(name).append('\n');
        if (namespace != null) {
            yaml.append("  namespace: ").append(namespace).append('\n');
        }
        yaml.append("spec:\n  maxUnavailable: 1\n");
        if (!selector.nothing()) {
            yaml.append("  selector:\n");
            if (!selector.equal().isEmpty() || random.nextBoolean()) {
                yaml.append("    matchLabels: ").append(flow(selector.equal())).append('\n');
            }
            yaml.append("    matchExpressions:");
            if (selector.expressions().isEmpty()) {
                yaml.append(" []\n");
            } else {
                yaml.append('\n');
                for (String[] expression : selector.expressions()) {
                    yaml.append("      - {key: ").append(expression[0]).append(", operator: ").append(expression[1]);
                    if (expression.length > 2) {
                        yaml.append(", values: [")
                                .append(String.join(", ", List.of(expression).subList(2, expression.length)))
                                .append(']');
                    }
                    yaml.append("}\n");
                }
            }
        }
        yaml.append("---\n");
    }

    private static String flow(Map<String, String> map) {
        StringBuilder out = new StringBuilder("{");
        map.forEach((k, v) -> out.append(out.length() > 1 ? ", " : "").append(k).append(": ").append(v));
        return out.append('}').toString();
    }

    private static List<String> oracleSelected(Generated selecting, List<Generated> workloads) {
        List<String> selected = new ArrayList<>();
        for (Generated workload : workloads) {
            if (workload.namespace().equals(selecting.namespace()) && selecting.selector().matches(workload.labels())) {
                selected.add(workload.name());
            }
        }
        return selected;
    }

    private static List<String> oracleSelecting(Generated workload, List<Generated> selectors) {
        List<String> selecting = new ArrayList<>();
        for (Generated candidate : selectors) {
            if (candidate.namespace().equals(workload.namespace()) && candidate.selector().matches(workload.labels())) {
                selecting.add(candidate.name());
            }
        }
        return selecting;
    }

    private static List<String> names(List<Workload> workloads) {
        return workloads.stream().map(w -> w.object().name()).toList();
    }

    private static List<String> objectNames(List<K8sObject> objects) {
        return objects.stream().map(K8sObject::name).toList();
    }
}

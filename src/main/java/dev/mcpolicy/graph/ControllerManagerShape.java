package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises a Kubernetes controller manager, the shape kubebuilder and operator-sdk scaffold: it reconciles custom
 * resources and serves nothing but its own metrics, health probes and admission webhooks.
 *
 * <p>A workload has that shape when at least one signal is present
 * <ul>
 *   <li>a leader-election flag in a container's command or args ({@code --leader-elect},
 *       {@code --leader-election}, {@code --enable-leader-election});</li>
 *   <li>a container command whose program is {@code manager} ({@code /manager});</li>
 *   <li>the words {@code controller manager} in the workload's name, or a container named {@code manager};</li>
 * </ul>
 * and every port its containers declare is a controller's own: named {@code metrics}, {@code health},
 * {@code healthz}, {@code probe(s)}, {@code webhook(-server)} or {@code https} (kube-rbac-proxy), or, unnamed, one of
 * the scaffold's defaults (8080 metrics, 8081 health probes, 8443 secure metrics, 9443 webhooks, 9440 health). A port
 * named like a service ({@code http}, {@code mcp}, {@code grpc}) means the workload serves clients.
 */
final class ControllerManagerShape {
    private static final Pattern LEADER_ELECTION = Pattern.compile("--(?:enable-)?leader-elect(?:ion)?(?:[=\\s].*)?");
    private static final Set<String> CONTROLLER_PORT_NAMES = Set.of("metrics", "health", "healthz", "probe", "probes",
            "webhook", "webhook-server", "https", "https-metrics", "metrics-https", "http-metrics", "healthprobe");
    private static final Set<Integer> CONTROLLER_PORT_NUMBERS = Set.of(8080, 8081, 8443, 9443, 9440);

    private ControllerManagerShape() {
    }

    /** Why the workload is a controller manager, or empty when it does not have that shape. */
    static Optional<String> reason(String workloadName, List<JsonNode> containers) {
        List<String> signals = new ArrayList<>();
        if (words(workloadName).contains("controller manager")) {
            signals.add("its name says controller-manager");
        }
        for (JsonNode container : containers) {
            String name = ObjectExtractor.text(container.path("name"));
            if ("manager".equals(name)) {
                addOnce(signals, "a container is named \"manager\"");
            }
            List<String> words = commandLine(container);
            if (!words.isEmpty() && program(words.get(0)).equals("manager")) {
                addOnce(signals, "it runs the manager command");
            }
            if (words.stream().anyMatch(w -> LEADER_ELECTION.matcher(w).matches())) {
                addOnce(signals, "it runs with leader election");
            }
        }
        if (signals.isEmpty() || !onlyControllerPorts(containers)) {
            return Optional.empty();
        }
        return Optional.of("has the shape of a Kubernetes controller manager (" + String.join(", ", signals)
                + "; only metrics, health or webhook ports); not treated as an MCP server");
    }

    private static void addOnce(List<String> signals, String signal) {
        if (!signals.contains(signal)) {
            signals.add(signal);
        }
    }

    private static String words(String name) {
        return name == null ? "" : String.join(" ", name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
    }

    private static List<String> commandLine(JsonNode container) {
        List<String> words = new ArrayList<>();
        for (String field : List.of("command", "args")) {
            for (JsonNode word : container.path(field)) {
                if (word.isTextual()) {
                    words.add(word.textValue().strip());
                }
            }
        }
        return words;
    }

    private static String program(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(slash + 1);
    }

    private static boolean onlyControllerPorts(List<JsonNode> containers) {
        for (JsonNode container : containers) {
            for (JsonNode port : container.path("ports")) {
                String name = ObjectExtractor.text(port.path("name"));
                JsonNode number = port.path("containerPort");
                boolean controllerPort = name != null
                        ? CONTROLLER_PORT_NAMES.contains(name.toLowerCase(Locale.ROOT))
                        : number.isIntegralNumber() && CONTROLLER_PORT_NUMBERS.contains(number.intValue());
                if (!controllerPort) {
                    return false;
                }
            }
        }
        return true;
    }
}

package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.parallel.InParallel;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the workloads that other objects of the render call as MCP servers: a URL to a Service of the render whose
 * path names an MCP endpoint ({@code http://github-tools:8080/mcp}, {@code http://search.tools.svc:9000/sse}),
 * written in a ConfigMap, an env value, a custom resource or any other string of the render. The workloads that
 * Service selects are MCP servers, and the reason names who refers to them and where.
 *
 * <p>A URL counts when its host is a Service name, {@code <service>.<namespace>}, or
 * {@code <service>.<namespace>.svc[.<cluster domain>]} of a Service in the render; its port, when written, is one
 * of the Service's ports; and its path has a word {@code mcp} or {@code sse} ({@link #isMcpPath}). Services
 * themselves are not read (they only point at pods).
 */
final class McpEndpointReferences {
    static final Pattern URL = Pattern.compile(
            "(?i)(?<![A-Za-z0-9+.-])https?://([a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*)"
                    + "(?::(\\d{1,5}))?(/[^\\s\"'<>,;`]*)?");
    private static final Set<String> ENDPOINT_WORDS = Set.of("mcp", "sse");
    private static final int MAX_STRING = 1 << 20;
    /** Renders with at least this many objects are searched on several threads. */
    private static final int PARALLEL_OBJECTS = 256;

    /** Looks up a Service of the render by namespace and name; null when there is none. */
    interface ServiceLookup {
        K8sObject service(String namespace, String name);
    }

    private McpEndpointReferences() {
    }

    /**
     * The first reference to each referenced workload, in input order of the referring objects: workload object →
     * reason ("referenced as an MCP endpoint by ConfigMap/agent-config key servers.json").
     */
    static Map<K8sObject, String> find(List<K8sObject> objects, ServiceLookup services,
                                       Function<K8sObject, List<Workload>> selected) {
        // Each object is searched on its own (on several threads for a large render); the first reference, in
        // input order, wins.
        List<List<Reference>> perObject = InParallel.map(objects.size(), PARALLEL_OBJECTS, i -> {
            K8sObject referrer = objects.get(i);
            if (KubernetesKinds.isBuiltIn(referrer, "Service")) {
                return List.of();
            }
            List<Reference> found = new ArrayList<>(0);
            walk(referrer, referrer.node(), new ArrayList<>(), services, selected, found);
            return found;
        });
        Map<K8sObject, String> reasons = new IdentityHashMap<>();
        for (List<Reference> references : perObject) {
            for (Reference reference : references) {
                reasons.putIfAbsent(reference.workload(), reference.reason());
            }
        }
        return reasons;
    }

    private record Reference(K8sObject workload, String reason) {
    }

    /**
     * Visits a node's strings in document order. The path to the node is kept as keys and indexes, and written as a
     * JSON pointer only for a string that holds a URL: most of a large render holds none.
     */
    private static void walk(K8sObject referrer, JsonNode node, List<Object> path, ServiceLookup services,
                             Function<K8sObject, List<Workload>> selected, List<Reference> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                path.add(field.getKey());
                walk(referrer, field.getValue(), path, services, selected, found);
                path.remove(path.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                walk(referrer, node.get(i), path, services, selected, found);
                path.remove(path.size() - 1);
            }
        } else if (node.isTextual() && node.textValue().length() <= MAX_STRING
                && node.textValue().contains("://")) {
            scan(referrer, pointer(path), node.textValue(), services, selected, found);
        }
    }

    private static String pointer(List<Object> path) {
        StringBuilder pointer = new StringBuilder();
        for (Object token : path) {
            pointer.append('/').append(token instanceof String key ? JsonPointers.escape(key) : token);
        }
        return pointer.toString();
    }

    private static void scan(K8sObject referrer, String pointer, String text, ServiceLookup services,
                             Function<K8sObject, List<Workload>> selected, List<Reference> found) {
        for (MatchResult m : urls(text)) {
            if (m.group(3) == null || !isMcpPath(m.group(3))) {
                continue;
            }
            K8sObject service = resolve(m.group(1).toLowerCase(Locale.ROOT), referrer.namespace(), services);
            if (service == null || (m.group(2) != null && !servesPort(service, Integer.parseInt(m.group(2))))) {
                continue;
            }
            for (Workload workload : selected.apply(service)) {
                if (workload.object() != referrer) {
                    found.add(new Reference(workload.object(), "referenced as an MCP endpoint by "
                            + referrer.displayName() + " " + where(referrer, pointer)));
                }
            }
        }
    }

    /**
     * The URLs of a text: what {@code URL.matcher(text).find()} finds in turn. Only where {@code ://} is written can a
     * URL start ({@code http} or {@code https} before it), and only there is the pattern tried: finding it by
     * trying every position of a long script was the most expensive part of building a large render's graph.
     */
    static List<MatchResult> urls(String text) {
        List<MatchResult> found = new ArrayList<>(1);
        Matcher m = null;
        int from = 0;
        for (int at = text.indexOf("://"); at >= 0; at = text.indexOf("://", at + 1)) {
            String scheme = at > 0 && (text.charAt(at - 1) == 's' || text.charAt(at - 1) == 'S') ? "https" : "http";
            int start = at - scheme.length();
            if (start < from || !text.regionMatches(true, start, scheme, 0, scheme.length())) {
                continue;
            }
            if (m == null) {
                // transparent bounds: the look-behind sees the text before the region, as find() does
                m = URL.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            }
            m.region(start, text.length());
            if (m.lookingAt()) {
                found.add(m.toMatchResult());
                from = m.end();
            }
        }
        return found;
    }

    /** True when a path has the word {@code mcp} or {@code sse} (words: maximal runs of letters and digits). */
    static boolean isMcpPath(String path) {
        for (String word : path.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (ENDPOINT_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static K8sObject resolve(String host, String referrerNamespace, ServiceLookup services) {
        String[] parts = host.split("\\.");
        if (parts.length == 1) {
            return services.service(referrerNamespace, parts[0]);
        }
        if (parts.length == 2 || (parts.length >= 3 && parts[2].equals("svc"))) {
            return services.service(parts[1], parts[0]);
        }
        return null;
    }

    private static boolean servesPort(K8sObject service, int port) {
        for (JsonNode servicePort : service.node().path("spec").path("ports")) {
            if (servicePort.path("port").isIntegralNumber() && servicePort.path("port").intValue() == port) {
                return true;
            }
        }
        return false;
    }

    /** Where in the referrer the URL is written, in the words a reviewer looks for. */
    private static String where(K8sObject referrer, String pointer) {
        String[] tokens = pointer.substring(1).split("/", -1);
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = JsonPointers.unescape(tokens[i]);
        }
        if (tokens.length == 2 && Set.of("data", "stringData").contains(tokens[0])) {
            return "key " + tokens[1];
        }
        if (tokens.length >= 3 && tokens[tokens.length - 1].equals("value") && tokens[tokens.length - 3].equals("env")) {
            JsonNode entry = referrer.node().at(pointer.substring(0, pointer.lastIndexOf('/')));
            String name = ObjectExtractor.text(entry.path("name"));
            if (name != null) {
                return "env " + name;
            }
        }
        StringBuilder field = new StringBuilder();
        for (String token : tokens) {
            if (token.chars().allMatch(Character::isDigit) && !token.isEmpty()) {
                field.append('[').append(token).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(token);
            }
        }
        return "field " + field;
    }
}

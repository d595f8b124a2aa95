package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.Descriptions;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.engine.mechanism.MessageLists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code tls-hosts}: an Ingress serves every host of its rules with TLS: each {@code spec.rules[].host} is listed in
 * some {@code spec.tls[].hosts} (a {@code *.example.com} entry covers one label; a TLS entry without hosts covers
 * all). Rules without a host, and Ingresses with only a default backend, count as covered by any TLS entry.
 * Violation kinds: {@code default} (the Ingress has TLS, but not for this host: clients reaching the host over
 * HTTPS get the controller's default certificate) and {@code no-tls} (no TLS at all). Nothing is reported when one
 * of the {@code tlsAnnotations} says TLS is handled without {@code spec.tls} (a load balancer's certificate,
 * Traefik's router.tls or its websecure entry point).
 */
public final class TlsHostsAssertion implements Assertion<TlsHostsAssertion.Config> {

    /** @param tlsAnnotations annotation keys (or key=word) that say TLS is handled without spec.tls */
    public record Config(@JsonPropertyDescription("annotation keys (or key=word) saying TLS is handled without spec.tls") List<String> tlsAnnotations) {
        public Config {
            tlsAnnotations = tlsAnnotations == null ? List.of() : List.copyOf(tlsAnnotations);
        }
    }
    public static final String NO_TLS = "no-tls";

    @Override
    public String name() {
        return "tls-hosts";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Set<TargetKind> accepts() {
        return Set.of(TargetKind.INGRESS);
    }

    @Override
    public Map<String, String> violationKinds() {
        return Descriptions.of(NO_TLS, "the Ingress has no TLS entry at all");
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("host", "the host served without TLS", "hosts", "every such host",
                "tlsHosts", "the hosts its TLS entries list, or \"none\"");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("An Ingress serves every host of its rules with TLS: each `spec.rules[].host` is"
                + " listed in some `spec.tls[].hosts` (a wildcard covers one label; an entry without hosts covers"
                + " all). Nothing is reported when one of `tlsAnnotations` says TLS is handled elsewhere.",
                "target: ingress-routes\nassert:\n  tls-hosts: {tlsAnnotations: [alb.ingress.kubernetes.io/certificate-arn]}");
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
        if (target.object() == null) {
            return List.of();
        }
        JsonNode annotations = target.node().path("metadata").path("annotations");
        for (String entry : config.tlsAnnotations()) {
            if (saysTls(annotations, entry)) {
                return List.of();
            }
        }
        JsonNode spec = target.node().path("spec");
        JsonNode tls = spec.path("tls");
        boolean anyTls = tls.isArray() && !tls.isEmpty();
        Set<String> tlsHosts = new LinkedHashSet<>();
        boolean coversAll = false;
        for (JsonNode entry : anyTls ? tls : List.<JsonNode>of()) {
            JsonNode hosts = entry.path("hosts");
            if (!hosts.isArray() || hosts.isEmpty()) {
                coversAll = true;
            }
            for (JsonNode host : hosts.isArray() ? hosts : List.<JsonNode>of()) {
                if (host.isTextual()) {
                    tlsHosts.add(host.asText().toLowerCase(Locale.ROOT));
                }
            }
        }
        List<String> ruleHosts = new ArrayList<>();
        List<Integer> ruleIndexes = new ArrayList<>();
        JsonNode rules = spec.path("rules");
        for (int i = 0; rules.isArray() && i < rules.size(); i++) {
            JsonNode host = rules.get(i).path("host");
            ruleHosts.add(host.isTextual() && !host.asText().isBlank() ? host.asText() : null);
            ruleIndexes.add(i);
        }
        String tlsText = tlsHosts.isEmpty() ? "none" : MessageLists.join(tlsHosts);
        if (!anyTls) {
            Set<String> hosts = new LinkedHashSet<>();
            ruleHosts.forEach(host -> hosts.add(host == null ? "every host (a rule without host)" : host));
            if (hosts.isEmpty()) {
                hosts.add("every host (default backend only)");
            }
            return List.of(Violation.of(NO_TLS, target.object().pointer("/spec/tls"), Map.of(
                    "host", hosts.iterator().next(), "hosts", MessageLists.join(hosts), "tlsHosts", tlsText)));
        }
        if (coversAll) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        for (int i = 0; i < ruleHosts.size(); i++) {
            String host = ruleHosts.get(i);
            if (host == null || covered(host.toLowerCase(Locale.ROOT), tlsHosts) || !reported.add(host)) {
                continue;
            }
            String rulePointer = target.object().pointer("/spec/rules/" + ruleIndexes.get(i) + "/host");
            // With one TLS entry, the list to extend is the place to fix; the rule's host is shown next to it.
            boolean oneEntry = tls.size() == 1 && tls.get(0).path("hosts").isArray();
            String pointer = oneEntry ? target.object().pointer("/spec/tls/0/hosts/0") : rulePointer;
            List<Violation.Related> related = oneEntry
                    ? List.of(new Violation.Related(target.document(), rulePointer, "the rule serving " + host))
                    : List.of();
            violations.add(new Violation(Violation.DEFAULT, pointer,
                    Map.of("host", host, "hosts", host, "tlsHosts", tlsText), Map.of(), related));
        }
        return violations;
    }

    /**
     * {@code key}: the annotation is set to anything but "false"; {@code key=word}: its comma-separated value lists
     * that word (Traefik's {@code router.entrypoints=websecure}).
     */
    private static boolean saysTls(JsonNode annotations, String entry) {
        int equals = entry.indexOf('=');
        String key = equals < 0 ? entry : entry.substring(0, equals);
        JsonNode value = annotations.path(key);
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            return false;
        }
        if (equals < 0) {
            return !value.asText().strip().equalsIgnoreCase("false");
        }
        String word = entry.substring(equals + 1);
        for (String part : value.asText().split(",")) {
            if (part.strip().equalsIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covered(String host, Set<String> tlsHosts) {
        if (tlsHosts.contains(host)) {
            return true;
        }
        int dot = host.indexOf('.');
        return dot > 0 && !host.startsWith("*.") && tlsHosts.contains("*" + host.substring(dot));
    }
}

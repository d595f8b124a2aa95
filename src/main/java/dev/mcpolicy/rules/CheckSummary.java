package dev.mcpolicy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.finding.Level;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Plain-words summary of a rule's {@code check} for its documentation page: where it looks, what it assumes. */
final class CheckSummary {
    private CheckSummary() {
    }

    /** "`ingress-routes` (controller: ingress-nginx, routesToMcpServer: true)" for each check. */
    static List<String> scopes(JsonNode check) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode one : checks(check)) {
            String target = one.path("target").asText();
            if (target.isEmpty()) {
                continue;
            }
            List<String> filters = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> where = one.path("where").fields();
            while (where.hasNext()) {
                Map.Entry<String, JsonNode> filter = where.next();
                filters.add(filter.getKey() + ": " + text(filter.getValue()));
            }
            out.add("`" + target + "`" + (filters.isEmpty() ? "" : " (" + String.join(", ", filters) + ")"));
        }
        return new ArrayList<>(out);
    }

    /** "`nginx.ingress.kubernetes.io/proxy-read-timeout` is taken as `60`" for each assertion with a default. */
    static List<String> assumedDefaults(JsonNode check) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode one : checks(check)) {
            Iterator<Map.Entry<String, JsonNode>> assertions = one.path("assert").fields();
            while (assertions.hasNext()) {
                JsonNode config = assertions.next().getValue();
                JsonNode value = config.get("default");
                if (value == null || value.isContainerNode()) {
                    continue;
                }
                String field = config.hasNonNull("key") ? config.get("key").asText()
                        : config.path("path").asText().replaceFirst("^/", "").replace('/', '.');
                if (!field.isEmpty()) {
                    out.add("`" + field + "` is taken as `" + text(value) + "`");
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Every level the rule's findings can have (before MCP certainty lowers an error), most severe first. */
    static List<Level> levels(Level ruleLevel, JsonNode check) {
        Set<Level> levels = new TreeSet<>();
        levels.add(ruleLevel);
        for (JsonNode one : checks(check)) {
            Level checkLevel = one.path("level").isTextual() ? Level.parse(one.path("level").asText()) : ruleLevel;
            levels.add(checkLevel);
            one.path("levels").properties().forEach(entry -> levels.add(Level.parse(entry.getValue().asText())));
        }
        return new ArrayList<>(levels);
    }

    /**
     * The levels in words, where they differ from the rule's: "`error`; `warning` for no-tls", "`error`; `warning`
     * on `services` (routed: false)".
     */
    static String levelsText(Level ruleLevel, JsonNode check) {
        List<String> parts = new ArrayList<>();
        parts.add("`" + ruleLevel.id() + "`");
        for (JsonNode one : checks(check)) {
            Level checkLevel = one.path("level").isTextual() ? Level.parse(one.path("level").asText()) : ruleLevel;
            if (checkLevel != ruleLevel) {
                parts.add("`" + checkLevel.id() + "` on " + scopes(one).get(0));
            }
            one.path("levels").properties().forEach(entry -> {
                Level level = Level.parse(entry.getValue().asText());
                if (level != checkLevel) {
                    parts.add("`" + level.id() + "` for " + entry.getKey());
                }
            });
        }
        return String.join("; ", new LinkedHashSet<>(parts));
    }

    private static List<JsonNode> checks(JsonNode check) {
        List<JsonNode> out = new ArrayList<>();
        if (check == null) {
            return out;
        }
        if (check.isArray()) {
            check.forEach(out::add);
        } else {
            out.add(check);
        }
        return out;
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(" or ", items);
        }
        return value.asText();
    }
}

package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.rules.RuleDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code tool.driver.rules} array: one descriptor per known rule plus one for any rule id that only appears in
 * findings, sorted by id so {@code ruleIndex} is stable.
 */
final class SarifRules {
    static final int MAX_TAGS = 20;
    static final int MAX_DESCRIPTION = 1024;
    private static final String SECURITY_TAG = "security";

    private final List<RuleDefinition> ordered;
    private final Map<String, Integer> indexById = new HashMap<>();

    SarifRules(List<RuleDefinition> known, List<Finding> findings) {
        TreeMap<String, RuleDefinition> byId = new TreeMap<>();
        for (RuleDefinition rule : known) {
            byId.putIfAbsent(rule.id(), rule);
        }
        for (Finding finding : findings) {
            byId.computeIfAbsent(finding.ruleId(), id -> placeholder(id, finding.level()));
        }
        ordered = new ArrayList<>(byId.values());
        for (int i = 0; i < ordered.size(); i++) {
            indexById.put(ordered.get(i).id(), i);
        }
    }

    int indexOf(String ruleId) {
        return indexById.get(ruleId);
    }

    ArrayNode descriptors(ReportContext context) {
        ArrayNode array = JsonOutput.array();
        ordered.forEach(rule -> array.add(descriptor(rule, context)));
        return array;
    }

    private static ObjectNode descriptor(RuleDefinition rule, ReportContext context) {
        ObjectNode node = JsonOutput.object();
        node.put("id", rule.id());
        node.put("name", nonBlank(rule.name()) ? rule.name() : pascalCase(rule.id()));
        String title = nonBlank(rule.title()) ? rule.title() : rule.id();
        node.putObject("shortDescription").put("text", limit(title));
        node.putObject("fullDescription").put("text", limit(nonBlank(rule.rationale()) ? rule.rationale() : title));
        ObjectNode help = node.putObject("help");
        help.put("text", helpText(rule, title));
        Optional<String> helpUri = RuleLinks.helpUri(context, rule.id());
        help.put("markdown", helpMarkdown(rule, title, helpUri));
        helpUri.ifPresent(uri -> node.put("helpUri", uri));
        node.putObject("defaultConfiguration").put("level", level(rule).id());
        ObjectNode properties = node.putObject("properties");
        boolean security = nonBlank(rule.securitySeverity());
        ArrayNode tags = properties.putArray("tags");
        tags(rule, security).forEach(tags::add);
        properties.put("precision", nonBlank(rule.precision()) ? rule.precision() : "high");
        if (security) {
            properties.put("security-severity", rule.securitySeverity());
        } else {
            properties.put("problem.severity", problemSeverity(level(rule)));
        }
        return node;
    }

    private static Level level(RuleDefinition rule) {
        return rule.level() == null ? Level.WARNING : rule.level();
    }

    private static List<String> tags(RuleDefinition rule, boolean security) {
        Set<String> tags = new LinkedHashSet<>();
        if (security) {
            tags.add(SECURITY_TAG); // code scanning only treats a security-severity as such with this tag
        }
        tags.addAll(rule.tags());
        return tags.stream().limit(MAX_TAGS).toList();
    }

    private static String problemSeverity(Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "recommendation";
        };
    }

    private static String helpText(RuleDefinition rule, String title) {
        StringBuilder text = new StringBuilder(title);
        if (nonBlank(rule.rationale())) {
            text.append("\n\n").append(rule.rationale().strip());
        }
        if (nonBlank(rule.help())) {
            text.append("\n\n").append(rule.help().strip());
        }
        return text.toString();
    }

    private static String helpMarkdown(RuleDefinition rule, String title, Optional<String> helpUri) {
        StringBuilder markdown = new StringBuilder("**").append(title).append("**");
        if (nonBlank(rule.rationale())) {
            markdown.append("\n\n").append(rule.rationale().strip());
        }
        if (nonBlank(rule.help())) {
            markdown.append("\n\n").append(rule.help().strip());
        }
        helpUri.ifPresent(uri -> markdown.append("\n\n[Rule documentation](").append(uri).append(')'));
        return markdown.toString();
    }

    /** Cuts at a word boundary so the text stays within code scanning's 1024-character limit. */
    static String limit(String text) {
        String stripped = text.strip();
        if (stripped.length() <= MAX_DESCRIPTION) {
            return stripped;
        }
        int cut = stripped.lastIndexOf(' ', MAX_DESCRIPTION - 1);
        if (cut < MAX_DESCRIPTION / 2) {
            cut = MAX_DESCRIPTION - 1;
        }
        return stripped.substring(0, cut).stripTrailing() + "…";
    }

    /** {@code sse-proxy-buffering} → {@code SseProxyBuffering}. */
    static String pascalCase(String id) {
        StringBuilder name = new StringBuilder();
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.isEmpty() ? "Rule" : name.toString();
    }

    private static RuleDefinition placeholder(String id, Level level) {
        return new RuleDefinition(id, null, "Finding of rule " + id, level, List.of(), "medium", null,
                "mcpolicy reported a finding of rule " + id + ", for which no rule metadata was loaded.",
                null, List.of(), null, List.of(), null);
    }

    private static boolean nonBlank(String text) {
        return text != null && !text.isBlank();
    }
}

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
 * The rule descriptors of a run: {@code tool.driver.rules} holds the built-in rules plus one descriptor for any rule id
 * that only appears in findings; each custom rule folder ({@code --rules DIR}) is a {@code tool.extensions} component
 * of its own, as code scanning reads query packs. Each array is sorted by id so indexes are stable.
 */
final class SarifRules {
    static final int MAX_TAGS = 20;
    static final int MAX_DESCRIPTION = 1024;
    private static final String SECURITY_TAG = "security";

    private final List<RuleDefinition> ordered;
    /** Custom rule folders in name order, each with its rules by id. */
    private final TreeMap<String, List<RuleDefinition>> packs = new TreeMap<>();
    private final Map<String, Reference> referenceById = new HashMap<>();

    /**
     * Where a result's rule is described.
     *
     * @param component the index in {@code tool.extensions}, or -1 for {@code tool.driver}
     * @param index     the index in that component's {@code rules}
     */
    record Reference(int component, int index) {
        boolean inDriver() {
            return component < 0;
        }
    }

    SarifRules(List<RuleDefinition> known, List<Finding> findings) {
        TreeMap<String, RuleDefinition> byId = new TreeMap<>();
        for (RuleDefinition rule : known) {
            if (rule.builtIn()) {
                byId.putIfAbsent(rule.id(), rule);
            } else {
                packs.computeIfAbsent(rule.pack(), pack -> new ArrayList<>()).add(rule);
            }
        }
        packs.values().forEach(rules -> rules.sort(java.util.Comparator.comparing(RuleDefinition::id)));
        int component = 0;
        for (List<RuleDefinition> rules : packs.values()) {
            for (int i = 0; i < rules.size(); i++) {
                referenceById.putIfAbsent(rules.get(i).id(), new Reference(component, i));
            }
            component++;
        }
        for (Finding finding : findings) {
            if (!referenceById.containsKey(finding.ruleId())) {
                byId.computeIfAbsent(finding.ruleId(), id -> placeholder(id, finding.level()));
            }
        }
        ordered = new ArrayList<>(byId.values());
        for (int i = 0; i < ordered.size(); i++) {
            referenceById.put(ordered.get(i).id(), new Reference(-1, i));
        }
    }

    Reference referenceOf(String ruleId) {
        return referenceById.get(ruleId);
    }

    ArrayNode descriptors(ReportContext context) {
        ArrayNode array = JsonOutput.array();
        ordered.forEach(rule -> array.add(descriptor(rule, context)));
        return array;
    }

    /** One {@code toolComponent} per custom rule folder, named by the folder (repository-relative when inside it). */
    ArrayNode extensions(ReportContext context) {
        ArrayNode array = JsonOutput.array();
        packs.forEach((pack, rules) -> {
            ObjectNode component = array.addObject();
            component.put("name", packName(pack, context));
            ArrayNode descriptors = component.putArray("rules");
            rules.forEach(rule -> descriptors.add(descriptor(rule, context)));
        });
        return array;
    }

    private static String packName(String pack, ReportContext context) {
        java.nio.file.Path folder = context.baseDirectory().resolve(pack).normalize();
        java.nio.file.Path root = context.repositoryRoot();
        String name = folder.startsWith(root) && !folder.equals(root) ? root.relativize(folder).toString() : pack;
        return name.replace('\\', '/');
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

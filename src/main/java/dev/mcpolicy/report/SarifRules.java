package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.rules.RuleDefinition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rule descriptors of a run, all in {@code tool.driver.rules} (code scanning reads a result's description and help
 * from there): first the built-in rules plus one descriptor for any rule id that only appears in findings, by id; then
 * the custom rules ({@code --rules DIR}) by folder and id, so adding custom rules never moves a built-in rule's index.
 */
final class SarifRules {
    static final int MAX_TAGS = 20;
    static final int MAX_DESCRIPTION = 1024;
    /** The property of a custom rule's descriptor that names its folder (repository-relative when inside it). */
    static final String FOLDER_PROPERTY = "ruleFolder";
    private static final String SECURITY_TAG = "security";

    private final List<RuleDefinition> ordered = new ArrayList<>();
    private final Map<String, Integer> indexById = new HashMap<>();

    SarifRules(List<RuleDefinition> known, List<Finding> findings) {
        TreeMap<String, RuleDefinition> builtIn = new TreeMap<>();
        List<RuleDefinition> custom = new ArrayList<>();
        for (RuleDefinition rule : known) {
            if (rule.builtIn()) {
                builtIn.putIfAbsent(rule.id(), rule);
            } else {
                custom.add(rule);
            }
        }
        Set<String> customIds = new HashSet<>();
        custom.forEach(rule -> customIds.add(rule.id()));
        for (Finding finding : findings) {
            if (!customIds.contains(finding.ruleId())) {
                builtIn.computeIfAbsent(finding.ruleId(), id -> placeholder(id, finding.level()));
            }
        }
        custom.sort(Comparator.comparing(RuleDefinition::pack).thenComparing(RuleDefinition::id));
        ordered.addAll(builtIn.values());
        ordered.addAll(custom);
        for (int i = 0; i < ordered.size(); i++) {
            indexById.putIfAbsent(ordered.get(i).id(), i);
        }
    }

    /** The index of the rule's descriptor in {@code tool.driver.rules}. */
    int indexOf(String ruleId) {
        return indexById.get(ruleId);
    }

    ArrayNode descriptors(ReportContext context) {
        ArrayNode array = JsonOutput.array();
        ordered.forEach(rule -> array.add(descriptor(rule, context)));
        return array;
    }

    private static String folderName(String pack, ReportContext context) {
        Path folder = context.baseDirectory().resolve(pack).normalize();
        Path root = context.repositoryRoot();
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
        if (!rule.builtIn()) {
            properties.put(FOLDER_PROPERTY, folderName(rule.pack(), context));
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

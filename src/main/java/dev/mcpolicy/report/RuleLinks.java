package dev.mcpolicy.report;

import dev.mcpolicy.rules.RuleDefinition;

import java.util.Optional;

/**
 * Links to rule pages, only where the user said where they are published ({@code --help-base-url}): a report never
 * points at an address nobody configured. The URL names the folder of the generated pages ({@code docs/rules/}),
 * or holds {@code {rule}} where the rule id goes. A custom rule ({@code --rules DIR}) has no page there: it links
 * only to the {@code helpUri} its own file gives.
 */
public final class RuleLinks {
    static final String PLACEHOLDER = "{rule}";

    private RuleLinks() {
    }

    /**
     * Where to learn about the tool: the tool's own home page if known, else the published rule pages' folder.
     * Null when neither is configured.
     */
    static String informationUri(ReportContext context) {
        if (context.tool().informationUri() != null) {
            return context.tool().informationUri();
        }
        String base = context.helpBaseUrl();
        if (base == null) {
            return null;
        }
        int placeholder = base.indexOf(PLACEHOLDER);
        return placeholder < 0 ? base : base.substring(0, base.lastIndexOf('/', placeholder) + 1);
    }

    static Optional<String> helpUri(ReportContext context, String ruleId) {
        RuleDefinition rule = context.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElse(null);
        return rule == null ? pageUri(context.helpBaseUrl(), ruleId) : helpUri(context.helpBaseUrl(), rule);
    }

    /** Where {@code rule} is documented: its own {@code helpUri}, else (built-in rules only) its page under the base. */
    public static Optional<String> helpUri(String helpBaseUrl, RuleDefinition rule) {
        if (rule.helpUri() != null) {
            return Optional.of(rule.helpUri());
        }
        return rule.builtIn() ? pageUri(helpBaseUrl, rule.id()) : Optional.empty();
    }

    private static Optional<String> pageUri(String base, String ruleId) {
        if (base == null) {
            return Optional.empty();
        }
        if (base.contains(PLACEHOLDER)) {
            return Optional.of(base.replace(PLACEHOLDER, ruleId));
        }
        return Optional.of(base + (base.endsWith("/") ? "" : "/") + ruleId + ".md");
    }
}

package dev.mcpolicy.report;

import java.util.Optional;

/**
 * Links to rule pages, only where the user said where they are published ({@code --help-base-url}): a report never
 * points at an address nobody configured. The URL names the folder of the generated pages ({@code docs/rules/}),
 * or holds {@code {rule}} where the rule id goes.
 */
final class RuleLinks {
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
        String base = context.helpBaseUrl();
        if (base == null) {
            return Optional.empty();
        }
        if (base.contains(PLACEHOLDER)) {
            return Optional.of(base.replace(PLACEHOLDER, ruleId));
        }
        return Optional.of(base + (base.endsWith("/") ? "" : "/") + ruleId + ".md");
    }
}

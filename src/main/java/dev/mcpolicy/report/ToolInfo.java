package dev.mcpolicy.report;

import java.util.Objects;

/**
 * Who produced a report.
 *
 * @param name           short, stable tool name ("mcpolicy"); it names the check in pull requests
 * @param version        the tool's version, also used as SARIF {@code semanticVersion}
 * @param informationUri the project's home page
 */
public record ToolInfo(String name, String version, String informationUri) {
    public static final String NAME = "mcpolicy";
    public static final String HOME = "https://github.com/mcpolicy/mcpolicy";

    public ToolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(informationUri, "informationUri");
    }

    public static ToolInfo mcpolicy(String version) {
        return new ToolInfo(NAME, version, HOME);
    }

    /** Where the documentation page of a rule lives. */
    public String ruleHelpUri(String ruleId) {
        return informationUri + "/blob/main/docs/rules/" + ruleId + ".md";
    }
}

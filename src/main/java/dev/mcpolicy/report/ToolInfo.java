package dev.mcpolicy.report;

import java.util.Objects;

/**
 * Who produced a report.
 *
 * @param name           short, stable tool name ("mcpolicy"); it names the check in pull requests
 * @param version        the tool's version, also used as SARIF {@code semanticVersion}
 * @param informationUri the project's home page, or null when none is known (no address is invented)
 */
public record ToolInfo(String name, String version, String informationUri) {
    public static final String NAME = "mcpolicy";

    public ToolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        informationUri = informationUri == null || informationUri.isBlank() ? null : informationUri;
    }

    public static ToolInfo mcpolicy(String version) {
        return new ToolInfo(NAME, version, null);
    }
}

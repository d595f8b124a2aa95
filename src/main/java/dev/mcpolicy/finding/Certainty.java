package dev.mcpolicy.finding;

import java.util.Locale;

/**
 * How sure a finding is that what it judges is an MCP server. {@link #INFERRED}: the check is scoped to MCP servers
 * ({@code scope: mcp-server} in the rule file) and no workload of the render carries an MCP marker, so every
 * long-running workload was taken for one. Reports explain that once; the pipeline lowers such errors to warnings.
 */
public enum Certainty {
    CERTAIN, INFERRED;

    /** {@code certain} or {@code inferred}, as reports write it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Why a finding is {@link #INFERRED}, and how to make it certain; reports print it once, never per finding. */
    public static final String INFERRED_EXPLANATION = "Findings marked inferred treat workloads as MCP servers only"
            + " because no workload of their render carries an MCP marker; add the annotation"
            + " mcpolicy.dev/mcp-server: \"true\" to the server, or \"false\" to opt out.";
}

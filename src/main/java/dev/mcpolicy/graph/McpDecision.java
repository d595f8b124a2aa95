package dev.mcpolicy.graph;

/** Whether a workload was treated as an MCP server, and why — shown to the user in every report. */
public record McpDecision(Workload workload, boolean mcpServer, String reason) {
    /** True when the workload is an MCP server only because no workload of the render carries an MCP marker. */
    public boolean inferred() {
        return McpServerDetector.inferred(this);
    }
}

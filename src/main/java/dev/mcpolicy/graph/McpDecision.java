package dev.mcpolicy.graph;

/** Whether a workload was treated as an MCP server, and why — shown to the user in every report. */
public record McpDecision(Workload workload, boolean mcpServer, String reason) {
}

package dev.mcpolicy.finding;

/** The report's view of one MCP-server decision: which workload, where, treated as a server or not, and why. */
public record ServerDecision(ObjectRef object, Location location, boolean mcpServer, String reason) {
}

package dev.mcpolicy.finding;

import dev.mcpolicy.secrets.TextMasking;

/**
 * The report's view of one MCP-server decision: which workload, where, treated as a server or not, and why. The
 * reason may quote an image or a port name, so it is masked like a finding's message.
 */
public record ServerDecision(ObjectRef object, Location location, boolean mcpServer, String reason) {
    public ServerDecision {
        reason = TextMasking.mask(reason);
    }
}

package dev.mcpolicy.finding;

import dev.mcpolicy.secrets.TextMasking;

/**
 * The report's view of one MCP-server decision: which workload, where, treated as a server or not, and why. The
 * reason may quote an image or a port name, so it is masked like a finding's message.
 *
 * @param inferred true when the workload counts as an MCP server only because no workload of its render carries an
 *                 MCP marker (the text report then lists it without {@code --verbose})
 */
public record ServerDecision(ObjectRef object, Location location, boolean mcpServer, String reason,
                             boolean inferred) {
    public ServerDecision {
        reason = TextMasking.mask(reason);
    }

    /** A decision taken on a marker (or its absence), not inferred. */
    public ServerDecision(ObjectRef object, Location location, boolean mcpServer, String reason) {
        this(object, location, mcpServer, reason, false);
    }
}

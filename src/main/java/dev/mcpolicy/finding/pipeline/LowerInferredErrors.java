package dev.mcpolicy.finding.pipeline;

import dev.mcpolicy.finding.Certainty;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;

import java.util.List;

/**
 * MCP certainty: a finding about a workload that is an MCP server only by inference (no workload of its render
 * carries a marker) is reported as a warning, not an error. A chart of an ingress controller or a monitoring stack
 * has no marker, and its workloads are not MCP servers with certainty.
 */
public final class LowerInferredErrors implements FindingStep {

    @Override
    public String name() {
        return "MCP certainty";
    }

    @Override
    public List<Finding> apply(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.certainty() == Certainty.INFERRED && f.level() == Level.ERROR ? f.withLevel(Level.WARNING) : f)
                .toList();
    }
}

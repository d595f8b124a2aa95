package dev.mcpolicy.finding.pipeline;

import dev.mcpolicy.finding.Finding;

import java.util.List;

/** One named step of the {@link FindingPipeline}: takes every finding of the run, returns what goes on. */
public interface FindingStep {

    /** A short name for logs and docs ({@code sort}, {@code same-line merge}). */
    String name();

    List<Finding> apply(List<Finding> findings);
}

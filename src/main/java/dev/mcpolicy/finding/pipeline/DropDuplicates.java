package dev.mcpolicy.finding.pipeline;

import dev.mcpolicy.finding.Finding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Equal findings (two checks of one rule reaching the same verdict) count once; the first keeps its place. */
public final class DropDuplicates implements FindingStep {

    @Override
    public String name() {
        return "dedupe";
    }

    @Override
    public List<Finding> apply(List<Finding> findings) {
        return new ArrayList<>(new LinkedHashSet<>(findings));
    }
}

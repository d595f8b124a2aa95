package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.Where;
import dev.mcpolicy.engine.workloads.RenderEnvironment;
import dev.mcpolicy.engine.workloads.SessionState;
import dev.mcpolicy.graph.Workload;

/** The {@code where} filters workload and container targets share beyond kind and longRunning. */
final class WorkloadFilters {
    private WorkloadFilters() {
    }

    static boolean allows(EvaluationContext context, Where where, Workload workload) {
        if (!where.allows("scaledByHpa", !context.graph().hpasScaling(workload).isEmpty())) {
            return false;
        }
        if (where.bool("sessionsInMemory").isPresent()
                && !where.allows("sessionsInMemory", SessionState.of(context, workload).inMemory())) {
            return false;
        }
        return where.strings("environment")
                .map(names -> RenderEnvironment.matches(context, workload.object(), names))
                .orElse(true);
    }
}

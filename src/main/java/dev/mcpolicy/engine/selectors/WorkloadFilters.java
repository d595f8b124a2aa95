package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Filter;
import dev.mcpolicy.engine.mechanism.Where;
import dev.mcpolicy.graph.Workload;

import java.util.Map;

/** The {@code where} filters workload and container targets share beyond kind and longRunning. */
final class WorkloadFilters {
    static final Map<String, Filter> SHARED = Facts.ordered(
            "kind", Filter.strings("the workload's kind: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod", "Deployment"),
            "longRunning", Filter.bool("false for Jobs, CronJobs and Helm hook Pods"),
            "scaledByHpa", Filter.bool("a HorizontalPodAutoscaler of the render scales it"),
            "sessionsInMemory", Filter.bool("it keeps MCP sessions in memory (annotation mcpolicy.dev/session-state:"
                    + " memory, or MCP_TRANSPORT=sse)"),
            "environment", Filter.strings("the render is for one of these environments (a word of a values file name,"
                    + " else of the namespace: production, prod)", "production"));

    private WorkloadFilters() {
    }

    static boolean allows(EvaluationContext context, Where where, Workload workload) {
        if (!where.allows("kind", workload.object().kind()) || !where.allows("longRunning", workload.longRunning())) {
            return false;
        }
        if (!where.allows("scaledByHpa", !context.graph().hpasScaling(workload).isEmpty())) {
            return false;
        }
        if (where.bool("sessionsInMemory").isPresent()
                && !where.allows("sessionsInMemory", context.facts().sessionState(workload).inMemory())) {
            return false;
        }
        return where.strings("environment")
                .map(names -> context.facts().inEnvironment(workload.object(), names))
                .orElse(true);
    }
}

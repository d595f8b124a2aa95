package dev.mcpolicy.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A named way of picking what a check looks at ({@code target: ingress-routes}), with its {@code where} filters. */
public interface Selector {

    String name();

    /** The {@code where} filters it understands, by name. */
    Map<String, FilterKind> filters();

    /** Placeholders its targets fill beyond the common ones ({@code object}, {@code kind}, {@code name}, {@code namespace}). */
    Set<String> placeholders();

    /** True when its targets carry a workload (so {@code from: pod-spec} and workload relations apply). */
    boolean yieldsWorkloads();

    /** True when its targets are containers of a pod spec. */
    default boolean yieldsContainers() {
        return false;
    }

    /** True when its targets are values documents. */
    default boolean yieldsValuesDocuments() {
        return false;
    }

    /**
     * True when its targets are charts: its checks run once per chart ({@link Engine#runChart}), never per render.
     */
    default boolean yieldsCharts() {
        return false;
    }

    List<Target> select(EvaluationContext context, Where where);

    enum FilterKind {
        /** {@code true} or {@code false} */
        BOOLEAN,
        /** one string or a list of strings; matches when any equals */
        STRINGS
    }
}

package dev.mcpolicy.engine.mechanism;

/**
 * What the targets of a selector are. Assertions and relations declare the kinds they accept, so a rule that pairs
 * them wrongly is refused when it loads, with the targets that would work.
 */
public enum TargetKind {
    /** A workload object (Deployment, StatefulSet, …, bare Pod); the target carries the workload. */
    WORKLOAD,
    /** One container of a workload's pod spec; the target carries the workload. */
    CONTAINER,
    /** An Ingress, with the controller that serves it. */
    INGRESS,
    /** A route of any kind (Ingress, IngressRoute, HTTPRoute, …), with the controller that serves it. */
    ROUTE,
    /** One rule of a custom route kind ({@code spec.rules[i]}, {@code spec.routes[i]}, …). */
    ROUTE_RULE,
    /** An object that configures a route's traffic (Middleware, BackendConfig, backend Service, …). */
    ROUTE_ATTACHMENT,
    /** A HorizontalPodAutoscaler. */
    HPA,
    /** A PodDisruptionBudget. */
    PDB,
    /** A Service. */
    SERVICE,
    /** Any object of the render. */
    OBJECT,
    /** One document of a values file. */
    VALUES_DOCUMENT,
    /** The chart of a chart-mode run (its Chart.yaml); checked once per chart, not per render. */
    CHART;

    /** True when targets of this kind carry a workload, so {@code from: pod-spec} applies. */
    public boolean carriesWorkload() {
        return this == WORKLOAD || this == CONTAINER;
    }

    /** True for the kinds whose targets are Kubernetes objects of the render. */
    public boolean isObject() {
        return this != VALUES_DOCUMENT && this != CHART && this != CONTAINER;
    }
}

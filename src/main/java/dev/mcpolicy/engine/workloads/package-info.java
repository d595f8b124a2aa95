/**
 * Facts about workloads that several mechanisms share: how many replicas a workload runs (from its spec or the
 * HorizontalPodAutoscaler that scales it), Kubernetes' int-or-percent arithmetic, container image references,
 * preStop sleep durations, whether a server keeps MCP sessions in memory, and which environment a render is for.
 */
package dev.mcpolicy.engine.workloads;

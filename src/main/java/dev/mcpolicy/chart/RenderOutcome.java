package dev.mcpolicy.chart;

/** What one {@code helm template} run gave: the rendered text, or a failure the user can act on. */
public sealed interface RenderOutcome permits RenderResult, RenderFailure {
}

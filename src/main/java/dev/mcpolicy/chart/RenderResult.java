package dev.mcpolicy.chart;

import dev.mcpolicy.secrets.TextMasking;

/**
 * A successful render.
 *
 * @param text     helm's standard output: the rendered manifests with their {@code # Source:} comments
 * @param stderr   helm's standard error, trimmed (warnings such as deprecations), "" when silent
 * @param exitCode the process exit code (0)
 */
public record RenderResult(String text, String stderr, int exitCode) implements RenderOutcome {
    public RenderResult {
        stderr = TextMasking.mask(stderr);
    }
}

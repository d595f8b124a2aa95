package dev.mcpolicy.chart;

import dev.mcpolicy.secrets.TextMasking;

/**
 * A render that could not be done.
 *
 * @param chart       the chart as the user named it
 * @param environment the environment's name
 * @param message     one line saying what went wrong and what to do
 * @param stderr      helm's trimmed standard error ("" when helm did not run)
 * @param exitCode    helm's exit code, or -1 when helm did not run or was stopped
 */
public record RenderFailure(String chart, String environment, String message, String stderr, int exitCode)
        implements RenderOutcome {

    /** helm's output is kept for the user, with secret-looking parts masked (it may quote values). */
    public RenderFailure {
        message = TextMasking.mask(message);
        stderr = TextMasking.mask(stderr);
    }

    /** {@code chart [environment]: message}, for the user. */
    public String oneLine() {
        return chart + " [" + environment + "]: " + message;
    }
}

package dev.mcpolicy.chart;

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

    /** {@code chart [environment]: message}, for the user. */
    public String oneLine() {
        return chart + " [" + environment + "]: " + message;
    }
}

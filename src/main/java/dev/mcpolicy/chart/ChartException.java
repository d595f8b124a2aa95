package dev.mcpolicy.chart;

/** A chart that cannot be read; the message names the file (and line when known) and is meant for the user. */
public final class ChartException extends Exception {
    public ChartException(String message) {
        super(message);
    }
}

package dev.mcpolicy.baseline;

/** A baseline file that cannot be read or written; the message is one line, {@code file:line:col: message}. */
public final class BaselineException extends Exception {
    public BaselineException(String message) {
        super(message);
    }
}

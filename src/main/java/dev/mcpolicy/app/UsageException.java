package dev.mcpolicy.app;

/**
 * A request that cannot be run as asked (an option that needs a chart when no input is one, a name helm would refuse):
 * the command line prints the one-line message and exits with code 2, before anything is checked.
 */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}

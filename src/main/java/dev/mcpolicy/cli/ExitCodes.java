package dev.mcpolicy.cli;

/** The exit codes CI gates on. */
public final class ExitCodes {
    /** Nothing at or above the --fail-on level. */
    public static final int CLEAN = 0;
    /** Findings at or above the --fail-on level. */
    public static final int FINDINGS = 1;
    /** The run could not be done properly: bad option, unreadable input, YAML that does not parse, helm failure. */
    public static final int RUN_FAILED = 2;

    private ExitCodes() {
    }
}

package dev.mcpolicy.cli;

import dev.mcpolicy.finding.Level;
import picocli.CommandLine;

/** The {@code --fail-on} option of {@code check} and {@code merge}: the lowest level that fails a run. */
final class FailOn {
    private FailOn() {
    }

    /** The level, or null for {@code never}; anything else is a usage error naming the option. */
    static Level parse(CommandLine cli, String value) {
        if (value.equalsIgnoreCase("never")) {
            return null;
        }
        try {
            return Level.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli,
                    "--fail-on must be error, warning, note or never (was '" + value + "')");
        }
    }
}

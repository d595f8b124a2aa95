package dev.mcpolicy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code mcpolicy check …} and {@code mcpolicy rules …}. */
@Command(name = "mcpolicy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Checks Helm-rendered Kubernetes manifests of MCP servers against streaming-safe deployment policies.",
        subcommands = {CheckCommand.class, RulesCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 the run could not be done."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (used by tests and benchmarks without exiting the JVM). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ExceptionHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use 'check' or 'rules'");
    }

    /** Unexpected failures become one line on stderr and exit code 2, never a stack trace. */
    static final class ExceptionHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            cli.getErr().println("mcpolicy: " + message.lines().findFirst().orElse(message));
            if (System.getenv("MCPOLICY_DEBUG") != null) {
                ex.printStackTrace(cli.getErr());
            }
            return ExitCodes.RUN_FAILED;
        }
    }
}

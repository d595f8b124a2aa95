package dev.mcpolicy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code mcpolicy check …} and {@code mcpolicy rules …}. */
@Command(name = "mcpolicy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        usageHelpWidth = 100,
        description = "Checks Helm-rendered Kubernetes manifests of MCP servers against streaming-safe deployment policies.",
        subcommands = {CheckCommand.class, RulesCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run 'mcpolicy check --help' for the options of a check.",
                "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,",
                "2 the run could not be done."})
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
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // An option's value is whatever follows it, even text shaped like one of our options
        // (--set-string=--set-file=k=v): helm gets it as a value, and names are validated before they reach helm.
        cli.setAllowOptionsAsOptionParameters(true);
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use 'check' or 'rules'");
    }

    /**
     * A usage error is one line naming the problem and where the options are explained, exit code 2; never the
     * whole usage text, which would bury the message.
     */
    static final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine failed = ex.getCommandLine();
            String command = failed.getCommandSpec().qualifiedName();
            String message = ex.getMessage() == null ? "invalid arguments" : ex.getMessage();
            failed.getErr().println(command + ": " + message.lines().findFirst().orElse(message)
                    + " (see '" + command + " --help')");
            failed.getErr().flush();
            return ExitCodes.RUN_FAILED;
        }
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

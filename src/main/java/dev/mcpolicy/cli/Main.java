package dev.mcpolicy.cli;

import dev.mcpolicy.app.Checker;
import dev.mcpolicy.secrets.TextMasking;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Entry point: {@code mcpolicy check …} and {@code mcpolicy rules …}. */
@Command(name = "mcpolicy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        usageHelpWidth = 100,
        description = "Checks Helm-rendered Kubernetes manifests of MCP servers against streaming-safe deployment policies.",
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
        String first = args.length > 0 ? args[0] : "";
        if (first.equals("check")) {
            Checker.prepareInBackground();
        }
        CommandLine cli = commandLine(first);
        cli.setExecutionExceptionHandler(new ExceptionHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // An option's value is whatever follows it, even text shaped like one of our options
        // (--set-string=--set-file=k=v): helm gets it as a value, and names are validated before they reach helm.
        cli.setAllowOptionsAsOptionParameters(true);
        try {
            return cli.execute(args);
        } catch (Throwable unexpected) {
            // picocli hands only Exceptions to the handler; an Error (a stack overflow, say) would end the JVM with a
            // stack trace and exit 1, which a CI gate reads as "findings" rather than "the check did not run".
            return ExceptionHandler.report(unexpected, cli.getErr());
        }
    }

    /**
     * The subcommand the arguments name, alone, or all of them when the first argument names none (help, usage
     * errors, options of mcpolicy itself). picocli reads the annotations of every command it is given, and a small
     * run would otherwise pay for the models of commands it does not run.
     */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new Main());
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("check", CheckCommand::new);
        commands.put("rules", RulesCommand::new);
        commands.put("config", ConfigCommand::new);
        commands.put("merge", MergeCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        Supplier<Object> named = commands.get(first);
        if (named != null && !first.equals("help")) {
            cli.addSubcommand(first, named.get());
        } else {
            commands.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: use 'check', 'rules', 'config' or 'merge'");
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
            return report(ex, cli.getErr());
        }

        /** One line on stderr (a stack trace only with MCPOLICY_DEBUG set) and exit code 2. */
        static int report(Throwable failure, java.io.PrintWriter err) {
            String message;
            if (failure instanceof Error) {
                message = "internal error (" + failure.getClass().getSimpleName() + "); the check did not finish."
                        + " Please report it; MCPOLICY_DEBUG=1 prints the stack trace";
            } else {
                String text = failure.getMessage() == null || failure.getMessage().isBlank()
                        ? failure.getClass().getSimpleName() : failure.getMessage();
                message = TextMasking.mask(text.strip().lines().findFirst().orElse(text));
            }
            err.println("mcpolicy: " + message);
            if (System.getenv("MCPOLICY_DEBUG") != null) {
                failure.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.RUN_FAILED;
        }
    }
}

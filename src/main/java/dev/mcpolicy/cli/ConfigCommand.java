package dev.mcpolicy.cli;

import dev.mcpolicy.config.ConfigException;
import dev.mcpolicy.config.ConfigLoader;
import dev.mcpolicy.config.ConfigSchema;
import dev.mcpolicy.config.ConfigText;
import dev.mcpolicy.config.EffectiveConfig;
import dev.mcpolicy.engine.RuleCompiler;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleLoadException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code mcpolicy config init|show|schema}: start a {@code .mcpolicy.yaml}, see the effective settings, get the schema. */
@Command(name = "config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        usageHelpWidth = 100,
        header = "Writes, shows and describes the configuration file (.mcpolicy.yaml).",
        subcommands = {ConfigCommand.Init.class, ConfigCommand.Show.class, ConfigCommand.Schema.class})
public final class ConfigCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use 'init', 'show' or 'schema'");
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Writes a commented starter .mcpolicy.yaml (or FILE), never overwriting one, and the schema"
                    + " editors validate it with (.mcpolicy.schema.json next to it) unless that exists.")
    static final class Init implements Callable<Integer> {
        @CommandLine.Parameters(paramLabel = "FILE", arity = "0..1", description = "Where to write (default: .mcpolicy.yaml).")
        Path file = Path.of(ConfigLoader.FILE_NAME);

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                Files.writeString(file, ConfigText.starter(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                spec.commandLine().getErr().println("mcpolicy config init: " + file + " exists already; edit it,"
                        + " or remove it first");
                return ExitCodes.RUN_FAILED;
            } catch (IOException e) {
                spec.commandLine().getErr().println("mcpolicy config init: cannot write " + file + ": " + e.getMessage());
                return ExitCodes.RUN_FAILED;
            }
            Path parent = file.toAbsolutePath().getParent();
            Path schema = parent.resolve(ConfigSchema.LOCAL_COPY);
            String wroteSchema = "";
            try {
                Files.writeString(schema, ConfigSchema.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                wroteSchema = " and " + ConfigSchema.LOCAL_COPY + " (its schema, for editors)";
            } catch (FileAlreadyExistsException e) {
                // kept: 'mcpolicy config schema' prints the current one
            } catch (IOException e) {
                spec.commandLine().getErr().println("mcpolicy config init: cannot write " + schema + ": " + e.getMessage());
                return ExitCodes.RUN_FAILED;
            }
            spec.commandLine().getOut().println("wrote " + file + wroteSchema
                    + "; 'mcpolicy config show' prints what it sets");
            return ExitCodes.CLEAN;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints the effective configuration (config file, then these options), each value with"
                    + " where it came from.")
    static final class Show implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: discovered).")
        Path configFile;

        @Option(names = "--no-config", description = "Read no configuration file.")
        boolean noConfig;

        @Option(names = "--fail-on", paramLabel = "LEVEL", description = "As for 'mcpolicy check'.")
        String failOn;

        @Option(names = "--waivers", paramLabel = "POLICY", description = "As for 'mcpolicy check'.")
        String waiverPolicy;

        @Option(names = "--set-param", paramLabel = "RULE.PARAM=VALUE", description = "As for 'mcpolicy check'.")
        Map<String, String> parameters = new LinkedHashMap<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws RuleLoadException {
            CommandLine cli = spec.commandLine();
            EffectiveConfig config;
            try {
                config = ConfigOptions.effective(cli, configFile, noConfig,
                        new EffectiveConfig.Flags(failOn, waiverPolicy, parameters));
                Map<String, List<String>> known = new TreeMap<>();
                for (RuleDefinition rule : RuleCompiler.standard().ruleLoader().loadBuiltIn().rules()) {
                    known.put(rule.id(), rule.parameters().stream().map(RuleDefinition.Parameter::name).toList());
                }
                config.validate(known);
            } catch (ConfigException e) {
                cli.getErr().println(e.getMessage());
                return ExitCodes.RUN_FAILED;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cli, e.getMessage());
            }
            cli.getOut().print(ConfigText.show(config, Path.of("").toAbsolutePath()));
            cli.getOut().flush();
            return ExitCodes.CLEAN;
        }
    }

    @Command(name = "schema", mixinStandardHelpOptions = true,
            description = "Prints the JSON Schema of the configuration file (also " + ConfigSchema.PUBLIC_PATH + ").")
    static final class Schema implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(ConfigSchema.text());
            spec.commandLine().getOut().flush();
            return ExitCodes.CLEAN;
        }
    }
}

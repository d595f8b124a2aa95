package dev.mcpolicy.cli;

import dev.mcpolicy.engine.RuleCompiler;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleDocs;
import dev.mcpolicy.rules.RuleLoadException;
import dev.mcpolicy.rules.RuleSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code mcpolicy rules} lists the rules; {@code mcpolicy rules show ID} explains one. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        usageHelpWidth = 100,
        description = "Lists the built-in rules (id, the levels its findings can have, title).",
        subcommands = RulesCommand.Show.class)
public final class RulesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws RuleLoadException {
        RuleSet rules = builtIn();
        PrintWriter out = spec.commandLine().getOut();
        int idWidth = rules.rules().stream().mapToInt(r -> r.id().length()).max().orElse(2);
        int levelWidth = rules.rules().stream().mapToInt(r -> levels(r).length()).max().orElse(7);
        for (RuleDefinition rule : rules.rules()) {
            out.printf("%-" + idWidth + "s  %-" + levelWidth + "s  %s%n", rule.id(), levels(rule), rule.title());
        }
        out.flush();
        return ExitCodes.CLEAN;
    }

    /** The levels a rule's findings can have: "error", or "error, warning" when some are weaker. */
    private static String levels(RuleDefinition rule) {
        return String.join(", ", rule.levels().stream().map(level -> level.id()).toList());
    }

    static RuleSet builtIn() throws RuleLoadException {
        return RuleCompiler.standard().ruleLoader().loadBuiltIn();
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Explains one rule: what, why, how to fix, parameters and defaults, examples.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "Rule id, as listed by 'mcpolicy rules'.")
        String id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws RuleLoadException {
            RuleSet rules = builtIn();
            RuleDefinition rule = rules.byId(id).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "unknown rule '" + id + "'; 'mcpolicy rules' lists them"));
            PrintWriter out = spec.commandLine().getOut();
            out.print(RuleDocs.markdown(rule));
            out.flush();
            return ExitCodes.CLEAN;
        }
    }
}

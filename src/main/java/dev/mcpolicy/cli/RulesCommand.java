package dev.mcpolicy.cli;

import dev.mcpolicy.engine.RuleCompiler;
import dev.mcpolicy.engine.RuleExamples;
import dev.mcpolicy.manifest.PrintableText;
import dev.mcpolicy.report.RuleCatalog;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleDocs;
import dev.mcpolicy.rules.RuleLoadException;
import dev.mcpolicy.rules.RuleSet;
import dev.mcpolicy.secrets.TextMasking;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code mcpolicy rules} lists the rules; {@code rules show ID} explains one; {@code rules test [DIR…]} runs the
 * examples of rules, as the test suite runs those of the built-in pack.
 */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        usageHelpWidth = 100,
        description = {"Lists, explains and tests the rules.",
                "Without a subcommand: the built-in rules and those of --rules DIR (id, the levels its findings can"
                        + " have, title)."},
        subcommands = {RulesCommand.Show.class, RulesCommand.Test.class})
public final class RulesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    Listing listing = new Listing();

    /** What {@code rules} and {@code rules show} share: which rules, and how to print them. */
    static final class Listing {
        @Option(names = "--rules", paramLabel = "DIR",
                description = "Also load the custom rule files of DIR (repeatable), as 'mcpolicy check --rules' does.")
        List<Path> ruleFolders = new ArrayList<>();

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "text (default) or json (for tools: id, title, levels, tags, parameters with types and"
                        + " defaults, helpUri, source: built-in or the rule file).")
        String format;

        @Option(names = "--help-base-url", paramLabel = "URL",
                description = "Where the built-in rule pages are published, as for 'mcpolicy check'; JSON then gives"
                        + " each built-in rule's helpUri.")
        String helpBaseUrl;

        boolean json(CommandLine cli) {
            return switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "text" -> false;
                case "json" -> true;
                default -> throw new CommandLine.ParameterException(cli,
                        "--format must be text or json (was '" + format + "')");
            };
        }
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        boolean json = listing.json(cli);
        RuleSet rules;
        try {
            rules = load(listing.ruleFolders);
        } catch (RuleLoadException e) {
            RuleProblems.print(e.problems(), cli.getErr());
            return ExitCodes.RUN_FAILED;
        }
        PrintWriter out = cli.getOut();
        if (json) {
            RuleCatalog.writeList(rules.rules(), listing.helpBaseUrl, out);
            return ExitCodes.CLEAN;
        }
        int idWidth = rules.rules().stream().mapToInt(r -> r.id().length()).max().orElse(2);
        int levelWidth = rules.rules().stream().mapToInt(r -> levels(r).length()).max().orElse(7);
        for (RuleDefinition rule : rules.rules()) {
            String line = String.format("%-" + idWidth + "s  %-" + levelWidth + "s  %s", rule.id(), levels(rule),
                    printable(rule.title()));
            out.println(rule.builtIn() ? line : line + "  [" + printable(rule.sourceFile()) + "]");
        }
        out.flush();
        return ExitCodes.CLEAN;
    }

    /** The levels a rule's findings can have: "error", or "error, warning" when some are weaker. */
    private static String levels(RuleDefinition rule) {
        return String.join(", ", rule.levels().stream().map(level -> level.id()).toList());
    }

    private static String printable(String text) {
        return PrintableText.escape(TextMasking.mask(text));
    }

    static RuleSet load(List<Path> folders) throws RuleLoadException {
        return RuleCompiler.standard().ruleLoader().loadWithFolders(folders);
    }

    @Command(name = "show", mixinStandardHelpOptions = true, usageHelpWidth = 100,
            description = "Explains one rule: what, why, how to fix, parameters and defaults, examples.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "Rule id, as listed by 'mcpolicy rules'.")
        String id;

        @Mixin
        Listing listing = new Listing();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            CommandLine cli = spec.commandLine();
            boolean json = listing.json(cli);
            RuleSet rules;
            try {
                rules = load(listing.ruleFolders);
            } catch (RuleLoadException e) {
                RuleProblems.print(e.problems(), cli.getErr());
                return ExitCodes.RUN_FAILED;
            }
            RuleDefinition rule = rules.byId(id).orElseThrow(() -> new CommandLine.ParameterException(cli,
                    "unknown rule '" + id + "'; 'mcpolicy rules" + (listing.ruleFolders.isEmpty() ? ""
                            : " --rules DIR") + "' lists them"));
            PrintWriter out = cli.getOut();
            if (json) {
                RuleCatalog.writeOne(rule, listing.helpBaseUrl, out);
            } else {
                out.print(RuleDocs.markdown(rule));
            }
            out.flush();
            return ExitCodes.CLEAN;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, usageHelpWidth = 100,
            description = {"Runs the passing and failing examples of the rules in each DIR (default: the built-in"
                    + " rules) and prints each example's result.",
                    "Exit codes: 0 every example holds, 1 some example fails, 2 a rule file does not load."})
    static final class Test implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", arity = "0..*",
                description = "Folder of rule files, as for 'mcpolicy check --rules DIR'.")
        List<Path> folders = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CommandLine cli = spec.commandLine();
            RuleSet loaded;
            try {
                loaded = load(folders);
            } catch (RuleLoadException e) {
                RuleProblems.print(e.problems(), cli.getErr());
                return ExitCodes.RUN_FAILED;
            }
            List<RuleDefinition> subject = loaded.rules().stream()
                    .filter(rule -> folders.isEmpty() == rule.builtIn()).toList();
            RuleExamples runner = new RuleExamples();
            PrintWriter out = cli.getOut();
            int idWidth = subject.stream().mapToInt(rule -> rule.id().length()).max().orElse(1);
            int failed = 0;
            int examples = 0;
            for (RuleDefinition rule : subject) {
                for (RuleDefinition.RuleExample example : rule.examples()) {
                    examples++;
                    List<String> failures = failures(runner, rule, example);
                    String head = String.format("%-" + idWidth + "s  %s", rule.id(), printable(example.name()));
                    if (failures.isEmpty()) {
                        out.println("pass  " + head);
                    } else {
                        failed++;
                        out.println("FAIL  " + head + ": " + printable(String.join("; ", failures)));
                    }
                }
            }
            out.println(examples + (examples == 1 ? " example" : " examples") + " of " + subject.size()
                    + (subject.size() == 1 ? " rule" : " rules") + ": " + (examples - failed) + " passed, " + failed
                    + " failed");
            out.flush();
            return failed > 0 ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
        }

        /** Why the example fails; an example the engine cannot run fails too, with the reason. */
        private static List<String> failures(RuleExamples runner, RuleDefinition rule,
                                             RuleDefinition.RuleExample example) {
            try {
                return runner.run(rule, example).failures();
            } catch (RuntimeException e) {
                return List.of("the example could not run: " + e.getMessage());
            }
        }
    }
}

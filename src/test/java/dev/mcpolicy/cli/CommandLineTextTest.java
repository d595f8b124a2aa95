package dev.mcpolicy.cli;

import dev.mcpolicy.report.ReportFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the command line prints and accepts: help that is never cut, one-line usage errors, report and colour options. */
class CommandLineTextTest {
    private static CommandLine cli() {
        CommandLine cli = Main.commandLine("");
        cli.setParameterExceptionHandler(new Main.UsageErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    private static String help(String... command) {
        CommandLine target = cli();
        for (String name : command) {
            target = target.getSubcommands().get(name);
        }
        return target.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    @Test
    void topLevelHelpListsEveryCommandWithAWholeSentence() {
        String help = help();
        for (String line : help.lines().toList()) {
            if (line.startsWith("  check ") || line.startsWith("  rules ")) {
                assertTrue(line.strip().endsWith("."), "cut mid-sentence: " + line);
            }
        }
        assertTrue(help.contains("mcpolicy check --help"), help);
    }

    @Test
    void checkHelpNeverBreaksAFileNameOrAnExample() {
        String help = help("check");
        for (String whole : List.of("--report sarif=mcpolicy.sarif", "--env staging=values-staging.yaml",
                "--env production=values-production.yaml", "helm template my-mcp ./chart | mcpolicy check -",
                "sse-read-timeout.minSeconds=7200")) {
            assertTrue(help.contains(whole), "missing or broken across lines: " + whole + "\n" + help);
        }
        for (ReportFormat format : ReportFormat.values()) {
            assertTrue(help.contains(format.id()), format.id());
        }
        for (String line : help.lines().toList()) {
            assertTrue(line.length() <= 100, "wider than the help width: " + line);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--format=xml", "--fail-on=sometimes", "--color=rainbow", "--report=pdf=x"})
    void aUsageErrorIsOneLineThatSaysWhereHelpIs(String option) {
        StringWriter err = new StringWriter();
        CommandLine cli = cli();
        cli.setErr(new PrintWriter(err));
        cli.getSubcommands().get("check").setErr(new PrintWriter(err));
        int exit = cli.execute("check", option, "examples/rendered/default.yaml");
        assertEquals(ExitCodes.RUN_FAILED, exit);
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), err.toString());
        assertTrue(lines.get(0).startsWith("mcpolicy check: "), lines.get(0));
        assertTrue(lines.get(0).endsWith("(see 'mcpolicy check --help')"), lines.get(0));
        assertFalse(err.toString().contains("Usage:"), err.toString());
    }

    @Test
    void reportTargetsParseFormatAndFile() {
        assertEquals(new ReportTarget(ReportFormat.SARIF, Path.of("out/mcpolicy.sarif")),
                ReportTarget.parse("sarif=out/mcpolicy.sarif"));
        assertEquals(new ReportTarget(ReportFormat.GITHUB, null), ReportTarget.parse("GitHub"));
        assertNull(ReportTarget.parse("text=-").file());
        assertEquals(Path.of("a=b.xml"), ReportTarget.parse("junit=a=b.xml").file(), "only the first = separates");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ReportTarget.parse("pdf=x.pdf"));
        assertTrue(unknown.getMessage().contains("text, json, sarif, junit, github, gitlab, markdown"),
                unknown.getMessage());
    }

    @Test
    void colourFollowsTheOptionNoColorAndTheTerminal() {
        CommandLine.Help.Ansi on = CommandLine.Help.Ansi.ON;
        CommandLine.Help.Ansi off = CommandLine.Help.Ansi.OFF;
        assertEquals(on, ColorMode.ALWAYS.resolve(Map.of("NO_COLOR", "1"), false));
        assertEquals(off, ColorMode.NEVER.resolve(Map.of(), true));
        assertEquals(on, ColorMode.AUTO.resolve(Map.of(), true));
        assertEquals(off, ColorMode.AUTO.resolve(Map.of("NO_COLOR", "1"), true));
        assertEquals(on, ColorMode.AUTO.resolve(Map.of("NO_COLOR", ""), true), "an empty NO_COLOR does not count");
        assertEquals(on, ColorMode.AUTO.resolve(Map.of("CLICOLOR_FORCE", "1"), false));
    }

    @Test
    void widthComesFromColumnsThenTheTerminalThenTheDefault() {
        assertEquals(132, Terminal.width(Map.of("COLUMNS", "132"), false));
        assertEquals(100, Terminal.width(Map.of("COLUMNS", "wide"), false));
        assertEquals(100, Terminal.width(Map.of(), false));
    }
}

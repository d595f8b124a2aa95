package dev.mcpolicy.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** picocli models only the subcommand a run names; help and anything else see them all, in their usual order. */
class MainTest {
    private static final List<String> ALL = List.of("check", "rules", "config", "merge", "help");

    @Test
    void aNamedSubcommandIsTheOnlyOneModelled() {
        for (String name : List.of("check", "rules", "config", "merge")) {
            assertEquals(List.of(name), List.copyOf(Main.commandLine(name).getSubcommands().keySet()));
        }
    }

    @Test
    void helpOptionsAndUnknownWordsSeeEverySubcommand() {
        for (String first : List.of("help", "--help", "--version", "", "chek")) {
            assertEquals(ALL, List.copyOf(Main.commandLine(first).getSubcommands().keySet()), first);
        }
    }
}

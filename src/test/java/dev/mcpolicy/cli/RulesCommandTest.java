package dev.mcpolicy.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesCommandTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine("");
        cli.setOut(new PrintWriter(out));
        assertEquals(ExitCodes.CLEAN, cli.execute(args));
        return out.toString();
    }

    @Test
    void theListingShowsEveryLevelARuleCanReport() {
        List<String> lines = run("rules").lines().toList();
        String tls = lines.stream().filter(l -> l.startsWith("ingress-tls ")).findFirst().orElseThrow();
        assertTrue(tls.matches("ingress-tls +error, warning +Ingresses that route.*"), tls);
        String grace = lines.stream().filter(l -> l.startsWith("termination-grace-period ")).findFirst().orElseThrow();
        assertTrue(grace.matches("termination-grace-period +error +MCP server pods.*"), grace);
    }

    @Test
    void showSaysWhichFindingsAreWeaker() {
        String page = run("rules", "show", "ingress-tls");
        assertTrue(page.contains("| Level | `error`; `warning` for no-tls |"), page);
        assertTrue(run("rules", "show", "service-selects-workload")
                .contains("| Level | `error`; `warning` on `services` (routed: false) |"));
    }
}

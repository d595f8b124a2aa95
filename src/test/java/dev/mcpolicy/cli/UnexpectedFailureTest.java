package dev.mcpolicy.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The last-resort guard: whatever escapes a command is one line on stderr and exit code 2, never a stack trace. */
class UnexpectedFailureTest {

    private static String report(Throwable failure, int[] exit) {
        StringWriter err = new StringWriter();
        exit[0] = Main.ExceptionHandler.report(failure, new PrintWriter(err));
        return err.toString();
    }

    @Test
    void anErrorIsOneLineAndExitTwo() {
        int[] exit = new int[1];
        String err = report(new StackOverflowError(), exit);
        assertEquals(ExitCodes.RUN_FAILED, exit[0]);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("mcpolicy: internal error (StackOverflowError)"), err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void anExceptionShowsItsFirstLineWithSecretsMasked() {
        int[] exit = new int[1];
        String token = "ghp_" + "aB3dE5".repeat(6); // built at run time: no token-shaped literal in the repository
        String err = report(new IllegalStateException("cannot use " + token + "\nsecond line"), exit);
        assertEquals(ExitCodes.RUN_FAILED, exit[0]);
        assertEquals("mcpolicy: cannot use ghp_****" + System.lineSeparator(), err);
    }

    @Test
    void anExceptionWithoutAMessageNamesItsType() {
        int[] exit = new int[1];
        assertEquals("mcpolicy: NullPointerException" + System.lineSeparator(),
                report(new NullPointerException(), exit));
    }
}

package dev.mcpolicy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard streams are terminals; Java 17 has no isatty, so Linux' /proc is asked, then System.console(). */
final class Terminal {
    private Terminal() {
    }

    static boolean stdinIsTerminal() {
        return isTerminal(0);
    }

    static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    private static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            if (Files.isSymbolicLink(link)) {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // fall through to the portable answer
        }
        return System.console() != null;
    }
}

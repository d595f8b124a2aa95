package dev.mcpolicy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

    /**
     * Columns of the text report: {@code COLUMNS} when it is a number, else the terminal's width when standard output
     * is one (asked with {@code stty size}), else {@value dev.mcpolicy.report.ReportContext.TextOptions#DEFAULT_WIDTH}.
     */
    static int width(Map<String, String> environment, boolean stdoutIsTerminal) {
        String columns = environment.get("COLUMNS");
        if (columns != null && columns.strip().matches("[0-9]{1,4}") && Integer.parseInt(columns.strip()) > 0) {
            return Integer.parseInt(columns.strip());
        }
        if (stdoutIsTerminal) {
            int size = sttyColumns();
            if (size > 0) {
                return size;
            }
        }
        return dev.mcpolicy.report.ReportContext.TextOptions.DEFAULT_WIDTH;
    }

    private static int sttyColumns() {
        try {
            Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
                    .redirectErrorStream(true).start();
            if (!stty.waitFor(2, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return 0;
            }
            String[] parts = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip()
                    .split("\\s+");
            return stty.exitValue() == 0 && parts.length == 2 && parts[1].matches("[0-9]+")
                    ? Integer.parseInt(parts[1]) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
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

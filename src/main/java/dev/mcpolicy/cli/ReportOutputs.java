package dev.mcpolicy.cli;

import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.report.ReportContext;
import dev.mcpolicy.report.ReportFormat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * Writes every report of one run from the same result (one render, one evaluation). Colour goes only to a text report
 * on standard output. When a {@code github} report is written and {@code GITHUB_STEP_SUMMARY} names a file, the
 * Markdown report is appended to it, as GitHub Actions shows that file on the run's summary page.
 */
final class ReportOutputs {
    static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    private final OutputStream stdout;
    private final Map<String, String> environment;

    ReportOutputs(OutputStream stdout, Map<String, String> environment) {
        this.stdout = stdout;
        this.environment = environment;
    }

    void write(List<ReportTarget> targets, RunResult result, ReportContext context) throws IOException {
        for (ReportTarget target : targets) {
            if (target.toStdout()) {
                Writer out = new OutputStreamWriter(stdout, StandardCharsets.UTF_8);
                target.format().create().write(result, context, out);
                out.flush();
            } else {
                writeFile(target.file(), false, target.format(), result, context.withColour(false));
            }
        }
        String summary = environment.get(STEP_SUMMARY);
        if (summary != null && !summary.isBlank()
                && targets.stream().anyMatch(t -> t.format() == ReportFormat.GITHUB)) {
            writeFile(Path.of(summary), true, ReportFormat.MARKDOWN, result, context.withColour(false));
        }
    }

    private static void writeFile(Path file, boolean append, ReportFormat format, RunResult result,
                                  ReportContext context) throws IOException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            StandardOpenOption[] options = append
                    ? new StandardOpenOption[]{StandardOpenOption.CREATE, StandardOpenOption.APPEND}
                    : new StandardOpenOption[]{StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE};
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, options)) {
                format.create().write(result, context, out);
            }
        } catch (IOException | InvalidPathException e) {
            throw new IOException("cannot write the " + format.id() + " report to " + file + ": " + e.getMessage(), e);
        }
    }
}

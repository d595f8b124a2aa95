package dev.mcpolicy.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.manifest.PrintableText;
import dev.mcpolicy.secrets.TextMasking;
import dev.mcpolicy.report.ReportMerge;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code mcpolicy merge}: one report from the reports of several shards, with the exit code of one run. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Combine JSON or SARIF reports (e.g. of 'check --shard K/N' jobs) into one: findings, MCP-server",
                "decisions and input problems once each, SARIF rules unioned into one run per tool. The exit code is",
                "the one a single run over all the shards' inputs would have: 0 clean, 1 findings at or above",
                "--fail-on, 2 an input error in a report or a report that cannot be read."})
final class MergeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "REPORT", arity = "1..*", description = "JSON or SARIF reports written by mcpolicy check.")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json or sarif: the format of the reports (default: theirs; merge does not convert).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the merged report to FILE instead of stdout.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Lowest level that makes the exit code 1: error, warning, note or never (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        Level threshold = FailOn.parse(cli, failOn);
        List<ReportMerge.Source> sources = new ArrayList<>();
        for (Path report : reports) {
            String name = report.toString();
            if (!Files.isRegularFile(report)) {
                cli.getErr().println(PrintableText.escape(name) + ":1:1: " + (Files.exists(report)
                        ? "not a regular file" : "file not found"));
                return ExitCodes.RUN_FAILED;
            }
            try {
                sources.add(new ReportMerge.Source(name, JSON.readTree(report.toFile())));
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                cli.getErr().println(PrintableText.escape(name) + ":" + (at == null ? 1 : Math.max(1, at.getLineNr()))
                        + ":" + (at == null ? 1 : Math.max(1, at.getColumnNr())) + ": not valid JSON: "
                        + e.getOriginalMessage().lines().findFirst().orElse(""));
                return ExitCodes.RUN_FAILED;
            }
        }
        ReportMerge.Merged merged;
        try {
            merged = ReportMerge.merge(sources);
        } catch (ReportMerge.MergeException e) {
            cli.getErr().println(PrintableText.escape(e.getMessage()));
            return ExitCodes.RUN_FAILED;
        }
        if (format != null && !format.toLowerCase(Locale.ROOT).equals(merged.kind().id())) {
            throw new CommandLine.ParameterException(cli, "--format " + format + ": the reports are "
                    + merged.kind().id() + ", and merge writes the format of its reports");
        }
        for (String problem : merged.problems()) {
            cli.getErr().println(PrintableText.escape(TextMasking.mask(problem)));
        }
        if (output == null) {
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            merged.write(out);
        } else {
            try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                merged.write(out);
            }
        }
        if (!merged.successful()) {
            return ExitCodes.RUN_FAILED;
        }
        boolean failing = threshold != null && merged.levels().stream().anyMatch(level -> level.atLeast(threshold));
        return failing ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

}

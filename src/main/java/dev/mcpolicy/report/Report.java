package dev.mcpolicy.report;

import dev.mcpolicy.finding.RunResult;

import java.io.IOException;
import java.io.Writer;

/** Renders one run. Implementations are stateless and deterministic: the same input gives the same characters. */
public interface Report {
    void write(RunResult run, ReportContext context, Writer out) throws IOException;
}

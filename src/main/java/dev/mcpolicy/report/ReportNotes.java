package dev.mcpolicy.report;

import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.Certainty;

import java.util.ArrayList;
import java.util.List;

/**
 * Explanations a report gives once, however many findings they concern (rather than repeating a sentence in every
 * message). Reports for people (text, Markdown) print them before the totals.
 */
final class ReportNotes {

    private ReportNotes() {
    }

    static List<String> of(RunResult run) {
        List<String> notes = new ArrayList<>();
        if (run.findings().stream().anyMatch(f -> f.certainty() == Certainty.INFERRED)) {
            notes.add(Certainty.INFERRED_EXPLANATION);
        }
        return notes;
    }
}

package dev.mcpolicy.report;

import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;

/** Approval checks with a quiet reporter (no diff tool pops up) and the right file extension. */
final class Approval {
    private Approval() {
    }

    static void verify(String text, String extension) {
        Approvals.verify(text, new Options().withReporter(new QuietReporter()).forFile().withExtension(extension));
    }
}

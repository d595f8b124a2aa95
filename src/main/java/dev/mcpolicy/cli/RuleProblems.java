package dev.mcpolicy.cli;

import dev.mcpolicy.manifest.PrintableText;
import dev.mcpolicy.rules.RuleProblem;
import dev.mcpolicy.secrets.TextMasking;

import java.io.PrintWriter;
import java.util.List;

/** Rule files that do not load, one {@code file:line:col: message} line each on stderr. */
final class RuleProblems {
    private RuleProblems() {
    }

    static void print(List<RuleProblem> problems, PrintWriter err) {
        for (RuleProblem problem : problems) {
            err.println(PrintableText.escape(problem.file()) + ":" + problem.line() + ":" + problem.column() + ": "
                    + PrintableText.escape(TextMasking.mask(problem.message())));
        }
        err.flush();
    }
}

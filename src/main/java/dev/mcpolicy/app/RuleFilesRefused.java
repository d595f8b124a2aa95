package dev.mcpolicy.app;

import dev.mcpolicy.rules.RuleLoadException;
import dev.mcpolicy.rules.RuleProblem;

import java.util.List;

/** The rule files a run was asked to use ({@code --rules DIR}) do not load: the run checks nothing. */
public final class RuleFilesRefused extends RuntimeException {
    private final List<RuleProblem> problems;

    public RuleFilesRefused(RuleLoadException cause) {
        super(cause.getMessage(), cause);
        this.problems = cause.problems();
    }

    /** Every problem, each at its file, line and column. */
    public List<RuleProblem> problems() {
        return problems;
    }
}

package dev.mcpolicy.rules;

import java.util.List;
import java.util.stream.Collectors;

/** One or more rule files are invalid; the message lists every problem, one per line. */
public final class RuleLoadException extends Exception {
    private final List<RuleProblem> problems;

    public RuleLoadException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::oneLine).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}

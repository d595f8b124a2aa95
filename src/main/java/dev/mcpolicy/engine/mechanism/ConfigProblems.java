package dev.mcpolicy.engine.mechanism;

import java.util.ArrayList;
import java.util.List;

/** Problems of one mechanism configuration, each with the field it is about (null: the whole configuration). */
public final class ConfigProblems {
    private final List<Problem> problems = new ArrayList<>();

    /** @param field a relative pointer without the leading slash ({@code min}, {@code oneOf/2}), or null */
    public void add(String field, String message) {
        problems.add(new Problem(field, message));
    }

    public List<Problem> all() {
        return List.copyOf(problems);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public record Problem(String field, String message) {
    }
}

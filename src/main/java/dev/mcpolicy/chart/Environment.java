package dev.mcpolicy.chart;

import java.nio.file.Path;
import java.util.List;

/**
 * One column of the render matrix: a name shown to the user and the {@code -f} values files, in helm's order
 * (later files win).
 */
public record Environment(String name, List<Path> valuesFiles) {
    public static final String DEFAULT_NAME = "default";

    public Environment {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("environment name must not be blank");
        }
        valuesFiles = List.copyOf(valuesFiles);
    }

    /** The chart's own values only. */
    public static Environment defaults() {
        return new Environment(DEFAULT_NAME, List.of());
    }
}

package dev.mcpolicy.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats the CLI offers ({@code --format text|json|sarif}). */
public enum ReportFormat {
    TEXT {
        @Override
        public Report create() {
            return new TextReport();
        }
    },
    JSON {
        @Override
        public Report create() {
            return new JsonReport();
        }
    },
    SARIF {
        @Override
        public Report create() {
            return new SarifReport();
        }
    };

    public abstract Report create();

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted formats */
    public static ReportFormat parse(String text) {
        for (ReportFormat format : values()) {
            if (format.id().equalsIgnoreCase(text.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + text + "' (expected one of "
                + Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", ")) + ")");
    }
}

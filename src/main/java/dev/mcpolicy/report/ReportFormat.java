package dev.mcpolicy.report;

import java.util.Locale;

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
}

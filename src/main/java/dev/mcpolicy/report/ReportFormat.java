package dev.mcpolicy.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The report formats ({@code --format}, {@code --report FORMAT[=FILE]}), each with what reads it. */
public enum ReportFormat {
    /** For people in a terminal or a CI log. */
    TEXT(TextReport::new),
    /** mcpolicy's documented JSON ({@code docs/json-report.md}). */
    JSON(JsonReport::new),
    /** SARIF 2.1.0 for GitHub code scanning. */
    SARIF(SarifReport::new),
    /** JUnit XML for Jenkins, GitLab and GitHub test reporters. */
    JUNIT(JunitReport::new),
    /** GitHub Actions workflow commands: annotations on the pull request. */
    GITHUB(GithubReport::new),
    /** GitLab Code Quality. */
    GITLAB(GitlabReport::new),
    /** A pull-request comment or step summary. */
    MARKDOWN(MarkdownReport::new);

    private final Supplier<Report> factory;

    ReportFormat(Supplier<Report> factory) {
        this.factory = factory;
    }

    public Report create() {
        return factory.get();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }

    /** @throws IllegalArgumentException naming the accepted formats */
    public static ReportFormat parse(String text) {
        for (ReportFormat format : values()) {
            if (format.id().equalsIgnoreCase(text.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + text + "' (expected one of " + ids() + ")");
    }

    /** {@code text, json, sarif, …} */
    public static String ids() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
    }
}

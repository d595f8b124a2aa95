package dev.mcpolicy.report;

import dev.mcpolicy.rules.RuleDefinition;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report needs besides the run itself.
 *
 * @param tool          name and version of the tool
 * @param rules         metadata of the rules (SARIF descriptors); findings of unknown rules still render
 * @param colour        ANSI colour in the text report; the CLI decides ({@code --color}, NO_COLOR, a terminal)
 * @param baseDirectory where relative {@code Location.file} paths are resolved (usually the working directory)
 * @param sourceRoot    repository root, SARIF uris are made relative to it; null means the base directory
 *                      (relative roots are resolved against the base directory)
 * @param fileTexts     texts of inputs that are not on disk (e.g. {@code <stdin>}) keyed by {@code Location.file};
 *                      used instead of the disk for line hashes and token ends
 * @param sarifCategory SARIF {@code automationDetails.id}; null (the default) emits none
 * @param helpBaseUrl   where the rule pages ({@code docs/rules/<id>.md}) are published, or null: only then do
 *                      reports link to them ({@code helpUri}); otherwise they carry the help text itself
 * @param text          layout of the text report: width, detail
 * @param generatedAt   when the run happened, for formats that must say so (JUnit's timestamp)
 */
public record ReportContext(ToolInfo tool, List<RuleDefinition> rules, boolean colour, Path baseDirectory,
                           Path sourceRoot, Map<String, String> fileTexts, String sarifCategory,
                           String helpBaseUrl, TextOptions text, Instant generatedAt) {
    /** The default time of a report: fixed, so that a report without a clock is still deterministic. */
    public static final Instant EPOCH = Instant.EPOCH;

    public ReportContext {
        Objects.requireNonNull(tool, "tool");
        rules = List.copyOf(rules);
        baseDirectory = (baseDirectory == null ? Path.of("") : baseDirectory).toAbsolutePath().normalize();
        fileTexts = Map.copyOf(fileTexts);
        helpBaseUrl = helpBaseUrl == null || helpBaseUrl.isBlank() ? null : helpBaseUrl.strip();
        text = text == null ? TextOptions.DEFAULT : text;
        generatedAt = generatedAt == null ? EPOCH : generatedAt;
    }

    /**
     * Width and detail of the text report.
     *
     * @param width   columns to wrap at (at least 40)
     * @param verbose also list MCP-server decisions that were not inferred
     * @param quiet   only errors and the summary
     */
    public record TextOptions(int width, boolean verbose, boolean quiet) {
        public static final int DEFAULT_WIDTH = 100;
        public static final int MIN_WIDTH = 40;
        public static final TextOptions DEFAULT = new TextOptions(DEFAULT_WIDTH, false, false);

        public TextOptions {
            width = Math.max(MIN_WIDTH, width);
        }
    }

    /** The absolute repository root: the source root if given, else the base directory. */
    public Path repositoryRoot() {
        return sourceRoot == null ? baseDirectory : baseDirectory.resolve(sourceRoot).normalize();
    }

    /** Plain output, paths relative to the working directory, which is also the source root. */
    public static ReportContext of(ToolInfo tool, List<RuleDefinition> rules) {
        return new ReportContext(tool, rules, false, null, null, Map.of(), null, null, null, null);
    }

    public ReportContext withColour(boolean enabled) {
        return new ReportContext(tool, rules, enabled, baseDirectory, sourceRoot, fileTexts, sarifCategory,
                helpBaseUrl, text, generatedAt);
    }

    public ReportContext withBaseDirectory(Path directory) {
        return new ReportContext(tool, rules, colour, directory, sourceRoot, fileTexts, sarifCategory,
                helpBaseUrl, text, generatedAt);
    }

    public ReportContext withSourceRoot(Path root) {
        return new ReportContext(tool, rules, colour, baseDirectory, root, fileTexts, sarifCategory,
                helpBaseUrl, text, generatedAt);
    }

    public ReportContext withFileTexts(Map<String, String> texts) {
        return new ReportContext(tool, rules, colour, baseDirectory, sourceRoot, texts, sarifCategory,
                helpBaseUrl, text, generatedAt);
    }

    public ReportContext withSarifCategory(String category) {
        return new ReportContext(tool, rules, colour, baseDirectory, sourceRoot, fileTexts, category,
                helpBaseUrl, text, generatedAt);
    }

    public ReportContext withHelpBaseUrl(String url) {
        return new ReportContext(tool, rules, colour, baseDirectory, sourceRoot, fileTexts, sarifCategory,
                url, text, generatedAt);
    }

    public ReportContext withText(TextOptions options) {
        return new ReportContext(tool, rules, colour, baseDirectory, sourceRoot, fileTexts, sarifCategory,
                helpBaseUrl, options, generatedAt);
    }

    public ReportContext withGeneratedAt(Instant instant) {
        return new ReportContext(tool, rules, colour, baseDirectory, sourceRoot, fileTexts, sarifCategory,
                helpBaseUrl, text, instant);
    }
}

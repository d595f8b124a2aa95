package dev.mcpolicy.report;

import dev.mcpolicy.rules.RuleDefinition;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report needs besides the run itself.
 *
 * @param tool          name and version of the tool
 * @param rules         metadata of the rules (SARIF descriptors); findings of unknown rules still render
 * @param colour        ANSI colour in the text report; the CLI enables it only for a terminal without NO_COLOR
 * @param baseDirectory where relative {@code Location.file} paths are resolved (usually the working directory)
 * @param sourceRoot    repository root, SARIF uris are made relative to it; null means the base directory
 *                      (relative roots are resolved against the base directory)
 * @param fileTexts     texts of inputs that are not on disk (e.g. {@code <stdin>}) keyed by {@code Location.file};
 *                      used instead of the disk for line hashes and token ends
 * @param sarifCategory SARIF {@code automationDetails.id}; null (the default) emits none
 */
public record ReportContext(ToolInfo tool, List<RuleDefinition> rules, boolean colour, Path baseDirectory,
                           Path sourceRoot, Map<String, String> fileTexts, String sarifCategory) {
    public ReportContext {
        Objects.requireNonNull(tool, "tool");
        rules = List.copyOf(rules);
        baseDirectory = (baseDirectory == null ? Path.of("") : baseDirectory).toAbsolutePath().normalize();
        fileTexts = Map.copyOf(fileTexts);
    }

    /** The absolute repository root: the source root if given, else the base directory. */
    public Path repositoryRoot() {
        return sourceRoot == null ? baseDirectory : baseDirectory.resolve(sourceRoot).normalize();
    }

    /** Plain output, paths relative to the working directory, which is also the source root. */
    public static ReportContext of(ToolInfo tool, List<RuleDefinition> rules) {
        return new ReportContext(tool, rules, false, null, null, Map.of(), null);
    }

    public ReportContext withColour(boolean enabled) {
        return new ReportContext(tool, rules, enabled, baseDirectory, sourceRoot, fileTexts, sarifCategory);
    }

    public ReportContext withBaseDirectory(Path directory) {
        return new ReportContext(tool, rules, colour, directory, sourceRoot, fileTexts, sarifCategory);
    }

    public ReportContext withSourceRoot(Path root) {
        return new ReportContext(tool, rules, colour, baseDirectory, root, fileTexts, sarifCategory);
    }

    public ReportContext withFileTexts(Map<String, String> texts) {
        return new ReportContext(tool, rules, colour, baseDirectory, sourceRoot, texts, sarifCategory);
    }

    public ReportContext withSarifCategory(String category) {
        return new ReportContext(tool, rules, colour, baseDirectory, sourceRoot, fileTexts, category);
    }
}

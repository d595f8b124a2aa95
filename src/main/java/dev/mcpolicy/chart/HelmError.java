package dev.mcpolicy.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed {@code helm template} said, read from its standard error: the error in full on one line, and the
 * template place it names, if any.
 *
 * <p>Helm names the place in several shapes, all with the chart-relative template path that {@code # Source:}
 * comments use:
 * <ul>
 *   <li>{@code template: mcp/templates/deployment.yaml:12:20: executing …} (Helm 3);</li>
 *   <li>{@code execution error at (mcp/templates/cm.yaml:4:11): …} and {@code parse error at (mcp/templates/cm.yaml:5): …};</li>
 *   <li>{@code mcp/templates/cm.yaml:4:11} on the error line, the details on the lines below (Helm 4);</li>
 *   <li>{@code YAML parse error on mcp/templates/cm.yaml: …}: the file only (the line helm adds is a line of the
 *       template's output, not of the template).</li>
 * </ul>
 *
 * @param text     the error without helm's {@code Error:} prefix, log lines and {@code --debug} advice; every line
 *                 of it joined with single spaces, never cut
 * @param template where helm says the error is, when it names a template
 */
public record HelmError(String text, Optional<TemplatePlace> template) {
    private static final String TEMPLATE_PATH = "[A-Za-z0-9._-]+(?:/[^\\s:()\"<>]+)+";
    private static final Pattern PLACE = Pattern.compile(
            "(?<![\\w./-])(" + TEMPLATE_PATH + "):(\\d+)(?::(\\d+))?");
    private static final Pattern YAML_ERROR = Pattern.compile("YAML parse error on (" + TEMPLATE_PATH + "):");
    private static final Pattern LOG_LINE = Pattern.compile("^(?:level=\\w+|time=\\S+)\\s.*");
    private static final String DEBUG_ADVICE = "Use --debug flag";

    /**
     * A place in a template as helm names it.
     *
     * @param path   chart-relative, starting with the chart's name ({@code mcp/templates/cm.yaml},
     *               {@code mcp/charts/db/templates/sts.yaml})
     * @param line   1-based, or 1 when helm names the file only
     * @param column 1-based, or 1 when helm gives none
     */
    public record TemplatePlace(String path, int line, int column) {
    }

    public static HelmError of(String stderr) {
        List<String> lines = new ArrayList<>();
        boolean inError = false;
        for (String raw : stderr.strip().split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("Error:")) {
                inError = true;
                lines.clear();
                line = line.substring("Error:".length()).strip();
            }
            if (line.isEmpty() || line.startsWith(DEBUG_ADVICE) || LOG_LINE.matcher(line).matches()
                    || !inError && line.startsWith("WARNING:")) {
                continue;
            }
            lines.add(line);
        }
        String text = String.join(" ", lines);
        return new HelmError(text, place(text));
    }

    private static Optional<TemplatePlace> place(String text) {
        Matcher at = PLACE.matcher(text);
        Matcher yaml = YAML_ERROR.matcher(text);
        boolean placed = at.find();
        boolean yamlFile = yaml.find();
        if (yamlFile && (!placed || yaml.start() < at.start())) {
            return Optional.of(new TemplatePlace(yaml.group(1), 1, 1));
        }
        if (!placed) {
            return Optional.empty();
        }
        int line = Integer.parseInt(at.group(2).length() > 9 ? "1" : at.group(2));
        int column = at.group(3) == null || at.group(3).length() > 9 ? 1 : Integer.parseInt(at.group(3));
        return Optional.of(new TemplatePlace(at.group(1), Math.max(1, line), Math.max(1, column)));
    }
}

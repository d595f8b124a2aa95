package dev.mcpolicy.manifest;

import dev.mcpolicy.secrets.TextMasking;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;

import java.util.regex.Pattern;

/** One-line, class-name-free messages for snakeyaml's parse errors. */
final class YamlErrors {
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:java|javax|org|com)\\.[\\w.$]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private YamlErrors() {
    }

    /** @param reportedAt where the problem is reported; the context's start is named when it differs */
    static String describe(MarkedYamlEngineException e, YamlTreeBuilder.SegmentPositions positions,
                           Position reportedAt) {
        String problem = e.getProblem();
        String context = e.getContext();
        StringBuilder message = new StringBuilder("YAML syntax error: ");
        if (context != null && !context.isBlank()) {
            message.append(clean(context));
            if (e.getContextMark().isPresent()) {
                Position started = positions.of(e.getContextMark());
                if (started.compareTo(reportedAt) < 0) {
                    message.append(" (started at line ").append(started.line()).append(", column ")
                            .append(started.column()).append(')');
                }
            }
            message.append(": ");
        }
        message.append(problem == null ? "the text cannot be parsed" : clean(problem));
        return message.toString();
    }

    static String describe(ReaderException e) {
        return String.format("the text contains the control character U+%04X, which YAML does not allow",
                e.getCodePoint());
    }

    static String describe(YamlEngineException e) {
        if (e instanceof YamlVersionException version) {
            return "the %YAML directive asks for version " + version.getSpecVersion().getRepresentation()
                    + "; only YAML 1.x can be read";
        }
        return "YAML error: " + clean(e.getMessage());
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        // masked before the rewriting below, which could break up a quoted secret so that it no longer matches
        String tabs = TextMasking.mask(text).replace("'\\t(TAB)'", "a tab").replace("\\t(TAB)", "tabs")
                .replace("'<stream end>'", "the end of the document")
                .replace("<stream end>", "the end of the document")
                .replace("end of stream", "end of the document");
        String noJava = JAVA_NAME.matcher(tabs).replaceAll("");
        String oneLine = SPACES.matcher(noJava).replaceAll(" ").trim();
        return oneLine.endsWith(".") ? oneLine.substring(0, oneLine.length() - 1) : oneLine;
    }
}

package dev.mcpolicy.manifest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small helpers shared by the loader tests. */
final class LoaderTestSupport {
    static final ManifestLoader LOADER = new ManifestLoader();

    private LoaderTestSupport() {
    }

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static LoadResult load(String text) {
        return LOADER.loadText("in.yaml", text);
    }

    static ManifestDocument single(String text) {
        LoadResult result = load(text);
        assertEquals(List.of(), result.problems(), "problems");
        assertEquals(1, result.documents().size(), "documents");
        return result.documents().get(0);
    }

    static NodeSpan span(ManifestDocument document, String pointer) {
        return document.positions().get(pointer)
                .orElseThrow(() -> new AssertionError("no span for " + pointer));
    }

    static Position pos(int line, int column) {
        return new Position(line, column);
    }

    /** The text between two positions of a text, both 1-based with UTF-16 columns, end exclusive. */
    static String textBetween(String text, Position start, Position end) {
        return text.substring(offset(text, start), offset(text, end));
    }

    static int offset(String text, Position position) {
        int line = 1;
        int i = 0;
        while (line < position.line()) {
            char c = text.charAt(i++);
            if (c == '\n' || c == '\r' && (i >= text.length() || text.charAt(i) != '\n')) {
                line++;
            }
        }
        return i + position.column() - 1;
    }

    static InputProblem onlyProblem(LoadResult result) {
        assertEquals(1, result.problems().size(), () -> "problems: " + result.problems());
        return result.problems().get(0);
    }

    static void assertOneLineWithoutJavaNames(String message) {
        assertTrue(!message.contains("\n") && !message.contains("\r"), () -> "multi-line: " + message);
        assertTrue(!message.matches(".*\\b(java|org|com)\\.[a-z].*") && !message.contains("Exception"),
                () -> "mentions Java internals: " + message);
    }
}

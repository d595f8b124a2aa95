package dev.mcpolicy.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a YAML stream into the text of its documents, so each is parsed on its own and one broken document
 * cannot hide the others.
 *
 * <p>A line starting with {@code ---} or {@code ...} in column 1, followed by the end of the line, a space
 * or a tab, is a document marker. YAML forbids such a line inside any scalar (block scalars must be
 * indented, quoted and plain scalars may not contain a marker line), so splitting on lines is exact:
 * an indented {@code ---} inside a block scalar is content, {@code ---word} is content. A {@code ---} opens
 * a new document unless the text since the previous cut is only blank lines, comments and directives
 * (which belong to the document the marker opens); {@code ...} closes the document and is kept with it.
 */
final class DocumentSplitter {
    private static final String HELM_SOURCE_PREFIX = "# Source:";

    private DocumentSplitter() {
    }

    /**
     * One document's text.
     *
     * @param startOffset first character in the stream
     * @param endOffset   character after the last one (the next document's first line or the end)
     * @param firstLine   0-based line of {@code startOffset}
     * @param isDocument  false for text between documents that holds nothing (comments after {@code ...})
     * @param helmSource  path from a {@code # Source:} comment above the content, or null
     */
    record Segment(int startOffset, int endOffset, int firstLine, boolean isDocument, String helmSource) {
    }

    static List<Segment> split(LineMap lines) {
        String text = lines.text();
        List<Segment> segments = new ArrayList<>();
        int segmentStartLine = 0;
        boolean hasMarker = false;
        boolean hasContent = false;
        String helmSource = null;
        for (int line = 0; line < lines.count(); line++) {
            int start = lines.start(line);
            int end = lines.end(line);
            if (isMarker(text, start, end, '-')) {
                if (hasMarker || hasContent) {
                    segments.add(segment(lines, segmentStartLine, line, true, helmSource));
                    segmentStartLine = line;
                    hasContent = false;
                    helmSource = null;
                }
                hasMarker = true;
                continue;
            }
            if (isMarker(text, start, end, '.')) {
                segments.add(segment(lines, segmentStartLine, line + 1, hasMarker || hasContent, helmSource));
                segmentStartLine = line + 1;
                hasMarker = false;
                hasContent = false;
                helmSource = null;
                continue;
            }
            if (hasContent) {
                continue;
            }
            int first = firstNonBlank(text, start, end);
            if (first == end) {
                continue;
            }
            if (text.charAt(first) == '#') {
                if (helmSource == null && text.startsWith(HELM_SOURCE_PREFIX, first)) {
                    String path = text.substring(first + HELM_SOURCE_PREFIX.length(), end).trim();
                    helmSource = path.isEmpty() ? null : path;
                }
            } else if (!(first == start && text.charAt(first) == '%' && !hasMarker)) {
                hasContent = true;
            }
        }
        if (segmentStartLine < lines.count()) {
            segments.add(segment(lines, segmentStartLine, lines.count(), hasMarker || hasContent, helmSource));
        }
        return segments;
    }

    private static Segment segment(LineMap lines, int startLine, int endLine, boolean isDocument,
                                   String helmSource) {
        int startOffset = lines.start(startLine);
        int endOffset = endLine < lines.count() ? lines.start(endLine) : lines.text().length();
        return new Segment(startOffset, endOffset, startLine, isDocument, helmSource);
    }

    static boolean isMarker(String text, int start, int end, char markerChar) {
        if (end - start < 3) {
            return false;
        }
        for (int i = start; i < start + 3; i++) {
            if (text.charAt(i) != markerChar) {
                return false;
            }
        }
        return end - start == 3 || text.charAt(start + 3) == ' ' || text.charAt(start + 3) == '\t';
    }

    private static int firstNonBlank(String text, int start, int end) {
        int i = start;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}

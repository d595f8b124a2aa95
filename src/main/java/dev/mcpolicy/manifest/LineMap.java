package dev.mcpolicy.manifest;

import java.util.Arrays;

/**
 * Line starts of one text, with the conversions between snakeyaml's marks (0-based line, column in code
 * points) and {@link Position}s (1-based line, column in UTF-16 code units). Line breaks are {@code \n},
 * {@code \r\n} and a lone {@code \r}, exactly the ones snakeyaml-engine counts.
 */
final class LineMap {
    private final String text;
    private final int[] starts;
    private final int count;
    private final boolean hasSupplementary;

    // Marks arrive in text order, so remembering the last conversion keeps long lines linear.
    private int cachedLine = -1;
    private int cachedCodePoints;
    private int cachedOffset;

    private LineMap(String text, int[] starts, int count, boolean hasSupplementary) {
        this.text = text;
        this.starts = starts;
        this.count = count;
        this.hasSupplementary = hasSupplementary;
    }

    static LineMap of(String text) {
        int[] starts = new int[64];
        int count = 1;
        int length = text.length();
        if (text.indexOf('\r') < 0) {
            // The common case, a search per line instead of a look at every character.
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[count++] = i + 1;
            }
        } else {
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
        }
        // Fewer code points than characters: surrogate pairs, whose columns count differently. (The count is free
        // for text without characters above U+00FF.)
        return new LineMap(text, starts, count, text.codePointCount(0, length) != length);
    }

    /** The same map with its own conversion cache, for one thread. */
    LineMap forThread() {
        return new LineMap(text, starts, count, hasSupplementary);
    }

    String text() {
        return text;
    }

    /** Number of lines; a text ending in a line break has an empty last line. */
    int count() {
        return count;
    }

    /** Offset of the first character of a 0-based line. */
    int start(int line) {
        return starts[line];
    }

    /** Offset just after the last character of a 0-based line, before its line break. */
    int end(int line) {
        if (line + 1 >= count) {
            return text.length();
        }
        int end = starts[line + 1];
        if (text.charAt(end - 1) == '\n') {
            end--;
            if (end > starts[line] && text.charAt(end - 1) == '\r') {
                end--;
            }
        } else {
            end--; // a lone \r
        }
        return end;
    }

    /** Position of a 0-based line and a 0-based column counted in code points. */
    Position position(int line, int codePointColumn) {
        int clampedLine = Math.max(0, Math.min(line, count - 1));
        return new Position(clampedLine + 1, utf16Column(clampedLine, Math.max(0, codePointColumn)) + 1);
    }

    /** Position of a character offset in the text. */
    Position positionOfOffset(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int found = Arrays.binarySearch(starts, 0, count, clamped);
        int line = found >= 0 ? found : -found - 2;
        return new Position(line + 1, clamped - starts[line] + 1);
    }

    private int utf16Column(int line, int codePoints) {
        if (!hasSupplementary) {
            return codePoints;
        }
        int lineStart = starts[line];
        int lineEnd = end(line);
        int offset = lineStart;
        int walked = 0;
        if (cachedLine == line && cachedCodePoints <= codePoints) {
            offset = cachedOffset;
            walked = cachedCodePoints;
        }
        while (walked < codePoints && offset < lineEnd) {
            offset += Character.charCount(text.codePointAt(offset));
            walked++;
        }
        cachedLine = line;
        cachedCodePoints = walked;
        cachedOffset = offset;
        // Past the end of the line (end-of-stream marks) every further code point counts as one unit.
        return offset - lineStart + (codePoints - walked);
    }
}

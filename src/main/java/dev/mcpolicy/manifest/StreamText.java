package dev.mcpolicy.manifest;

/**
 * A YAML stream's text as the loader parses it: byte order marks at the start of a line removed, with the offsets of
 * undecodable bytes moved along.
 *
 * <p>{@code cat a.yaml b.yaml} puts {@code b.yaml}'s byte order mark at the start of a line in the middle of the
 * stream, where it would glue itself to the next key or hide a {@code ---} marker. A line that held one keeps its
 * line number; its columns count from after the mark, as on line 1.
 *
 * @param text       the text without those marks
 * @param badOffsets offsets in {@code text}, ascending, where an invalid byte sequence was replaced by U+FFFD
 */
record StreamText(String text, int[] badOffsets) {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    static StreamText of(String text, int[] badOffsets) {
        if (text.indexOf(BYTE_ORDER_MARK) < 0) {
            return new StreamText(text, badOffsets);
        }
        StringBuilder out = new StringBuilder(text.length());
        int[] moved = badOffsets.clone();
        int nextBad = 0;
        int removed = 0;
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            while (nextBad < moved.length && moved[nextBad] == i) {
                moved[nextBad++] -= removed;
            }
            if (c == BYTE_ORDER_MARK && lineStart) {
                removed++;
                continue;
            }
            out.append(c);
            lineStart = c == '\n' || c == '\r';
        }
        while (nextBad < moved.length) {
            moved[nextBad++] -= removed;
        }
        return new StreamText(out.toString(), moved);
    }
}

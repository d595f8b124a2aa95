package dev.mcpolicy.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrapping at spaces. A word longer than a line (a path, a URL, a JSON value) is kept whole on a line of
 * its own and may overflow: breaking it would make it wrong to copy.
 */
final class Wrapping {
    private Wrapping() {
    }

    /** The lines of {@code text}, each at most {@code width} characters unless a single word is longer. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.isEmpty()) {
                line.append(word);
            } else if (line.length() + 1 + word.length() <= width) {
                line.append(' ').append(word);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}

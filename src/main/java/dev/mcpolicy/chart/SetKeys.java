package dev.mcpolicy.chart;

import java.util.ArrayList;
import java.util.List;

/** The values paths that {@code --set} / {@code --set-string} arguments assign, parsed as helm's strvals does. */
final class SetKeys {
    private final List<List<String>> paths;

    private SetKeys(List<List<String>> paths) {
        this.paths = List.copyOf(paths);
    }

    static SetKeys parse(List<String> arguments) {
        List<List<String>> paths = new ArrayList<>();
        for (String argument : arguments) {
            for (String assignment : splitAssignments(argument)) {
                int equals = unescapedIndex(assignment, '=');
                String key = equals < 0 ? assignment : assignment.substring(0, equals);
                if (!key.isBlank()) {
                    paths.add(keyPath(key));
                }
            }
        }
        return new SetKeys(paths);
    }

    List<List<String>> paths() {
        return paths;
    }

    /** True when some {@code --set} assigns {@code path} itself or one of its ancestors. */
    boolean covers(List<String> path) {
        for (List<String> set : paths) {
            if (set.size() <= path.size() && path.subList(0, set.size()).equals(set)) {
                return true;
            }
        }
        return false;
    }

    /** {@code a=1,b={x,y},c\,d=2} → {@code a=1}, {@code b={x,y}}, {@code c\,d=2}. */
    private static List<String> splitAssignments(String argument) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                out.add(argument.substring(start, i));
                start = i + 1;
            }
        }
        out.add(argument.substring(start));
        return out;
    }

    /** {@code a.b\.c[0].d} → {@code a}, {@code b.c}, {@code 0}, {@code d}. */
    private static List<String> keyPath(String key) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' && i + 1 < key.length()) {
                current.append(key.charAt(++i));
            } else if (c == '.') {
                flush(out, current);
            } else if (c == '[') {
                flush(out, current);
                int close = key.indexOf(']', i);
                if (close < 0) {
                    break;
                }
                out.add(key.substring(i + 1, close).strip());
                i = close;
            } else {
                current.append(c);
            }
        }
        flush(out, current);
        return out;
    }

    private static void flush(List<String> out, StringBuilder current) {
        if (current.length() > 0) {
            out.add(current.toString());
            current.setLength(0);
        }
    }

    private static int unescapedIndex(String text, char wanted) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }
}

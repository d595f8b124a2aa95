package dev.mcpolicy.waivers;

/**
 * Glob matching for waiver fields: {@code *} is any run of characters, {@code ?} one character. In paths, {@code *}
 * stays inside one folder and {@code **} crosses folders. A hand-written matcher: no regular expression is built
 * from user text.
 */
final class Globs {
    private Globs() {
    }

    static boolean matches(String glob, String text) {
        return match(glob, 0, text, 0, false);
    }

    static boolean matchesPath(String glob, String path) {
        return match(glob, 0, path.replace('\\', '/'), 0, true);
    }

    private static boolean match(String glob, int g, String text, int t, boolean path) {
        while (g < glob.length()) {
            char c = glob.charAt(g);
            if (c == '*') {
                boolean crossFolders = !path || (g + 1 < glob.length() && glob.charAt(g + 1) == '*');
                int next = g + (path && crossFolders ? 2 : 1);
                if (path && crossFolders && next < glob.length() && glob.charAt(next) == '/') {
                    // "**/" also matches no folder at all
                    if (match(glob, next + 1, text, t, true)) {
                        return true;
                    }
                }
                for (int end = t; end <= text.length(); end++) {
                    if (match(glob, next, text, end, path)) {
                        return true;
                    }
                    if (end < text.length() && path && !crossFolders && text.charAt(end) == '/') {
                        return false;
                    }
                }
                return false;
            }
            if (t >= text.length() || (c != '?' && c != text.charAt(t)) || (c == '?' && path && text.charAt(t) == '/')) {
                return false;
            }
            g++;
            t++;
        }
        return t == text.length();
    }
}

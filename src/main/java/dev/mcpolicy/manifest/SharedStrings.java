package dev.mcpolicy.manifest;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each short text a stream repeats (keys such as {@code metadata}, values such as {@code apps/v1}):
 * a large render repeats them in every document. Safe to share between the threads that parse one stream; bounded,
 * so a stream of distinct values does not grow a second copy of itself.
 */
final class SharedStrings {
    private static final int MAX_LENGTH = 64;
    private static final int MAX_ENTRIES = 1 << 16;

    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

    String share(String text) {
        if (text.length() > MAX_LENGTH) {
            return text;
        }
        String known = strings.get(text);
        if (known != null) {
            return known;
        }
        if (strings.size() >= MAX_ENTRIES) {
            return text;
        }
        known = strings.putIfAbsent(text, text);
        return known != null ? known : text;
    }
}

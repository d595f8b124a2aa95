package dev.mcpolicy.manifest;

import java.util.ArrayList;
import java.util.List;

/** Small helpers for RFC 6901 JSON pointers. */
public final class JsonPointers {
    private JsonPointers() {
    }

    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    public static String child(String pointer, String key) {
        return pointer + "/" + escape(key);
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** Pointer of the parent; the root's parent is the root. */
    public static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    public static List<String> tokens(String pointer) {
        List<String> out = new ArrayList<>();
        if (pointer.isEmpty()) {
            return out;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            out.add(unescape(raw));
        }
        return out;
    }

    /** Builds a pointer from unescaped tokens. */
    public static String of(String... tokens) {
        StringBuilder sb = new StringBuilder();
        for (String t : tokens) {
            sb.append('/').append(escape(t));
        }
        return sb.toString();
    }
}

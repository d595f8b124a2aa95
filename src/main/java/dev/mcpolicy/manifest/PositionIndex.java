package dev.mcpolicy.manifest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

/**
 * Positions of every node of one YAML document, looked up by RFC 6901 JSON pointer ("" is the root,
 * "/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-buffering" an annotation).
 *
 * <p>Every node of the document's JSON tree has a span. They are kept compactly (issue 12: an object per key was
 * most of the memory of a large render): nine ints per node in one array, in pre-order, with each node's subtree
 * size, so a pointer is resolved by walking the tree beside the array instead of by a map of pointer strings.
 */
public final class PositionIndex {
    static final int FIELDS = 9;
    private static final int SIZE = 0;
    private static final int KEY = 1;
    private static final int KEY_END = 3;
    private static final int VALUE = 5;
    private static final int VALUE_END = 7;
    private static final PositionIndex EMPTY = new PositionIndex(null, new int[0]);

    private final JsonNode content;
    private final int[] data;

    private PositionIndex(JsonNode content, int[] data) {
        this.content = content;
        this.data = data;
    }

    public static PositionIndex empty() {
        return EMPTY;
    }

    public Optional<NodeSpan> get(String pointer) {
        int node = find(pointer);
        return node < 0 ? Optional.empty() : Optional.of(span(node));
    }

    public int size() {
        return data.length / FIELDS;
    }

    /**
     * Where a finding about {@code pointer} belongs: the node itself when it exists, otherwise its
     * nearest existing ancestor (a missing key is reported on the parent the user must add it to).
     */
    public Located locate(String pointer) {
        String current = pointer;
        while (true) {
            int node = find(current);
            if (node >= 0) {
                return new Located(current, span(node), current.equals(pointer));
            }
            if (current.isEmpty()) {
                return new Located("", null, false);
            }
            current = JsonPointers.parent(current);
        }
    }

    /** The pre-order number of the node at {@code pointer}, or -1. */
    private int find(String pointer) {
        if (content == null || !pointer.isEmpty() && pointer.charAt(0) != '/') {
            return -1;
        }
        JsonNode node = content;
        int id = 0;
        int from = 1;
        while (from <= pointer.length()) {
            int slash = pointer.indexOf('/', from);
            int to = slash < 0 ? pointer.length() : slash;
            String token = pointer.substring(from, to);
            int child = id + 1;
            if (node.isObject()) {
                String key = JsonPointers.unescape(token);
                Iterator<String> names = node.fieldNames();
                while (true) {
                    if (!names.hasNext()) {
                        return -1;
                    }
                    if (names.next().equals(key)) {
                        break;
                    }
                    child += data[child * FIELDS + SIZE];
                }
                node = node.get(key);
            } else if (node.isArray()) {
                int index = arrayIndex(token);
                if (index < 0 || index >= node.size()) {
                    return -1;
                }
                for (int i = 0; i < index; i++) {
                    child += data[child * FIELDS + SIZE];
                }
                node = node.get(index);
            } else {
                return -1;
            }
            id = child;
            if (slash < 0) {
                break;
            }
            from = slash + 1;
        }
        return id;
    }

    /** An array index as a pointer spells it (digits, no leading zero), or -1. */
    private static int arrayIndex(String token) {
        if (token.isEmpty() || token.length() > 9 || token.length() > 1 && token.charAt(0) == '0') {
            return -1;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(token);
    }

    private NodeSpan span(int node) {
        int at = node * FIELDS;
        return new NodeSpan(position(at + KEY), position(at + KEY_END), position(at + VALUE),
                position(at + VALUE_END));
    }

    private Position position(int at) {
        return data[at] == 0 ? null : new Position(data[at], data[at + 1]);
    }

    /** @param span null only when the document has no nodes at all */
    public record Located(String pointer, NodeSpan span, boolean exact) {
    }

    /**
     * Collects the spans of a tree in pre-order: {@link #enter} numbers a node before its children are added,
     * {@link #exit} closes its subtree, and {@link #span} may be set any time in between or after.
     */
    static final class Builder {
        private int[] data = new int[FIELDS * 32];
        private int count;

        /** The number the next node entered gets. */
        int next() {
            return count;
        }

        int enter() {
            if ((count + 1) * FIELDS > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            return count++;
        }

        void exit(int node) {
            data[node * FIELDS + SIZE] = count - node;
        }

        void span(int node, Position key, Position keyEnd, Position value, Position valueEnd) {
            int at = node * FIELDS;
            put(at + KEY, key);
            put(at + KEY_END, keyEnd);
            put(at + VALUE, value);
            put(at + VALUE_END, valueEnd);
        }

        private void put(int at, Position position) {
            data[at] = position == null ? 0 : position.line();
            data[at + 1] = position == null ? 0 : position.column();
        }

        PositionIndex build(JsonNode content) {
            return new PositionIndex(content, Arrays.copyOf(data, count * FIELDS));
        }
    }
}

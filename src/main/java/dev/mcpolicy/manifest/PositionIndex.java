package dev.mcpolicy.manifest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Positions of every node of one YAML document, keyed by RFC 6901 JSON pointer ("" is the root,
 * "/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-buffering" an annotation).
 */
public final class PositionIndex {
    private final Map<String, NodeSpan> spans;

    public PositionIndex(Map<String, NodeSpan> spans) {
        this.spans = Map.copyOf(spans);
    }

    public static PositionIndex empty() {
        return new PositionIndex(new HashMap<>());
    }

    public Optional<NodeSpan> get(String pointer) {
        return Optional.ofNullable(spans.get(pointer));
    }

    public int size() {
        return spans.size();
    }

    /**
     * Where a finding about {@code pointer} belongs: the node itself when it exists, otherwise its
     * nearest existing ancestor (a missing key is reported on the parent the user must add it to).
     */
    public Located locate(String pointer) {
        String current = pointer;
        while (true) {
            NodeSpan span = spans.get(current);
            if (span != null) {
                return new Located(current, span, current.equals(pointer));
            }
            if (current.isEmpty()) {
                return new Located("", null, false);
            }
            current = JsonPointers.parent(current);
        }
    }

    /** @param span null only when the document has no nodes at all */
    public record Located(String pointer, NodeSpan span, boolean exact) {
    }
}

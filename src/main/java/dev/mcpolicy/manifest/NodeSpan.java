package dev.mcpolicy.manifest;

/**
 * Where one YAML node sits in its file.
 *
 * @param key        position of the mapping key that names this node, or null for list items and roots
 * @param keyEnd     position just after that key (exclusive), or null
 * @param valueStart first character of the value (for a block collection, its first entry)
 * @param valueEnd   position just after the value (exclusive)
 */
public record NodeSpan(Position key, Position keyEnd, Position valueStart, Position valueEnd) {
    /** The place a finding about this node points at: the key when there is one, else the value. */
    public Position anchor() {
        return key != null ? key : valueStart;
    }

    /** Exclusive end column of the anchor when it stays on one line, else 0 (unknown). */
    public int anchorEndColumn() {
        if (key != null && keyEnd != null && keyEnd.line() == key.line()) {
            return keyEnd.column();
        }
        if (key == null && valueEnd != null && valueEnd.line() == valueStart.line()) {
            return valueEnd.column();
        }
        return 0;
    }
}

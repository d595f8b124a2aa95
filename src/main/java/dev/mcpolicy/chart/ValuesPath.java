package dev.mcpolicy.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A path into the values tree as a template sees it. A segment is a key ({@link String}) or the current
 * iteration of a {@code range} ({@link RangeBlock}), whose key is only known for one concrete finding.
 */
record ValuesPath(List<Object> segments) {
    static final ValuesPath ROOT = new ValuesPath(List.of());

    ValuesPath {
        segments = List.copyOf(segments);
    }

    ValuesPath plus(List<?> more) {
        List<Object> all = new ArrayList<>(segments);
        all.addAll(more);
        return new ValuesPath(all);
    }

    /** The path with every range slot replaced by its bound key, or null when a slot is still unknown. */
    List<String> concrete(Map<RangeBlock, String> slots) {
        List<String> out = new ArrayList<>();
        for (Object segment : segments) {
            if (segment instanceof String key) {
                out.add(key);
            } else {
                String bound = slots.get((RangeBlock) segment);
                if (bound == null) {
                    return null;
                }
                out.add(bound);
            }
        }
        return out;
    }

    /** One {@code range} block of a template: what it iterates and the variables it declares. */
    static final class RangeBlock {
        final int line;
        final ValuesPath collection;
        final String keyVariable;
        /** The collection when it is a map merged from several values maps ({@code range $k, $v := $merged}). */
        final MergedValues mergedCollection;

        RangeBlock(int line, ValuesPath collection, String keyVariable) {
            this(line, collection, keyVariable, null);
        }

        RangeBlock(int line, ValuesPath collection, String keyVariable, MergedValues mergedCollection) {
            this.line = line;
            this.collection = collection;
            this.keyVariable = keyVariable;
            this.mergedCollection = mergedCollection;
        }

        @Override
        public String toString() {
            return "range@" + line;
        }
    }
}

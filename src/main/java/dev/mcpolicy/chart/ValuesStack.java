package dev.mcpolicy.chart;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.manifest.NodeSpan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The values files one chart's templates see, lowest precedence first, the way helm layers them: a subchart's
 * own values.yaml, then each parent's values.yaml under the subchart's key, then the {@code -f} files in order.
 */
final class ValuesStack {
    /** A values file and the keys under which it holds this chart's values ({@code []} for the chart itself). */
    record Layer(ValuesFile values, List<String> prefix) {
        String pointer(List<String> path) {
            List<String> all = new ArrayList<>(prefix);
            all.addAll(path);
            return JsonPointers.of(all.toArray(String[]::new));
        }
    }

    /** Where a values path is set: the file and the key's span. */
    record Hit(ValuesFile values, List<String> path, NodeSpan span) {
    }

    private final List<Layer> lowestFirst;

    ValuesStack(List<Layer> lowestFirst) {
        this.lowestFirst = List.copyOf(lowestFirst);
    }

    /** The file that supplies {@code path}: the highest-precedence layer that sets it. */
    Optional<Hit> setting(List<String> path) {
        for (int i = lowestFirst.size() - 1; i >= 0; i--) {
            Layer layer = lowestFirst.get(i);
            Optional<NodeSpan> span = layer.values().positions().get(layer.pointer(path));
            if (span.isPresent()) {
                return Optional.of(new Hit(layer.values(), path, span.get()));
            }
        }
        return Optional.empty();
    }

    /** The deepest prefix of {@code path} (at least {@code minimumLength} keys long) that some layer sets. */
    Optional<Hit> deepestSetting(List<String> path, int minimumLength) {
        for (int length = path.size(); length >= Math.max(1, minimumLength); length--) {
            Optional<Hit> hit = setting(path.subList(0, length));
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    /** The node at {@code path} in the highest-precedence layer that has one (lists are replaced, not merged). */
    Optional<JsonNode> effective(List<String> path) {
        for (int i = lowestFirst.size() - 1; i >= 0; i--) {
            Layer layer = lowestFirst.get(i);
            JsonNode node = layer.values().content().at(layer.pointer(path));
            if (!node.isMissingNode()) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /** The keys of the merged map at {@code path}, sorted as Go's {@code range} visits them. */
    List<String> mergedKeys(List<String> path) {
        TreeSet<String> keys = new TreeSet<>();
        for (Layer layer : lowestFirst) {
            JsonNode node = layer.values().content().at(layer.pointer(path));
            if (node.isObject()) {
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (node.get(name).isNull()) {
                        keys.remove(name);
                    } else {
                        keys.add(name);
                    }
                }
            }
        }
        return List.copyOf(keys);
    }
}

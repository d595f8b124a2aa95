package dev.mcpolicy.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A map a template builds from several values maps, with the source that wins a shared key first: sprig's
 * {@code merge a b} (the left-most dict wins), {@code mergeOverwrite a b} (the right-most wins), or a dict filled by
 * {@code range}/{@code set} over one map after another (the last {@code set} wins). A key printed from it comes from
 * the first source that sets that key.
 *
 * @param sources values paths in priority order (the one whose key wins first)
 */
record MergedValues(List<ValuesPath> sources) {
    static final MergedValues EMPTY = new MergedValues(List.of());

    MergedValues {
        sources = List.copyOf(sources);
    }

    MergedValues plus(List<?> more) {
        List<ValuesPath> out = new ArrayList<>();
        sources.forEach(source -> out.add(source.plus(more)));
        return new MergedValues(out);
    }

    /** A source set later (a later {@code set}) that wins over the ones before. */
    MergedValues withWinningSource(ValuesPath source) {
        List<ValuesPath> out = new ArrayList<>(List.of(source));
        sources.stream().filter(s -> !s.equals(source)).forEach(out::add);
        return new MergedValues(out);
    }

    /** The concrete sources (range slots bound), in priority order; sources with an unbound slot are left out. */
    List<List<String>> concrete(Map<ValuesPath.RangeBlock, String> slots) {
        List<List<String>> out = new ArrayList<>();
        for (ValuesPath source : sources) {
            List<String> path = source.concrete(slots);
            if (path != null && !path.isEmpty()) {
                out.add(path);
            }
        }
        return out;
    }
}

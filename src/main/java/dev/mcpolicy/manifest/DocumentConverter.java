package dev.mcpolicy.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.secrets.TextMasking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one document's {@link YamlNode} tree into the JSON tree Kubernetes would see, recording a
 * {@link NodeSpan} for every node (in a {@link PositionIndex}). Aliases and merge keys are expanded here, within a
 * node budget; problems that do not stop the document (duplicate keys, bad merge values, mistyped tags) are collected.
 */
final class DocumentConverter {
    private static final String TAG_PREFIX = "tag:yaml.org,2002:";
    private static final String MERGE_TAG = TAG_PREFIX + "merge";
    private static final int MAX_KEY_IN_MESSAGE = 60;

    private final String file;
    private final LoaderLimits limits;
    private final ScalarTyping typing;
    private final long nodeBudget;
    private final Collection<InputProblem> problems;
    private final SharedStrings shared;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final PositionIndex.Builder spans = new PositionIndex.Builder();
    private final Map<YamlNode.Mapping, LinkedHashMap<String, Entry>> effectiveEntries = new IdentityHashMap<>();
    private long nodesMade;
    private Position lastExpansionSite;

    private record Entry(YamlNode key, YamlNode value) {
    }

    /** A converted document: its JSON tree and the span of every node in it. */
    record Converted(JsonNode content, PositionIndex positions) {
    }

    /**
     * @param writtenNodes how many nodes the document's text holds; aliases and merge keys may add at most
     *                     {@link LoaderLimits#maxAliasExpansion()} more
     * @param problems     receives non-fatal problems (a set, so an aliased duplicate is reported once)
     */
    DocumentConverter(String file, LoaderLimits limits, ScalarTyping typing, int writtenNodes,
                      Collection<InputProblem> problems, SharedStrings shared) {
        this.file = file;
        this.limits = limits;
        this.typing = typing;
        this.nodeBudget = (long) writtenNodes + limits.maxAliasExpansion();
        this.problems = problems;
        this.shared = shared;
    }

    Converted convert(YamlNode root) {
        JsonNode content = value(root, 0);
        spans.span(0, null, null, root.start(), root.end());
        return new Converted(content, spans.build(content));
    }

    /** Converts a node; it and its subtree are numbered in pre-order in the position index. */
    private JsonNode value(YamlNode node, int depth) {
        charge(node.start());
        if (node instanceof YamlNode.Alias alias) {
            lastExpansionSite = alias.start();
            return value(alias.target(), depth);
        }
        int id = spans.enter();
        JsonNode converted = collectionOrScalar(node, depth);
        spans.exit(id);
        return converted;
    }

    private JsonNode collectionOrScalar(YamlNode node, int depth) {
        if (node instanceof YamlNode.Scalar scalar) {
            return scalar(scalar);
        }
        if (depth >= limits.maxDepth()) {
            throw new LoadFailure(node.start(), "collections nest deeper than " + limits.maxDepth()
                    + " levels once aliases are expanded");
        }
        if (node instanceof YamlNode.Sequence sequence) {
            ArrayNode array = nodes.arrayNode(sequence.items().size());
            List<YamlNode> items = sequence.items();
            for (int i = 0; i < items.size(); i++) {
                YamlNode item = items.get(i);
                int id = spans.next();
                array.add(value(item, depth + 1));
                spans.span(id, null, null, item.start(), item.end());
            }
            return array;
        }
        YamlNode.Mapping mapping = (YamlNode.Mapping) node;
        String[] names = distinctPlainKeys(mapping);
        if (names != null) {
            ObjectNode object = new ObjectNode(nodes, new SmallMap<>(names.length));
            for (int i = 0; i < names.length; i++) {
                YamlNode key = mapping.keys().get(i);
                YamlNode value = mapping.values().get(i);
                int id = spans.next();
                object.set(shared.share(names[i]), value(value, depth + 1));
                spans.span(id, key.start(), key.end(), value.start(), value.end());
            }
            return object;
        }
        LinkedHashMap<String, Entry> entries = entriesOf(mapping, depth);
        // Most mappings of a manifest hold a few keys, and a default hash table per mapping was a large part of a big
        // render's memory: small ones keep their keys in arrays, larger ones in a table sized for them.
        ObjectNode object = new ObjectNode(nodes, entries.size() <= SmallMap.MAX_KEYS ? new SmallMap<>(entries.size())
                : new LinkedHashMap<>((int) (entries.size() / 0.75f) + 1));
        for (Map.Entry<String, Entry> field : entries.entrySet()) {
            Entry entry = field.getValue();
            int id = spans.next();
            object.set(shared.share(field.getKey()), value(entry.value(), depth + 1));
            spans.span(id, entry.key().start(), entry.key().end(), entry.value().start(), entry.value().end());
        }
        return object;
    }

    /**
     * The key/value pairs a mapping ends up with. Like go-yaml v2 (what Kubernetes decodes with), entries
     * apply in text order and later ones overwrite earlier ones: a merge key ({@code <<}) writes the merged
     * mapping's entries at its place, so keys written after it override merged ones. Of a list of merged
     * mappings the earlier ones win. A key repeated in the text is reported and its last value kept.
     */
    private LinkedHashMap<String, Entry> entriesOf(YamlNode.Mapping mapping, int depth) {
        LinkedHashMap<String, Entry> known = effectiveEntries.get(mapping);
        if (known != null) {
            return known;
        }
        if (depth >= limits.maxDepth()) {
            throw new LoadFailure(mapping.start(), "merge keys nest deeper than " + limits.maxDepth() + " levels");
        }
        LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
        Map<String, YamlNode> firstKeys = new HashMap<>();
        for (int i = 0; i < mapping.keys().size(); i++) {
            YamlNode key = mapping.keys().get(i);
            YamlNode value = mapping.values().get(i);
            if (isMergeKey(key)) {
                for (YamlNode.Mapping source : mergeSources(value)) {
                    for (Map.Entry<String, Entry> merged : entriesOf(source, depth + 1).entrySet()) {
                        charge(value.start());
                        entries.put(merged.getKey(), merged.getValue());
                    }
                }
                continue;
            }
            String name = keyText(key);
            if (name == null) {
                problems.add(InputProblem.error(file, key.start().line(), key.start().column(),
                        "a mapping key must be a plain value, not a list or a mapping; the entry is ignored"));
                continue;
            }
            YamlNode first = firstKeys.putIfAbsent(name, key);
            if (first != null) {
                problems.add(InputProblem.error(file, key.start().line(), key.start().column(),
                        "duplicate key '" + shorten(name) + "' (first at line " + first.start().line()
                                + "); Kubernetes rejects duplicate keys, the last value is used here"));
            }
            entries.put(name, new Entry(key, value));
        }
        effectiveEntries.put(mapping, entries);
        return entries;
    }

    /**
     * The key texts of the common mapping, few keys written out once each and no merge key, whose entries are simply
     * its own in text order; null for any other ({@link #entriesOf} then works them out).
     */
    private static String[] distinctPlainKeys(YamlNode.Mapping mapping) {
        List<YamlNode> keys = mapping.keys();
        if (keys.size() > SmallMap.MAX_KEYS) {
            return null;
        }
        String[] names = new String[keys.size()];
        for (int i = 0; i < names.length; i++) {
            YamlNode key = keys.get(i);
            String name = isMergeKey(key) ? null : keyText(key);
            if (name == null) {
                return null;
            }
            for (int j = 0; j < i; j++) {
                if (names[j].equals(name)) {
                    return null;
                }
            }
            names[i] = name;
        }
        return names;
    }

    /** The mappings a {@code <<} value names, in the order they are applied (so earlier ones win). */
    private List<YamlNode.Mapping> mergeSources(YamlNode value) {
        List<YamlNode.Mapping> sources = new ArrayList<>();
        YamlNode resolved = resolveAlias(value);
        if (resolved instanceof YamlNode.Mapping mapping) {
            sources.add(mapping);
        } else if (value instanceof YamlNode.Sequence sequence) {
            List<YamlNode> items = sequence.items();
            for (int i = items.size() - 1; i >= 0; i--) {
                YamlNode item = resolveAlias(items.get(i));
                if (item instanceof YamlNode.Mapping mapping) {
                    sources.add(mapping);
                } else {
                    badMergeValue(items.get(i));
                }
            }
        } else {
            badMergeValue(value);
        }
        return sources;
    }

    private YamlNode resolveAlias(YamlNode node) {
        if (node instanceof YamlNode.Alias alias) {
            lastExpansionSite = alias.start();
            return alias.target();
        }
        return node;
    }

    private void badMergeValue(YamlNode value) {
        problems.add(InputProblem.error(file, value.start().line(), value.start().column(),
                "the merge key '<<' takes a mapping, an alias of a mapping, or a list of them; this value is"
                        + " ignored"));
    }

    private static boolean isMergeKey(YamlNode key) {
        return key instanceof YamlNode.Scalar scalar
                && (MERGE_TAG.equals(scalar.tag()) || scalar.tag() == null && scalar.plain()
                && "<<".equals(scalar.value()));
    }

    /** Keys are always strings: the key's text (so {@code on:} is the key "on"). Null for collection keys. */
    private static String keyText(YamlNode key) {
        YamlNode node = key instanceof YamlNode.Alias alias ? alias.target() : key;
        return node instanceof YamlNode.Scalar scalar ? scalar.value() : null;
    }

    private JsonNode scalar(YamlNode.Scalar scalar) {
        String tag = scalar.tag();
        if (tag == null) {
            String text = shared.share(scalar.value());
            return scalar.plain() ? checkedNumber(typing.resolvePlain(text), scalar) : nodes.textNode(text);
        }
        return switch (tag) {
            case TAG_PREFIX + "int", TAG_PREFIX + "float", TAG_PREFIX + "bool", TAG_PREFIX + "null" ->
                    checkedNumber(typed(scalar, tag.substring(TAG_PREFIX.length())), scalar);
            // !!str, !!binary, !!timestamp, the non-specific "!" and custom tags: go-yaml v2 keeps the text.
            default -> nodes.textNode(scalar.value());
        };
    }

    /** A scalar with an explicit {@code !!int}, {@code !!float}, {@code !!bool} or {@code !!null} tag. */
    private JsonNode typed(YamlNode.Scalar scalar, String wanted) {
        JsonNode resolved = typing.resolvePlain(scalar.value());
        boolean matches = switch (wanted) {
            case "int" -> resolved.isIntegralNumber();
            case "float" -> resolved.isNumber();
            case "bool" -> resolved.isBoolean();
            default -> resolved.isNull();
        };
        if (!matches) {
            problems.add(InputProblem.error(file, scalar.start().line(), scalar.start().column(),
                    "this value is not a valid !!" + wanted
                            + " (the text is not shown; it may be secret); Kubernetes rejects it, it is read as a"
                            + " string here"));
            return nodes.textNode(scalar.value());
        }
        return wanted.equals("float") && resolved.isIntegralNumber()
                ? nodes.numberNode(resolved.doubleValue()) : resolved;
    }

    private JsonNode checkedNumber(JsonNode value, YamlNode.Scalar scalar) {
        if (value.isDouble() && !Double.isFinite(value.doubleValue())) {
            problems.add(InputProblem.error(file, scalar.start().line(), scalar.start().column(),
                    "'" + scalar.value() + "' is not a number JSON can hold, so Kubernetes cannot read it"));
        }
        return value;
    }

    private void charge(Position site) {
        if (++nodesMade > nodeBudget) {
            Position where = lastExpansionSite != null ? lastExpansionSite : site;
            throw new LoadFailure(where, "aliases and merge keys expand to more than "
                    + limits.maxAliasExpansion() + " extra nodes (an alias bomb?); the document was not read");
        }
    }

    private static String shorten(String text) {
        return TextMasking.excerpt(text.replaceAll("\\s+", " "), MAX_KEY_IN_MESSAGE);
    }
}

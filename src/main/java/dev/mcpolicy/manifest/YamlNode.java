package dev.mcpolicy.manifest;

import java.util.List;

/**
 * The YAML node tree of one document as written, before aliases, merge keys and scalar types are resolved.
 * Positions are already in file coordinates. Collections are compared by identity where it matters.
 */
sealed interface YamlNode {
    Position start();

    /** Exclusive end; for block collections the end of their last entry. */
    Position end();

    /**
     * @param tag   the explicit tag ({@code tag:yaml.org,2002:str}, {@code !}, {@code !custom}), or null
     * @param plain written without quotes and not as a block scalar
     */
    record Scalar(String value, String tag, boolean plain, Position start, Position end) implements YamlNode {
    }

    record Sequence(List<YamlNode> items, Position start, Position end) implements YamlNode {
    }

    /** Keys and values at the same indexes, in text order. */
    record Mapping(List<YamlNode> keys, List<YamlNode> values, Position start, Position end) implements YamlNode {
    }

    /** A use of an anchor; {@code target} is the complete node the anchor named at that point. */
    record Alias(String anchor, YamlNode target, Position start, Position end) implements YamlNode {
    }
}

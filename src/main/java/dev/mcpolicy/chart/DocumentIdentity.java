package dev.mcpolicy.chart;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rendered document a finding is in, as far as finding its template document needs.
 *
 * @param helmSource            the document's {@code # Source:} path
 * @param kind                  its {@code kind}, or null
 * @param name                  its {@code metadata.name}, or null
 * @param ordinalInSource       0-based index among the rendered documents with the same source
 * @param ordinalOfKindInSource 0-based index among those that also have the same kind (helm keeps their order
 *                              when it sorts a template's documents by kind)
 */
public record DocumentIdentity(String helmSource, String kind, String name, int ordinalInSource,
                               int ordinalOfKindInSource) {

    /**
     * Identities for a rendered stream's documents, given in stream order as {@code # Source:} paths (null for
     * none) and parsed contents (null when unparsable).
     */
    public static List<DocumentIdentity> assign(List<String> helmSources, List<JsonNode> contents) {
        if (helmSources.size() != contents.size()) {
            throw new IllegalArgumentException("one source per document expected");
        }
        Map<String, Integer> perSource = new HashMap<>();
        Map<String, Integer> perSourceAndKind = new HashMap<>();
        List<DocumentIdentity> out = new ArrayList<>();
        for (int i = 0; i < helmSources.size(); i++) {
            String source = helmSources.get(i);
            JsonNode content = contents.get(i);
            String kind = text(content, "/kind");
            String name = text(content, "/metadata/name");
            int ordinal = perSource.merge(String.valueOf(source), 1, Integer::sum) - 1;
            int ordinalOfKind = perSourceAndKind.merge(source + "\u0000" + kind, 1, Integer::sum) - 1;
            out.add(new DocumentIdentity(source, kind, name, ordinal, ordinalOfKind));
        }
        return out;
    }

    private static String text(JsonNode content, String pointer) {
        if (content == null) {
            return null;
        }
        JsonNode node = content.at(pointer);
        return node.isValueNode() ? node.asText() : null;
    }
}

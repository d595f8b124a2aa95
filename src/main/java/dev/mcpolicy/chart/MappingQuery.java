package dev.mcpolicy.chart;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.manifest.JsonPointers;

import java.util.List;

/**
 * A finding's place in a rendered document.
 *
 * @param document         which rendered document
 * @param pointerTokens    the unescaped JSON-pointer tokens of the offending key
 * @param existingTokens   how many leading tokens exist in the render (all of them unless the key is missing)
 * @param renderedScalar   the rendered scalar at the pointer, or null
 * @param renderedDocument the rendered document, or null; helps tell list items and branches apart
 * @param offendingValue   the part of the rendered scalar the finding is about (an image's tag), or null; picks
 *                         among several values on one template line. Never printed: {@link #toString} omits it
 */
public record MappingQuery(DocumentIdentity document, List<String> pointerTokens, int existingTokens,
                           String renderedScalar, JsonNode renderedDocument, String offendingValue) {
    public MappingQuery {
        pointerTokens = List.copyOf(pointerTokens);
        existingTokens = Math.max(0, Math.min(existingTokens, pointerTokens.size()));
    }

    public MappingQuery(DocumentIdentity document, List<String> pointerTokens, int existingTokens,
                        String renderedScalar, JsonNode renderedDocument) {
        this(document, pointerTokens, existingTokens, renderedScalar, renderedDocument, null);
    }

    /** The same query with a hint at the offending part of the rendered value (null for none). */
    public MappingQuery withOffendingValue(String value) {
        return new MappingQuery(document, pointerTokens, existingTokens, renderedScalar, renderedDocument, value);
    }

    @Override
    public String toString() {
        // rendered values may be secrets: name the place only
        return "MappingQuery[" + document + " " + String.join("/", pointerTokens) + "]";
    }

    /** Derives existence and the scalar from the rendered document itself. */
    public static MappingQuery of(DocumentIdentity document, JsonNode renderedDocument, String pointer) {
        List<String> tokens = JsonPointers.tokens(pointer);
        int existing = 0;
        JsonNode cursor = renderedDocument;
        for (String token : tokens) {
            JsonNode next = cursor == null ? null
                    : cursor.isArray() ? (token.matches("\\d{1,9}") ? cursor.get(Integer.parseInt(token)) : null)
                    : cursor.get(token);
            if (next == null || next.isMissingNode()) {
                break;
            }
            existing++;
            cursor = next;
        }
        String scalar = existing == tokens.size() && cursor != null && cursor.isValueNode() ? cursor.asText() : null;
        return new MappingQuery(document, tokens, existing, scalar, renderedDocument, null);
    }

    public boolean keyExists() {
        return existingTokens == pointerTokens.size();
    }
}

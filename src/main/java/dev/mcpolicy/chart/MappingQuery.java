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
 */
public record MappingQuery(DocumentIdentity document, List<String> pointerTokens, int existingTokens,
                           String renderedScalar, JsonNode renderedDocument) {
    public MappingQuery {
        pointerTokens = List.copyOf(pointerTokens);
        existingTokens = Math.max(0, Math.min(existingTokens, pointerTokens.size()));
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
        return new MappingQuery(document, tokens, existing, scalar, renderedDocument);
    }

    public boolean keyExists() {
        return existingTokens == pointerTokens.size();
    }
}

package dev.mcpolicy.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One YAML document of an input stream, parsed.
 *
 * @param file       display path of the input file ({@code <stdin>} for standard input), as given by the user
 * @param index      0-based position of the document in its stream
 * @param firstLine  1-based line in {@code file} where the document's text starts
 * @param helmSource path from helm's {@code # Source: chart/templates/x.yaml} comment, or null
 * @param content    the document as a JSON tree with the scalar types Kubernetes would read
 * @param positions  position of every node, by JSON pointer, in {@code file}'s coordinates
 */
public record ManifestDocument(String file, int index, int firstLine, String helmSource, JsonNode content,
                               PositionIndex positions) {
}

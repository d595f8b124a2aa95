package dev.mcpolicy.config;

import java.util.List;

/**
 * Markers of MCP servers a repository adds to the built-in ones.
 *
 * @param annotations annotation keys whose value {@code "true"} marks an MCP server
 * @param images      image globs
 * @param envVars     names of container environment variables
 */
public record McpMarkers(List<String> annotations, List<String> images, List<String> envVars) {
    public static final McpMarkers NONE = new McpMarkers(List.of(), List.of(), List.of());

    public McpMarkers {
        annotations = List.copyOf(annotations);
        images = List.copyOf(images);
        envVars = List.copyOf(envVars);
    }

    public boolean isEmpty() {
        return annotations.isEmpty() && images.isEmpty() && envVars.isEmpty();
    }
}

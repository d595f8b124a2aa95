package dev.mcpolicy.graph;

import java.util.List;

/**
 * MCP-server markers a repository adds to the built-in ones ({@code mcpServers:} in {@code .mcpolicy.yaml}).
 *
 * @param annotations annotation keys whose value {@code "true"} on the object or its pod template marks an MCP server
 *                    (like {@code mcpolicy.dev/mcp-server}; that annotation's {@code "false"} still wins)
 * @param images      image globs ({@code *} any characters) that mark a long-running workload's container
 * @param envVars     names of container environment variables that mark a long-running workload
 */
public record McpMarkers(List<String> annotations, List<String> images, List<String> envVars) {
    public static final McpMarkers NONE = new McpMarkers(List.of(), List.of(), List.of());

    public McpMarkers {
        annotations = List.copyOf(annotations);
        images = List.copyOf(images);
        envVars = List.copyOf(envVars);
    }

    /** {@code *} matches any run of characters; everything else itself. */
    static boolean imageMatches(String glob, String image) {
        return matches(glob, 0, image, 0);
    }

    private static boolean matches(String glob, int g, String text, int t) {
        if (g == glob.length()) {
            return t == text.length();
        }
        if (glob.charAt(g) == '*') {
            for (int end = t; end <= text.length(); end++) {
                if (matches(glob, g + 1, text, end)) {
                    return true;
                }
            }
            return false;
        }
        return t < text.length() && glob.charAt(g) == text.charAt(t) && matches(glob, g + 1, text, t + 1);
    }
}

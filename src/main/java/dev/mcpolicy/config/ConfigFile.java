package dev.mcpolicy.config;

import dev.mcpolicy.waivers.Waiver;
import dev.mcpolicy.waivers.WaiverPolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A read {@code .mcpolicy.yaml}; every field is empty or null when the file does not set it.
 *
 * @param file        the file as read
 * @param display     its name in messages
 * @param ruleFolders resolved against the file's folder
 */
public record ConfigFile(Path file, String display, String failOn, WaiverPolicy waiverPolicy,
                         Map<String, RuleSettings> rules, List<Path> ruleFolders, McpMarkers mcpServers,
                         List<Waiver> waivers) {
    public ConfigFile {
        rules = Map.copyOf(rules);
        ruleFolders = List.copyOf(ruleFolders);
        waivers = List.copyOf(waivers);
    }
}

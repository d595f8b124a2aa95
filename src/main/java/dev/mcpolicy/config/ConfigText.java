package dev.mcpolicy.config;

import dev.mcpolicy.manifest.PrintableText;
import dev.mcpolicy.secrets.TextMasking;
import dev.mcpolicy.waivers.Waiver;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/** The texts of {@code mcpolicy config init} and {@code mcpolicy config show}. */
public final class ConfigText {
    private ConfigText() {
    }

    /**
     * A commented starter file: every key, with the defaults, and editors validating it with the schema that
     * {@code config init} writes next to it.
     */
    public static String starter() {
        return """
                # yaml-language-server: $schema=%s
                # mcpolicy configuration; command-line options win over it ('mcpolicy config show' prints the result).

                # Lowest level that makes 'mcpolicy check' exit 1: error, warning, note or never.
                failOn: error

                # Which waivers apply: all, config (only the waivers below) or none.
                waiverPolicy: all

                # Per rule ('mcpolicy rules' lists them): enabled, level, parameters ('mcpolicy rules show <id>').
                rules: {}
                #  replica-count:
                #    enabled: false
                #  sse-read-timeout:
                #    level: warning
                #    parameters:
                #      minSeconds: 7200

                # Folders of custom rule files, relative to this file.
                ruleFolders: []

                # Markers that make a workload an MCP server, besides the built-in ones.
                mcpServers:
                  annotations: []   # e.g. example.com/mcp-server ("true" marks one)
                  images: []        # e.g. registry.example.com/tools/*
                  envVars: []       # e.g. TOOL_SERVER_PORT

                # Accepted findings, each with a reason; 'expires' (YYYY-MM-DD) makes one stop applying after that day.
                waivers: []
                #  - rule: replica-count
                #    object: Deployment/legacy-*
                #    namespace: tools
                #    file: charts/legacy/**
                #    reason: single replica until the session store lands (TICKET-123)
                #    expires: 2026-09-30
                """.formatted(ConfigSchema.LOCAL_COPY);
    }

    /** The effective configuration as YAML, each value followed by where it came from. */
    public static String show(EffectiveConfig config, Path workingDirectory) {
        StringBuilder out = new StringBuilder();
        out.append("# config file: ").append(config.file() == null ? "none"
                : PrintableText.escape(config.file().display())).append('\n');
        out.append("failOn: ").append(config.failOn().value()).append(origin(config.failOn().origin()));
        out.append("waiverPolicy: ").append(config.waiverPolicy().value().id())
                .append(origin(config.waiverPolicy().origin()));
        TreeSet<String> rules = new TreeSet<>(config.enabled().keySet());
        rules.addAll(config.levels().keySet());
        config.parameters().keySet().forEach(key -> rules.add(key.substring(0, Math.max(0, key.indexOf('.')))));
        if (rules.isEmpty()) {
            out.append("rules: {}  # every rule on, at its own level, with its default parameters\n");
        } else {
            out.append("rules:\n");
            for (String rule : rules) {
                out.append("  ").append(rule).append(":\n");
                var enabled = config.enabled().get(rule);
                if (enabled != null) {
                    out.append("    enabled: ").append(enabled.value()).append(origin(enabled.origin()));
                }
                var level = config.levels().get(rule);
                if (level != null) {
                    out.append("    level: ").append(level.value().id()).append(origin(level.origin()));
                }
                boolean heading = false;
                for (Map.Entry<String, EffectiveConfig.Setting<String>> parameter : config.parameters().entrySet()) {
                    if (!parameter.getKey().startsWith(rule + ".")) {
                        continue;
                    }
                    if (!heading) {
                        out.append("    parameters:\n");
                        heading = true;
                    }
                    out.append("      ").append(parameter.getKey().substring(rule.length() + 1)).append(": ")
                            .append(quoted(parameter.getValue().value())).append(origin(parameter.getValue().origin()));
                }
            }
        }
        if (config.ruleFolders().isEmpty()) {
            out.append("ruleFolders: []\n");
        } else {
            out.append("ruleFolders:\n");
            for (Path folder : config.ruleFolders()) {
                Path shown = folder.startsWith(workingDirectory) ? workingDirectory.relativize(folder) : folder;
                out.append("  - ").append(quoted(shown.toString().replace('\\', '/'))).append('\n');
            }
        }
        McpMarkers markers = config.markers();
        out.append("mcpServers:\n")
                .append("  annotations: ").append(list(markers.annotations())).append('\n')
                .append("  images: ").append(list(markers.images())).append('\n')
                .append("  envVars: ").append(list(markers.envVars())).append('\n');
        if (config.waivers().isEmpty()) {
            out.append("waivers: []\n");
        } else {
            out.append("waivers:\n");
            for (Waiver waiver : config.waivers()) {
                out.append("  - rule: ").append(quoted(waiver.rule())).append("  # ")
                        .append(PrintableText.escape(waiver.declaredAt().shortText())).append('\n');
                appendField(out, "object", waiver.object());
                appendField(out, "namespace", waiver.namespace());
                appendField(out, "file", waiver.file());
                appendField(out, "reason", waiver.reason());
                appendField(out, "expires", waiver.expires() == null ? null : waiver.expires().toString());
            }
        }
        return out.toString();
    }

    private static void appendField(StringBuilder out, String key, String value) {
        if (value != null) {
            out.append("    ").append(key).append(": ").append(quoted(value)).append('\n');
        }
    }

    private static String origin(String origin) {
        return "  # " + (origin.equals(EffectiveConfig.DEFAULT) ? "default" : "from " + PrintableText.escape(origin)) + "\n";
    }

    private static String list(java.util.List<String> items) {
        return "[" + String.join(", ", items.stream().map(ConfigText::quoted).toList()) + "]";
    }

    /** A YAML double-quoted scalar, masked. */
    private static String quoted(String text) {
        String masked = TextMasking.mask(text);
        StringBuilder out = new StringBuilder("\"");
        for (char c : masked.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

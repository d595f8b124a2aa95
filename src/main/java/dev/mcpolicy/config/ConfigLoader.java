package dev.mcpolicy.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.LoaderLimits;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.manifest.NodeSpan;
import dev.mcpolicy.manifest.Position;
import dev.mcpolicy.manifest.PrintableText;
import dev.mcpolicy.manifest.ScalarTyping;
import dev.mcpolicy.waivers.Waiver;
import dev.mcpolicy.waivers.WaiverPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and reads {@code .mcpolicy.yaml}: read with the manifest loader (YAML 1.2 core typing, positions), validated
 * with the config schema, then turned into a {@link ConfigFile}. Any problem is a {@link ConfigException} at its
 * {@code file:line:col}.
 */
public final class ConfigLoader {
    public static final String FILE_NAME = ".mcpolicy.yaml";
    private static final ManifestLoader LOADER = new ManifestLoader(LoaderLimits.DEFAULTS
            .withMaxCodePoints(4 * 1024 * 1024).withMaxDepth(32).withMaxAliases(50).withMaxDocuments(2),
            ScalarTyping.YAML_1_2_CORE);
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private ConfigLoader() {
    }

    /**
     * The {@code .mcpolicy.yaml} in {@code start} or the nearest folder above it, looking no further than the
     * repository root (the first folder holding {@code .git}).
     */
    public static Optional<Path> discover(Path start) {
        Path folder = start.toAbsolutePath().normalize();
        while (folder != null) {
            Path candidate = folder.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            if (Files.exists(folder.resolve(".git"))) {
                return Optional.empty();
            }
            folder = folder.getParent();
        }
        return Optional.empty();
    }

    public static ConfigFile load(Path file, String display) {
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw fail(display, 1, 1, Files.exists(file) ? "the config is not a regular file" : "no such config file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw fail(display, 1, 1, "the config is larger than 4 MiB");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw fail(display, 1, 1, "cannot read the config: " + e.getMessage());
        }
        return parse(file, display, text);
    }

    /** Reads config text; {@code file} only places {@code ruleFolders}. */
    public static ConfigFile parse(Path file, String display, String text) {
        LoadResult loaded = LOADER.loadText(display, text);
        for (InputProblem problem : loaded.problems()) {
            if (problem.severity() == InputProblem.Severity.ERROR) {
                throw new ConfigException(problem.oneLine()
                        .replace("; Kubernetes rejects duplicate keys, the last value is used here", ""));
            }
        }
        if (loaded.documents().size() > 1) {
            throw fail(display, loaded.documents().get(1).firstLine(), 1, "holds more than one YAML document");
        }
        if (loaded.documents().isEmpty() || loaded.documents().get(0).content().isNull()
                || loaded.documents().get(0).content().isMissingNode()) {
            return new ConfigFile(file, display, null, null, Map.of(), List.of(), McpMarkers.NONE, List.of());
        }
        return new Reading(file, display, loaded.documents().get(0)).read();
    }

    private static ConfigException fail(String display, int line, int column, String message) {
        return new ConfigException(PrintableText.escape(display) + ":" + line + ":" + column + ": " + message);
    }

    private record Reading(Path file, String display, ManifestDocument document) {

        ConfigFile read() {
            JsonNode root = document.content();
            if (!root.isObject()) {
                throw problem("", "the config must be a YAML mapping (see 'mcpolicy config init')");
            }
            List<ConfigSchema.Problem> problems = ConfigSchema.validate(root);
            if (!problems.isEmpty()) {
                ConfigSchema.Problem first = problems.stream()
                        .min(java.util.Comparator.comparingInt((ConfigSchema.Problem p) -> at(p.pointer()).line())
                                .thenComparingInt(p -> at(p.pointer()).column()))
                        .orElseThrow();
                throw problem(first.pointer(), first.message());
            }
            String failOn = root.has("failOn") ? root.get("failOn").asText() : null;
            WaiverPolicy policy = root.has("waiverPolicy") ? WaiverPolicy.parse(root.get("waiverPolicy").asText()) : null;
            return new ConfigFile(file, display, failOn, policy, rules(root.path("rules")),
                    folders(root.path("ruleFolders")), markers(root.path("mcpServers")), waivers(root.path("waivers")));
        }

        private Map<String, RuleSettings> rules(JsonNode rules) {
            Map<String, RuleSettings> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> rule = it.next();
                String pointer = JsonPointers.child("/rules", rule.getKey());
                JsonNode settings = rule.getValue();
                Boolean enabled = settings.has("enabled") ? settings.get("enabled").asBoolean() : null;
                Level level = settings.has("level") ? Level.parse(settings.get("level").asText()) : null;
                Map<String, String> parameters = new LinkedHashMap<>();
                Map<String, Location> parameterAt = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> p = settings.path("parameters").fields(); p.hasNext(); ) {
                    Map.Entry<String, JsonNode> parameter = p.next();
                    parameters.put(parameter.getKey(), asText(parameter.getValue()));
                    parameterAt.put(parameter.getKey(),
                            location(JsonPointers.child(JsonPointers.child(pointer, "parameters"), parameter.getKey())));
                }
                out.put(rule.getKey(), new RuleSettings(rule.getKey(), enabled, level, parameters, location(pointer),
                        parameterAt));
            }
            return out;
        }

        private static String asText(JsonNode value) {
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                return String.join(",", items);
            }
            return value.asText();
        }

        private List<Path> folders(JsonNode folders) {
            List<Path> out = new ArrayList<>();
            Path base = file.toAbsolutePath().getParent();
            folders.forEach(folder -> out.add(base.resolve(folder.asText()).normalize()));
            return out;
        }

        private static McpMarkers markers(JsonNode markers) {
            return new McpMarkers(texts(markers.path("annotations")), texts(markers.path("images")),
                    texts(markers.path("envVars")));
        }

        private static List<String> texts(JsonNode list) {
            List<String> out = new ArrayList<>();
            list.forEach(item -> out.add(item.asText()));
            return out;
        }

        private List<Waiver> waivers(JsonNode waivers) {
            List<Waiver> out = new ArrayList<>();
            for (int i = 0; i < waivers.size(); i++) {
                JsonNode waiver = waivers.get(i);
                String pointer = "/waivers/" + i;
                LocalDate expires = null;
                if (waiver.has("expires")) {
                    try {
                        expires = LocalDate.parse(waiver.get("expires").asText());
                    } catch (DateTimeParseException e) {
                        throw problem(pointer + "/expires", "'" + waiver.get("expires").asText()
                                + "' is not a date YYYY-MM-DD");
                    }
                }
                out.add(Waiver.config(waiver.get("rule").asText(), text(waiver, "object"), text(waiver, "namespace"),
                        text(waiver, "file"), waiver.get("reason").asText().strip(), expires, location(pointer)));
            }
            return out;
        }

        private static String text(JsonNode node, String key) {
            return node.has(key) ? node.get(key).asText() : null;
        }

        Position at(String pointer) {
            NodeSpan span = document.positions().locate(pointer).span();
            return span == null ? new Position(document.firstLine(), 1) : span.anchor();
        }

        Location location(String pointer) {
            Position position = at(pointer);
            return new Location(display, position.line(), position.column(), 0, Location.EXACT);
        }

        ConfigException problem(String pointer, String message) {
            Position position = at(pointer);
            return fail(display, position.line(), position.column(), message);
        }
    }
}

package dev.mcpolicy.config;

import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.manifest.PrintableText;
import dev.mcpolicy.waivers.Waiver;
import dev.mcpolicy.waivers.WaiverPolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The settings of one run: the config file's, with command-line options winning over them, each value remembering
 * where it came from ({@code default}, the file, or the option), so {@code mcpolicy config show} can say why a rule is off.
 *
 * @param file       the config file read, or null
 * @param parameters {@code rule.param} → value, as {@code --set-param} takes them
 */
public record EffectiveConfig(ConfigFile file, Setting<String> failOn, Setting<WaiverPolicy> waiverPolicy,
                              Map<String, Setting<Boolean>> enabled, Map<String, Setting<Level>> levels,
                              Map<String, Setting<String>> parameters, List<Path> ruleFolders, McpMarkers markers,
                              List<Waiver> waivers) {
    public static final String DEFAULT = "default";

    public EffectiveConfig {
        enabled = new TreeMap<>(enabled);
        levels = new TreeMap<>(levels);
        parameters = new TreeMap<>(parameters);
        ruleFolders = List.copyOf(ruleFolders);
        waivers = List.copyOf(waivers);
    }

    /** A value and where it came from. */
    public record Setting<T>(T value, String origin) {
    }

    /**
     * What the command line says; null or empty for what it does not set.
     *
     * @param parameters {@code --set-param} entries, {@code rule.enabled} and {@code rule.level} included
     */
    public record Flags(String failOn, String waiverPolicy, Map<String, String> parameters, List<Path> ruleFolders) {
        public static final Flags NONE = new Flags(null, null, Map.of());

        public Flags {
            ruleFolders = ruleFolders == null ? List.of() : List.copyOf(ruleFolders);
        }

        public Flags(String failOn, String waiverPolicy, Map<String, String> parameters) {
            this(failOn, waiverPolicy, parameters, List.of());
        }
    }

    /** Without a config file and without options. */
    public static EffectiveConfig defaults() {
        return merge(null, Flags.NONE);
    }

    /**
     * @throws IllegalArgumentException for an option value that is not valid (a usage error)
     */
    public static EffectiveConfig merge(ConfigFile file, Flags flags) {
        String fileOrigin = file == null ? null : file.display();
        Setting<String> failOn = new Setting<>("error", DEFAULT);
        Setting<WaiverPolicy> policy = new Setting<>(WaiverPolicy.ALL, DEFAULT);
        Map<String, Setting<Boolean>> enabled = new LinkedHashMap<>();
        Map<String, Setting<Level>> levels = new LinkedHashMap<>();
        Map<String, Setting<String>> parameters = new LinkedHashMap<>();
        List<Path> folders = new ArrayList<>();
        McpMarkers markers = McpMarkers.NONE;
        List<Waiver> waivers = List.of();
        if (file != null) {
            if (file.failOn() != null) {
                failOn = new Setting<>(file.failOn(), fileOrigin);
            }
            if (file.waiverPolicy() != null) {
                policy = new Setting<>(file.waiverPolicy(), fileOrigin);
            }
            for (RuleSettings rule : file.rules().values()) {
                if (rule.enabled() != null) {
                    enabled.put(rule.rule(), new Setting<>(rule.enabled(), fileOrigin));
                }
                if (rule.level() != null) {
                    levels.put(rule.rule(), new Setting<>(rule.level(), fileOrigin));
                }
                rule.parameters().forEach((name, value) ->
                        parameters.put(rule.rule() + "." + name, new Setting<>(value, fileOrigin)));
            }
            folders.addAll(file.ruleFolders());
            markers = file.mcpServers();
            waivers = file.waivers();
        }
        for (Path folder : flags.ruleFolders()) {
            if (!folders.contains(folder)) {
                folders.add(folder);
            }
        }
        if (flags.failOn() != null) {
            failOn = new Setting<>(flags.failOn(), "--fail-on");
        }
        if (flags.waiverPolicy() != null) {
            try {
                policy = new Setting<>(WaiverPolicy.parse(flags.waiverPolicy()), "--waivers");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--waivers " + e.getMessage());
            }
        }
        for (Map.Entry<String, String> flag : flags.parameters().entrySet()) {
            String key = flag.getKey();
            String value = flag.getValue().strip();
            String origin = "--set-param";
            if (key.endsWith(".enabled")) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException("--set-param " + key + " must be true or false (was '" + value + "')");
                }
                enabled.put(ruleOf(key), new Setting<>(Boolean.parseBoolean(value), origin));
            } else if (key.endsWith(".level")) {
                try {
                    levels.put(ruleOf(key), new Setting<>(Level.parse(value), origin));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--set-param " + key + " must be error, warning or note (was '"
                            + value + "')");
                }
            } else {
                parameters.put(key, new Setting<>(flag.getValue(), origin));
            }
        }
        return new EffectiveConfig(file, failOn, policy, enabled, levels, parameters, folders, markers, waivers);
    }

    private static String ruleOf(String key) {
        return key.substring(0, key.lastIndexOf('.'));
    }

    /** {@code rule.param} → value for {@code RuleSet.withOverrides}. */
    public Map<String, String> parameterValues() {
        Map<String, String> out = new LinkedHashMap<>();
        parameters.forEach((key, setting) -> out.put(key, setting.value()));
        return out;
    }

    public Set<String> disabledRules() {
        Set<String> out = new TreeSet<>();
        enabled.forEach((rule, setting) -> {
            if (!setting.value()) {
                out.add(rule);
            }
        });
        return out;
    }

    public Map<String, Level> levelOverrides() {
        Map<String, Level> out = new TreeMap<>();
        levels.forEach((rule, setting) -> out.put(rule, setting.value()));
        return out;
    }

    /**
     * Checks every rule id and parameter name against the rules of the run, naming the nearest valid one.
     *
     * @param ruleParameters rule id → its parameter names
     * @throws ConfigException for a name in the config file, at its place
     * @throws IllegalArgumentException for a name given on the command line
     */
    public void validate(Map<String, ? extends Collection<String>> ruleParameters) {
        Map<String, RuleSettings> fileRules = file == null ? Map.of() : new TreeMap<>(file.rules());
        for (RuleSettings rule : fileRules.values()) {
            if (!ruleParameters.containsKey(rule.rule())) {
                throw at(rule.at(), "no rule '" + rule.rule() + "'" + Suggestions.didYouMean(rule.rule(),
                        ruleParameters.keySet()) + " ('mcpolicy rules' lists them)");
            }
            for (Map.Entry<String, Location> parameter : new TreeMap<>(rule.parameterAt()).entrySet()) {
                Collection<String> known = ruleParameters.get(rule.rule());
                if (!known.contains(parameter.getKey())) {
                    throw at(parameter.getValue(), "rule " + rule.rule() + " has no parameter '" + parameter.getKey()
                            + "'" + (known.isEmpty() ? " (it has none)" : Suggestions.didYouMean(parameter.getKey(), known)
                            + " (it has " + String.join(", ", new TreeSet<>(known)) + ")"));
                }
            }
        }
        for (Waiver waiver : file == null ? List.<Waiver>of() : file.waivers()) {
            boolean glob = waiver.rule().contains("*") || waiver.rule().contains("?");
            if (!glob && !ruleParameters.containsKey(waiver.rule())) {
                throw at(waiver.declaredAt(), "waiver for '" + waiver.rule() + "': no such rule"
                        + Suggestions.didYouMean(waiver.rule(), ruleParameters.keySet()));
            }
        }
        for (Map<String, ? extends Setting<?>> settings : List.of(enabled, levels)) {
            settings.forEach((rule, setting) -> {
                if (!setting.origin().equals(fileOrigin()) && !ruleParameters.containsKey(rule)) {
                    throw new IllegalArgumentException(setting.origin() + " " + rule + ": no rule '" + rule + "'"
                            + Suggestions.didYouMean(rule, ruleParameters.keySet()));
                }
            });
        }
        parameters.forEach((key, setting) -> {
            int dot = key.indexOf('.');
            String rule = dot > 0 ? key.substring(0, dot) : key;
            if (!setting.origin().equals(fileOrigin()) && !ruleParameters.containsKey(rule)) {
                throw new IllegalArgumentException("--set-param " + key + ": no rule '" + rule + "'"
                        + Suggestions.didYouMean(rule, ruleParameters.keySet()));
            }
        });
    }

    /** Where the config file sets {@code rule.param}, or null when it does not. */
    public Location fileLocation(String ruleDotParameter) {
        if (file == null) {
            return null;
        }
        Setting<String> setting = parameters.get(ruleDotParameter);
        if (setting == null || !setting.origin().equals(fileOrigin())) {
            return null;
        }
        int dot = ruleDotParameter.indexOf('.');
        RuleSettings rule = file.rules().get(ruleDotParameter.substring(0, dot));
        return rule == null ? null : rule.parameterAt().get(ruleDotParameter.substring(dot + 1));
    }

    private String fileOrigin() {
        return file == null ? "" : file.display();
    }

    private static ConfigException at(Location location, String message) {
        return new ConfigException(PrintableText.escape(location.file()) + ":" + location.line() + ":"
                + location.column() + ": " + message);
    }
}

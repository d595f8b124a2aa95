package dev.mcpolicy.app;

import dev.mcpolicy.config.EffectiveConfig;
import dev.mcpolicy.finding.Level;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one {@code mcpolicy check} run was asked to do.
 *
 * @param inputs          files, folders and charts as the user named them; "-" is standard input
 * @param valuesFiles     {@code -f} files in order (scanned for secrets; passed to helm in chart mode)
 * @param releaseNamespace namespace of objects that set none; also helm's --namespace
 * @param release         helm release name in chart mode (null: the chart's name)
 * @param environments    chart-mode render matrix (name → values files); empty means one render with valuesFiles
 * @param chartOptions    --set, --set-string, --kube-version, --api-versions for helm
 * @param helmBinary      explicit helm path, or null (then MCPOLICY_HELM, then PATH)
 * @param sourceRoot      paths in reports are relative to this folder
 * @param parameters      rule parameter overrides, "rule-id.param" → value
 * @param ruleFolders     folders of custom rule files ({@code --rules DIR} and the config's {@code ruleFolders})
 * @param adoption        the effective configuration, waivers and baseline
 * @param shard           the share of the charts and rendered inputs this run checks ({@code --shard K/N})
 */
public record CheckRequest(List<String> inputs, List<Path> valuesFiles, String releaseNamespace, String release,
                           Map<String, List<Path>> environments, ChartOptions chartOptions, String helmBinary,
                           Path sourceRoot, Map<String, String> parameters, Level failOn, List<Path> ruleFolders,
                           Adoption adoption, Shard shard) {

    public CheckRequest {
        ruleFolders = ruleFolders == null ? List.of() : List.copyOf(ruleFolders);
        adoption = adoption == null ? Adoption.NONE : adoption;
        shard = shard == null ? Shard.ALL : shard;
    }

    /** A request that checks every input (no {@code --shard}). */
    public CheckRequest(List<String> inputs, List<Path> valuesFiles, String releaseNamespace, String release,
                        Map<String, List<Path>> environments, ChartOptions chartOptions, String helmBinary,
                        Path sourceRoot, Map<String, String> parameters, Level failOn, List<Path> ruleFolders,
                        Adoption adoption) {
        this(inputs, valuesFiles, releaseNamespace, release, environments, chartOptions, helmBinary, sourceRoot,
                parameters, failOn, ruleFolders, adoption, Shard.ALL);
    }

    /** A request without configuration, waivers, baseline or shard. */
    public CheckRequest(List<String> inputs, List<Path> valuesFiles, String releaseNamespace, String release,
                        Map<String, List<Path>> environments, ChartOptions chartOptions, String helmBinary,
                        Path sourceRoot, Map<String, String> parameters, Level failOn) {
        this(inputs, valuesFiles, releaseNamespace, release, environments, chartOptions, helmBinary, sourceRoot,
                parameters, failOn, List.of(), Adoption.NONE, Shard.ALL);
    }

    /**
     * How a team adopts mcpolicy on a chart that has findings.
     *
     * @param config        the effective configuration (rule settings, waivers, waiver policy, MCP-server markers)
     * @param baseline      a baseline to compare with, or null
     * @param writeBaseline where to write this run's findings as a baseline, or null
     * @param today         the day waiver expiry is judged on
     */
    public record Adoption(EffectiveConfig config, Path baseline, Path writeBaseline, java.time.LocalDate today) {
        public static final Adoption NONE = new Adoption(EffectiveConfig.defaults(), null, null, null);

        public java.time.LocalDate today() {
            return today != null ? today : java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        }
    }

    /** The chart-mode options this request sets, as the command line names them (they need a chart input). */
    public List<String> chartOnlyOptions() {
        List<String> given = new java.util.ArrayList<>();
        if (!environments.isEmpty()) {
            given.add("--env");
        }
        if (!chartOptions.set().isEmpty()) {
            given.add("--set");
        }
        if (!chartOptions.setString().isEmpty()) {
            given.add("--set-string");
        }
        if (release != null) {
            given.add("--release");
        }
        if (chartOptions.kubeVersion() != null) {
            given.add("--kube-version");
        }
        if (!chartOptions.apiVersions().isEmpty()) {
            given.add("--api-versions");
        }
        if (helmBinary != null) {
            given.add("--helm");
        }
        return given;
    }

    /** Options passed through to {@code helm template}. */
    public record ChartOptions(List<String> set, List<String> setString, String kubeVersion, List<String> apiVersions,
                               List<String> setFile, List<String> setJson) {
        public ChartOptions {
            setFile = List.copyOf(setFile);
            setJson = List.copyOf(setJson);
        }

        /** Options without {@code --set-file} and {@code --set-json}. */
        public ChartOptions(List<String> set, List<String> setString, String kubeVersion, List<String> apiVersions) {
            this(set, setString, kubeVersion, apiVersions, List.of(), List.of());
        }

        public static ChartOptions none() {
            return new ChartOptions(List.of(), List.of(), null, List.of());
        }

        /**
         * The assignments whose keys take a value away from the values files, for source mapping: {@code --set},
         * {@code --set-string} and {@code --set-file} as given, {@code --set-json} by its key only (its JSON value
         * may hold commas).
         */
        public List<String> assignments() {
            List<String> all = new java.util.ArrayList<>(set);
            all.addAll(setString);
            all.addAll(setFile);
            for (String json : setJson) {
                int equals = json.indexOf('=');
                all.add(equals < 0 ? json : json.substring(0, equals + 1));
            }
            return all;
        }
    }
}

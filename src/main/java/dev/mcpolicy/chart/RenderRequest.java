package dev.mcpolicy.chart;

import java.nio.file.Path;
import java.util.List;

/**
 * Arguments of one {@code helm template} run.
 *
 * @param release     release name
 * @param chart       the chart folder
 * @param namespace   {@code --namespace}, or null
 * @param environment supplies the {@code -f} files (in order) and the name used in failures
 * @param set         {@code --set} arguments ({@code a.b=c,d=e}), in order
 * @param setString   {@code --set-string} arguments, in order
 * @param kubeVersion {@code --kube-version}, or null
 * @param apiVersions {@code --api-versions} values, in order
 * @param setFile     {@code --set-file} arguments ({@code key=path}), in order
 * @param setJson     {@code --set-json} arguments ({@code key=json}), in order
 */
public record RenderRequest(String release, Path chart, String namespace, Environment environment, List<String> set,
                            List<String> setString, String kubeVersion, List<String> apiVersions,
                            List<String> setFile, List<String> setJson) {
    public RenderRequest {
        set = List.copyOf(set);
        setString = List.copyOf(setString);
        apiVersions = List.copyOf(apiVersions);
        setFile = List.copyOf(setFile);
        setJson = List.copyOf(setJson);
    }

    /** A request without {@code --set-file} and {@code --set-json}. */
    public RenderRequest(String release, Path chart, String namespace, Environment environment, List<String> set,
                         List<String> setString, String kubeVersion, List<String> apiVersions) {
        this(release, chart, namespace, environment, set, setString, kubeVersion, apiVersions, List.of(), List.of());
    }

    public static RenderRequest of(String release, Path chart, Environment environment) {
        return new RenderRequest(release, chart, null, environment, List.of(), List.of(), null, List.of());
    }

    /**
     * The {@code helm template …} arguments after the binary, one array element per argument (no shell). Every flag
     * carries its value in the same element ({@code --set=a=b}), so no value can be read as a flag, and {@code --}
     * ends the flags before the release name and the chart path: whatever a chart or a user names, helm only ever
     * sees it as a value.
     */
    public List<String> arguments() {
        List<String> args = new java.util.ArrayList<>(List.of("template"));
        if (namespace != null && !namespace.isBlank()) {
            args.add("--namespace=" + namespace);
        }
        for (Path file : environment.valuesFiles()) {
            args.add("--values=" + file.toAbsolutePath().normalize());
        }
        for (String s : set) {
            args.add("--set=" + s);
        }
        for (String s : setString) {
            args.add("--set-string=" + s);
        }
        for (String s : setFile) {
            args.add("--set-file=" + withAbsolutePaths(s));
        }
        for (String s : setJson) {
            args.add("--set-json=" + s);
        }
        if (kubeVersion != null && !kubeVersion.isBlank()) {
            args.add("--kube-version=" + kubeVersion);
        }
        for (String apiVersion : apiVersions) {
            args.add("--api-versions=" + apiVersion);
        }
        args.add("--");
        args.add(release);
        args.add(chart.toAbsolutePath().normalize().toString());
        return args;
    }

    /**
     * {@code key=path[,key=path…]} with each path made absolute: helm runs in a working folder of its own (see
     * {@code HelmSandbox}), so a path relative to the user's folder would name another file there.
     */
    static String withAbsolutePaths(String assignments) {
        StringBuilder out = new StringBuilder();
        for (String assignment : assignments.split(",", -1)) {
            int eq = assignment.indexOf('=');
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(eq < 0 ? assignment : assignment.substring(0, eq + 1)
                    + Path.of(assignment.substring(eq + 1)).toAbsolutePath().normalize());
        }
        return out.toString();
    }
}

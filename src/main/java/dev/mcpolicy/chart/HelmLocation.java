package dev.mcpolicy.chart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the helm binary is, or why there is none: {@link Found} or {@link Missing}. */
public sealed interface HelmLocation permits HelmLocation.Found, HelmLocation.Missing {
    String ENV_VARIABLE = "MCPOLICY_HELM";
    String NOT_FOUND = "helm not found: install helm 3.8+ (https://helm.sh/docs/intro/install/), or run"
            + " scripts/install-helm.sh from the mcpolicy checkout and set MCPOLICY_HELM to the path it prints,"
            + " or pass --helm PATH";

    record Found(Path helm) implements HelmLocation {
    }

    /** @param message one line for the user */
    record Missing(String message) implements HelmLocation {
    }

    /**
     * Finds helm: the explicit path when given, else {@code $MCPOLICY_HELM}, else {@code helm} on {@code PATH}.
     * An explicit path or variable that does not name an executable is reported, never silently skipped.
     */
    static HelmLocation locate(Path explicit, Map<String, String> environment) {
        if (explicit != null) {
            return executable(explicit) ? new Found(explicit) : new Missing(NOT_FOUND + " (not executable: " + explicit + ")");
        }
        String fromVariable = environment.get(ENV_VARIABLE);
        if (fromVariable != null && !fromVariable.isBlank()) {
            Path path = Path.of(fromVariable);
            return executable(path) ? new Found(path)
                    : new Missing(NOT_FOUND + " (" + ENV_VARIABLE + "=" + fromVariable + " is not executable)");
        }
        String searchPath = environment.getOrDefault("PATH", "");
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        for (String folder : searchPath.split(java.io.File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            Path candidate = Path.of(folder, windows ? "helm.exe" : "helm");
            if (executable(candidate)) {
                return new Found(candidate);
            }
        }
        return new Missing(NOT_FOUND);
    }

    private static boolean executable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}

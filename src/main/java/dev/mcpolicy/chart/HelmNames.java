package dev.mcpolicy.chart;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names helm accepts, checked before anything reaches helm's command line. A chart is input from a pull request:
 * its {@code Chart.yaml} name must never be able to act as a helm flag.
 *
 * <ul>
 *   <li>Release names follow helm's own check ({@code chartutil.ValidateReleaseName}): a lower-case DNS-1123
 *       subdomain ({@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} labels joined by dots), at most 53 characters.</li>
 *   <li>Chart names follow the rule {@code helm create} enforces ({@code ^[a-zA-Z0-9._-]+$}, at most 250
 *       characters), which also satisfies helm's loader check that a name is a single path element; {@code .} and
 *       {@code ..} are refused as well.</li>
 *   <li>Environment names ({@code --env NAME=…}) only label reports, but they are held to a similar shape so that
 *       they cannot be mistaken for options or forge report lines.</li>
 * </ul>
 */
public final class HelmNames {
    public static final int MAX_RELEASE_NAME_LENGTH = 53;
    public static final int MAX_CHART_NAME_LENGTH = 250;
    public static final int MAX_ENVIRONMENT_NAME_LENGTH = 63;

    private static final Pattern RELEASE_NAME =
            Pattern.compile("[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern CHART_NAME = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private HelmNames() {
    }

    /** Why helm would refuse {@code name} as a release name, or empty when it is a valid one. */
    public static Optional<String> releaseNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a release name must not be empty");
        }
        if (name.length() > MAX_RELEASE_NAME_LENGTH) {
            return Optional.of("a release name has at most " + MAX_RELEASE_NAME_LENGTH + " characters");
        }
        if (!RELEASE_NAME.matcher(name).matches()) {
            return Optional.of("a release name is lower-case letters, digits, '-' and '.', and starts and ends with"
                    + " a letter or digit");
        }
        return Optional.empty();
    }

    /** Why {@code name} is not a chart name helm creates, or empty when it is a valid one. */
    public static Optional<String> chartNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a chart name must not be empty");
        }
        if (name.length() > MAX_CHART_NAME_LENGTH) {
            return Optional.of("a chart name has at most " + MAX_CHART_NAME_LENGTH + " characters");
        }
        if (!CHART_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            return Optional.of("a chart name is letters, digits, '.', '_' and '-' only");
        }
        return Optional.empty();
    }

    /** Why {@code name} cannot name an environment of the render matrix, or empty when it can. */
    public static Optional<String> environmentNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("an environment name must not be empty");
        }
        if (name.length() > MAX_ENVIRONMENT_NAME_LENGTH) {
            return Optional.of("an environment name has at most " + MAX_ENVIRONMENT_NAME_LENGTH + " characters");
        }
        if (!ENVIRONMENT_NAME.matcher(name).matches()) {
            return Optional.of("an environment name is letters, digits, '.', '_' and '-', starting with a letter or"
                    + " digit");
        }
        return Optional.empty();
    }

    /**
     * A name as it may be quoted in a message: printable ASCII kept, anything else escaped, long names shortened, so
     * a hostile name can neither forge a line nor flood one.
     */
    public static String quoted(String name) {
        StringBuilder out = new StringBuilder("'");
        String text = name == null ? "" : name;
        int limit = Math.min(text.length(), 80);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (text.length() > limit) {
            out.append('…');
        }
        return out.append('\'').toString();
    }
}

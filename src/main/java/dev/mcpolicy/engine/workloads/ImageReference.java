package dev.mcpolicy.engine.workloads;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference read with the grammar of the distribution reference library the container runtimes
 * use: {@code [registry[:port]/]path[:tag][@digest]}, path components lower case.
 *
 * @param wellFormed false when a runtime cannot parse it (e.g. {@code repo:} with an empty tag, upper case, spaces);
 *                   the pod then fails with InvalidImageName
 * @param tag        the tag, or null
 * @param digest     the digest ({@code sha256:…}), or null
 */
public record ImageReference(String text, boolean wellFormed, String repository, String tag, String digest) {
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final Pattern REFERENCE = Pattern.compile("(" + NAME + ")(?::([\\w][\\w.-]{0,127}))?"
            + "(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}))?");

    /**
     * Longer references cannot be valid (a name holds at most 255 characters, a tag 128, a digest well under 300),
     * and the grammar's nested repetitions recurse once per component: a long {@code a.b.b…} overflowed the stack.
     */
    private static final int MAX_LENGTH = 1024;

    public static ImageReference parse(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        if (text.isEmpty() || text.length() > MAX_LENGTH || !matcher.matches()) {
            return new ImageReference(text, false, text, null, null);
        }
        return new ImageReference(text, true, matcher.group(1), matcher.group(2), matcher.group(3));
    }

    public boolean blank() {
        return text.isBlank();
    }

    /** Neither a tag nor a digest: the runtime pulls {@code latest}. */
    public boolean untagged() {
        return wellFormed && tag == null && digest == null;
    }

    /** Tagged {@code latest} without a digest to pin it. */
    public boolean latest() {
        return wellFormed && "latest".equals(tag) && digest == null;
    }

    /** The pull policy Kubernetes applies when {@code imagePullPolicy} is unset. */
    public String defaultPullPolicy() {
        return untagged() || latest() ? "Always" : "IfNotPresent";
    }
}

package dev.mcpolicy.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * mcpolicy's own finding identity: survives edits that move lines, unlike a line hash. SHA-256 over the rule, the
 * object (apiVersion, kind, namespace, name) and the JSON pointer; findings without an object (values files) use the
 * repository-relative file instead. SARIF carries it as {@code mcpolicy/v1}; a baseline matches on it.
 */
public final class Fingerprints {
    public static final String SEMANTIC_KEY = "mcpolicy/v1";

    private Fingerprints() {
    }

    public static String semantic(Finding finding, String repoRelativeFile) {
        StringBuilder identity = new StringBuilder(SEMANTIC_KEY).append('\0').append(finding.ruleId()).append('\0');
        ObjectRef object = finding.object();
        if (object != null) {
            identity.append(nullToEmpty(object.apiVersion())).append('\0')
                    .append(nullToEmpty(object.kind())).append('\0')
                    .append(nullToEmpty(object.namespace())).append('\0')
                    .append(nullToEmpty(object.name()));
        } else {
            identity.append("file:").append(repoRelativeFile);
        }
        identity.append('\0').append(nullToEmpty(finding.pointer()));
        return sha256(identity.toString());
    }

    /** The semantic fingerprint with the finding's own file name (relative to the source root, '/' separated). */
    public static String semantic(Finding finding) {
        String file = finding.primary().file().replace('\\', '/');
        while (file.startsWith("./")) {
            file = file.substring(2);
        }
        return semantic(finding, file);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}

package dev.mcpolicy.report;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.ObjectRef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * mcpolicy's own result identity: survives edits that move lines, unlike the line hash.
 * SHA-256 over the rule, the object (apiVersion, kind, namespace, name) and the JSON pointer; findings without an
 * object (values files) use the repository-relative file instead.
 */
final class Fingerprints {
    static final String SARIF_KEY = "mcpolicy/v1";

    private Fingerprints() {
    }

    static String semantic(Finding finding, String repoRelativeFile) {
        StringBuilder identity = new StringBuilder(SARIF_KEY).append('\0').append(finding.ruleId()).append('\0');
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

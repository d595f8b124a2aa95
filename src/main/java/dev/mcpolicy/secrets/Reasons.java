package dev.mcpolicy.secrets;

import java.util.Locale;

/**
 * Builds the reviewer-facing reasons of key-based hits. Only the key name ever comes from the input, and
 * it is left out when it shares text with the value (e.g. {@code admin} in {@code adminPassword: admin}),
 * when it looks like a token itself, or when it is not a plain, short name.
 */
final class Reasons {
    /** Shortest run of characters that counts as "part of the value". */
    static final int DISCLOSURE_WINDOW = 5;

    private final TokenFormats formats;

    Reasons(TokenFormats formats) {
        this.formats = formats;
    }

    String namedCredential(String key, String value, boolean number) {
        String tail = number ? "holds a literal number"
                : ValueShapes.isDefaultPassword(value)
                ? "holds a literal value that is a well-known default (guessable) credential"
                : "holds a literal value";
        return subject(key, value) + " is named as a credential and " + tail;
    }

    String credentialShaped(String key, String value) {
        return subject(key, value) + " is named like a credential and its literal value has the shape of a "
                + "generated one (long, mixed characters, high entropy)";
    }

    String inSecretsMap(String key, String value) {
        return subject(key, value) + " sits in a map of secrets and its literal value has the shape of a "
                + "generated credential (long, mixed characters, high entropy)";
    }

    String generated(String key, String value) {
        return subject(key, value) + " holds a literal that looks machine-generated (letters and digits mixed "
                + "like a password or key, not like a name, number or flag)";
    }

    String listItem(String key, String value) {
        return "an item of the list under " + subject(key, value) + ", which is named as credentials, has the "
                + "shape of a generated credential (long, mixed characters, high entropy)";
    }

    String awsSecretKey(String key, String value) {
        return subject(key, value) + " names an AWS secret access key and holds a 40-character literal of that format";
    }

    private String subject(String key, String value) {
        return key != null && safeToQuote(key, value) ? "key '" + key + "'" : "the key at this location";
    }

    private boolean safeToQuote(String key, String value) {
        if (key.isEmpty() || key.length() > 100 || !key.chars().allMatch(c -> c > ' ' && c < 127 && c != '\'')) {
            return false;
        }
        return !sharesText(key, value) && formats.find(key).isEmpty();
    }

    /** Whether the two strings share a run of {@link #DISCLOSURE_WINDOW} characters (case-insensitive). */
    static boolean sharesText(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        if (y.length() > 4096) {
            return true; // not worth comparing; simply do not quote the key
        }
        if (y.length() < DISCLOSURE_WINDOW) {
            return !y.isEmpty() && x.contains(y);
        }
        for (int i = 0; i + DISCLOSURE_WINDOW <= y.length(); i++) {
            if (x.contains(y.substring(i, i + DISCLOSURE_WINDOW))) {
                return true;
            }
        }
        return false;
    }
}

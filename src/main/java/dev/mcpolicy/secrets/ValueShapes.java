package dev.mcpolicy.secrets;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises what a literal string looks like: a fill-in marker, a reference to where a secret lives,
 * the name of a key or of a Kubernetes object, or something with the shape of a credential.
 */
final class ValueShapes {
    private ValueShapes() {
    }

    /** Template expressions as opener and closer: <code>${…}</code>, {@code $(…)}, <code>{{…}}</code>, … */
    private static final String[][] TEMPLATE_DELIMITERS =
            {{"${", "}"}, {"$(", ")"}, {"{{", "}}"}, {"#{", "}"}, {"%{", "}"}};
    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ANGLE_MARKER = Pattern.compile("<[^<>\\n]{1,80}>");
    private static final Pattern MASK_ONLY = Pattern.compile("[xX*•.#_\\-=?]+");
    private static final Pattern MASK_RUN = Pattern.compile("(?i)x{4,}|\\*{3,}|•{3,}");
    private static final Pattern FILL_IN_WORD = Pattern.compile(
            "(?i)todo|tbd|fixme|redacted|masked|hidden|placeholder|none|null|nil|n/?a|undefined|unset|empty|"
                    + "example|sample|replaceme|replace[-_ ]me|insert[-_ ]?here|fill[-_ ]?me[-_ ]?in|dummy");
    private static final Pattern FILL_IN_PHRASE = Pattern.compile(
            "(?i)(?:your|insert|enter|replace|fill|provide|put)[-_ .].*|.*[-_ .](?:here|goes[-_ .]here)");

    private static final Pattern PATH = Pattern.compile("(?:/|\\./|\\.\\./|~/|[A-Za-z]:\\\\)[^\\s]*");
    private static final Pattern SECRET_STORE_REFERENCE = Pattern.compile(
            "(?i)(?:file|vault|ref\\+[a-z0-9]+|awssm|awsssm|gcpsm|gcsm|azkv|akv|azurekeyvault|keyvault|sops|op|"
                    + "onepassword|k8s|secretref|secret|env|sm|bw|doppler|infisical|conjur|secretsmanager)"
                    + "(?::|://)\\S+");
    private static final Pattern CLOUD_SECRET_REFERENCE = Pattern.compile(
            "arn:aws[a-z-]*:(?:secretsmanager|ssm|kms):\\S+|projects/[^/\\s]+/secrets/\\S+"
                    + "|https://[a-z0-9-]+\\.vault\\.azure\\.net/\\S*");

    private static final Pattern ENV_STYLE_NAME = Pattern.compile("[A-Z][A-Z0-9]*+(?:_[A-Z0-9]++)++");
    private static final Pattern SEPARATED_LOWER_NAME = Pattern.compile("[a-z][a-z0-9]*+(?:[-_.][a-z0-9]++)++");
    private static final Pattern CAMEL_NAME = Pattern.compile("[a-z]++(?:[A-Z][a-z]++)++");
    private static final Pattern SINGLE_WORD = Pattern.compile("[a-z]+|[A-Z]+");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*+");
    private static final Pattern VERSION = Pattern.compile("v?\\d++(?:\\.\\d++)++(?:[-+][0-9A-Za-z.-]++)?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");

    /** Passwords that ship as chart defaults; flagged like any literal, named as defaults in the reason. */
    private static final Set<String> DEFAULT_PASSWORDS = Set.of(
            "changeme", "change-me", "change_me", "changeit", "password", "passw0rd", "p@ssw0rd", "p@ssword",
            "admin", "administrator", "root", "toor", "secret", "123456", "12345678", "1234", "qwerty",
            "letmein", "default", "guest", "test", "pass", "welcome", "postgres", "mysql", "redis",
            "minio123", "minioadmin", "admin123", "password1", "password123");

    /** Text that stands for a value to be filled in later, or is produced by a template engine. */
    static boolean isPlaceholder(String value) {
        String v = value.strip();
        if (v.isEmpty() || MASK_ONLY.matcher(v).matches() || SHELL_VARIABLE.matcher(v).matches()) {
            return true;
        }
        if (hasTemplateExpression(v) || ANGLE_MARKER.matcher(v).find() || MASK_RUN.matcher(v).find()) {
            return true;
        }
        return FILL_IN_WORD.matcher(v).matches() || FILL_IN_PHRASE.matcher(v).matches()
                || v.toUpperCase(Locale.ROOT).contains("EXAMPLE");
    }

    /**
     * Whether an opener is closed later in the text. Only the first opener of each kind needs a look: a closer after
     * a later one is also after the first. Linear, where a regex would rescan the rest of the text from every opener.
     */
    static boolean hasTemplateExpression(String v) {
        for (String[] delimiters : TEMPLATE_DELIMITERS) {
            int open = v.indexOf(delimiters[0]);
            if (open >= 0 && v.indexOf(delimiters[1], open + delimiters[0].length()) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A file path or a pointer into a secret store: says where the secret lives, not what it is. */
    static boolean isReference(String value) {
        String v = value.strip();
        return PATH.matcher(v).matches() || SECRET_STORE_REFERENCE.matcher(v).matches()
                || CLOUD_SECRET_REFERENCE.matcher(v).matches();
    }

    static boolean isDefaultPassword(String value) {
        return DEFAULT_PASSWORDS.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** {@code API_KEY}, {@code DATABASE_URL}: the name of an env var or of a key in a Secret. */
    static boolean isEnvStyleName(String value) {
        return ENV_STYLE_NAME.matcher(value).matches();
    }

    /** A name of a key (in a Secret, in an env list) rather than a credential. */
    static boolean isKeyNameLike(String value) {
        return isEnvStyleName(value) || isSeparatedOrCamelName(value) || SINGLE_WORD.matcher(value).matches();
    }

    /** Key names that carry structure ({@code db-password}, {@code tls.key}, {@code adminPassword}, {@code API_KEY}). */
    static boolean isSeparatedOrCamelName(String value) {
        return isEnvStyleName(value) || SEPARATED_LOWER_NAME.matcher(value).matches()
                || CAMEL_NAME.matcher(value).matches();
    }

    /** A Kubernetes object name (DNS-1123 subdomain). */
    static boolean isObjectName(String value) {
        return value.length() <= 253 && DNS_SUBDOMAIN.matcher(value).matches();
    }

    /** A Kubernetes object name made of several parts ({@code mcp-tls-cert}), unlike a one-word password. */
    static boolean isCompoundObjectName(String value) {
        return isObjectName(value) && (value.indexOf('-') > 0 || value.indexOf('.') > 0);
    }

    /**
     * Shape of a generated credential: long enough, no spaces, mixed characters and enough entropy;
     * excludes names, versions, URLs, paths and e-mail addresses.
     */
    static boolean looksLikeCredential(String value) {
        String v = value.strip();
        if (v.length() < 10 || v.length() > 4096 || v.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        if (isKeyNameLike(v) || VERSION.matcher(v).matches() || EMAIL.matcher(v).matches()
                || v.contains("://") || isReference(v) || isPlaceholder(v)) {
            return false;
        }
        boolean lower = v.chars().anyMatch(c -> c >= 'a' && c <= 'z');
        boolean upper = v.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
        boolean digit = v.chars().anyMatch(c -> c >= '0' && c <= '9');
        if (v.indexOf('/') >= 0 && !(lower && upper && digit)) {
            return false; // a relative path, not base64
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0);
        return (lower || upper) && classes >= 2 && shannonEntropy(v) >= 3.0;
    }

    static double shannonEntropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double entropy = 0;
        for (int count : counts) {
            entropy -= term(count, s.length());
        }
        return entropy - term(other, s.length());
    }

    private static double term(int count, int total) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / total;
        return p * (Math.log(p) / Math.log(2));
    }
}

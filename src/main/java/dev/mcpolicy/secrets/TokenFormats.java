package dev.mcpolicy.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Well-known credential formats, found anywhere inside a string (also inside URLs and longer text).
 * Formats are tried in a fixed order, most specific first; the first one that matches decides the kind.
 * Reasons name at most the format's public fixed prefix, never the matched text.
 */
final class TokenFormats {

    /**
     * One recogniser: cheap keyword pre-check, then a regex and a plausibility check of the match. {@code secret}
     * says which part of a match is the secret (for masking), the rest being the format's public prefix or context.
     */
    private record Format(String kind, String keyword, boolean caseInsensitiveKeyword, Pattern pattern,
                          BiPredicate<Matcher, String> plausible, String reason, SecretPart secret) {

        Format(String kind, String keyword, boolean caseInsensitiveKeyword, Pattern pattern,
               BiPredicate<Matcher, String> plausible, String reason) {
            this(kind, keyword, caseInsensitiveKeyword, pattern, plausible, reason, SecretPart.BODY);
        }

        Optional<Detection> find(String text, String lowerCaseText) {
            if (!(caseInsensitiveKeyword ? lowerCaseText : text).contains(keyword)) {
                return Optional.empty();
            }
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                if (plausible.test(m, text)) {
                    return Optional.of(new Detection(kind, reason));
                }
            }
            return Optional.empty();
        }

        /** Every match the scanner would report, the same plausibility check included. */
        void secretParts(String text, String lowerCaseText, SpanSink sink) {
            if (!(caseInsensitiveKeyword ? lowerCaseText : text).contains(keyword)) {
                return;
            }
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                if (plausible.test(m, text)) {
                    secret.report(m, text, sink);
                }
            }
        }
    }

    /** Receives the {@code [start, end)} ranges of a text that hold secret material. */
    interface SpanSink {
        void accept(int start, int end);
    }

    /** Where the secret sits in a match of a format. */
    private interface SecretPart {
        void report(Matcher match, String text, SpanSink sink);

        /** The group named "body": what follows the public prefix, or the value after a setting's name. */
        SecretPart BODY = (m, text, sink) -> sink.accept(m.start("body"), m.end("body"));
    }

    private static final Pattern PLACEHOLDER_BODY = Pattern.compile(
            "(?i)x{4,}|\\*{3,}|0{8,}|your[-_]|[-_]here(?![A-Za-z0-9])|example|placeholder|redacted|dummy");

    private final List<Format> formats = new ArrayList<>();
    private final EmbeddedAssignments embeddedAssignments = new EmbeddedAssignments();

    TokenFormats() {
        privateKey();
        List.of("AKIA", "ASIA", "ABIA", "ACCA").forEach(p ->
                add("AWS access key id", p, boundaryBefore("[A-Z0-9]") + Pattern.quote(p) + "(?<body>[A-Z2-7]{16})(?![A-Za-z0-9])",
                        "matches the AWS access key id format " + p + "… (prefix plus 16 base-32 characters)"));
        awsSecretNextToName();
        github("ghp_", "GitHub personal access token");
        github("gho_", "GitHub OAuth access token");
        github("ghu_", "GitHub user-to-server token");
        github("ghs_", "GitHub app installation (server-to-server) token");
        github("ghr_", "GitHub refresh token");
        add("GitHub token", "github_pat_", boundaryBefore("[A-Za-z0-9]") + "github_pat_(?<body>[A-Za-z0-9_]{50,255})",
                "matches the GitHub fine-grained personal access token format github_pat_…");
        for (String[] p : new String[][]{{"glpat-", "personal access token"}, {"gldt-", "deploy token"},
                {"glrt-", "runner authentication token"}, {"glptt-", "pipeline trigger token"}}) {
            add("GitLab token", p[0], boundaryBefore("[A-Za-z0-9]") + Pattern.quote(p[0]) + "(?<body>[A-Za-z0-9_-]{20,})",
                    "matches the GitLab " + p[1] + " format " + p[0] + "…");
        }
        add("Slack webhook URL", "hooks.slack.com",
                "hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<body>[A-Za-z0-9_/+-]{20,})",
                "is a Slack incoming-webhook URL (hooks.slack.com/…); anyone holding it can post to the channel");
        for (String p : List.of("xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxe-")) {
            formats.add(new Format("Slack token", p, false,
                    Pattern.compile(boundaryBefore("[A-Za-z0-9]") + Pattern.quote(p) + "(?<body>[0-9A-Za-z][0-9A-Za-z-]{9,})"),
                    (m, text) -> realBody(m, text) && m.group("body").chars().anyMatch(Character::isDigit),
                    "matches the Slack token format " + p + "…"));
        }
        add("Anthropic API key", "sk-ant-",
                boundaryBefore("[A-Za-z0-9_-]") + "sk-ant-(?<body>[a-z]+[0-9]{2}-[A-Za-z0-9_-]{32,})",
                "matches the Anthropic API key format sk-ant-…");
        for (String p : List.of("sk-proj-", "sk-svcacct-", "sk-admin-")) {
            add("OpenAI API key", p, boundaryBefore("[A-Za-z0-9_-]") + Pattern.quote(p) + "(?<body>[A-Za-z0-9_-]{32,})",
                    "matches the OpenAI API key format " + p + "…");
        }
        add("OpenAI API key", "sk-", boundaryBefore("[A-Za-z0-9_-]") + "sk-(?<body>[A-Za-z0-9]{48})(?![A-Za-z0-9_-])",
                "matches the legacy OpenAI API key format sk-… (48 characters)");
        add("Google API key", "AIza", boundaryBefore("[A-Za-z0-9_-]") + "AIza(?<body>[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])",
                "matches the Google API key format AIza… (39 characters)");
        for (String p : List.of("sk_live_", "rk_live_", "sk_test_", "rk_test_")) {
            add("Stripe key", p, boundaryBefore("[A-Za-z0-9]") + Pattern.quote(p) + "(?<body>[A-Za-z0-9]{16,247})",
                    "matches the Stripe " + (p.startsWith("rk") ? "restricted" : "secret") + " key format " + p + "…");
        }
        add("Hugging Face token", "hf_", boundaryBefore("[A-Za-z0-9_]") + "hf_(?<body>[A-Za-z]{34})(?![A-Za-z0-9])",
                "matches the Hugging Face access token format hf_…");
        add("npm token", "npm_", boundaryBefore("[A-Za-z0-9_]") + "npm_(?<body>[A-Za-z0-9]{36})(?![A-Za-z0-9])",
                "matches the npm access token format npm_…");
        jwt();
        azureSharedKey();
        azureSharedAccessSignature();
        basicAuthorization();
        bearer();
        connectionStringPassword();
        urlCredentials();
    }

    /** The parts of the text that any format's pattern marks as secret, for masking. */
    void secretParts(String text, SpanSink sink) {
        String lowerCaseText = text.toLowerCase(Locale.ROOT);
        for (Format f : formats) {
            f.secretParts(text, lowerCaseText, sink);
        }
    }

    /** The first format (in priority order) found anywhere in the text. */
    Optional<Detection> find(String text) {
        String lowerCaseText = text.toLowerCase(Locale.ROOT);
        for (Format f : formats) {
            Optional<Detection> d = f.find(text, lowerCaseText);
            if (d.isPresent()) {
                return d;
            }
        }
        return embeddedAssignments.find(text, lowerCaseText);
    }

    private static String boundaryBefore(String charClass) {
        return "(?<!" + charClass + ")";
    }

    private void add(String kind, String keyword, String regex, String reason) {
        formats.add(new Format(kind, keyword, false, Pattern.compile(regex), TokenFormats::realBody, reason));
    }

    private void github(String prefix, String what) {
        add("GitHub token", prefix, boundaryBefore("[A-Za-z0-9_]") + Pattern.quote(prefix) + "(?<body>[A-Za-z0-9]{36})(?![A-Za-z0-9])",
                "matches the " + what + " format " + prefix + "…");
    }

    /** A token body that is not a fill-in (x-runs, "your", "EXAMPLE") and not a run of one or two characters. */
    private static boolean realBody(Matcher m, String text) {
        String body = m.group("body");
        return !PLACEHOLDER_BODY.matcher(body).find() && body.chars().distinct().count() >= Math.min(6, body.length());
    }

    private void privateKey() {
        Pattern header = Pattern.compile("-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----");
        formats.add(new Format("private key", "PRIVATE KEY", false, header, TokenFormats::hasKeyMaterial,
                "contains a PEM private key block (-----BEGIN … PRIVATE KEY-----) with key material",
                (m, text, sink) -> {
                    int end = text.indexOf("-----END", m.end());
                    sink.accept(m.end(), end < 0 ? text.length() : end);
                }));
    }

    /** A header alone or followed by "..." is documentation; real keys carry a base64 body. */
    private static boolean hasKeyMaterial(Matcher m, String text) {
        int base64 = 0;
        for (int i = m.end(); i < text.length() && base64 < 64; i++) {
            char c = text.charAt(i);
            if (text.startsWith("-----", i)) {
                break;
            }
            if (Character.isLetterOrDigit(c) || c == '+' || c == '/') {
                base64++;
            }
        }
        return base64 >= 64;
    }

    private void awsSecretNextToName() {
        formats.add(new Format("AWS secret access key", "aws", true,
                Pattern.compile("(?i)aws_?secret_?(?:access_?)?key[\"']?\\s*[:=]\\s*[\"']?(?<body>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"),
                TokenFormats::realBody,
                "a 40-character AWS secret access key is assigned next to an AWS secret key name"));
    }

    private void jwt() {
        formats.add(new Format("JSON Web Token", "eyJ", false,
                Pattern.compile(boundaryBefore("[A-Za-z0-9_-]")
                        + "(?<header>eyJ[A-Za-z0-9_-]{8,})\\.eyJ[A-Za-z0-9_-]{8,}\\.(?<body>[A-Za-z0-9_-]*)"),
                (m, text) -> decodesTo(m.group("header"), "\"alg\"") || decodesTo(m.group("header"), "\"typ\""),
                "has the shape of a JSON Web Token (eyJ….eyJ….signature) whose header names a signing algorithm",
                (m, text, sink) -> sink.accept(m.start() + "eyJ".length(), m.end())));
    }

    /**
     * An Azure storage or Service Bus connection string carries the account's shared key
     * ({@code DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…}, {@code SharedAccessKey=…}).
     */
    private void azureSharedKey() {
        formats.add(new Format("Azure shared key", "key", true,
                Pattern.compile("(?i)(?<![A-Za-z0-9])(?:AccountKey|SharedAccessKey)\\s*=\\s*(?<body>[A-Za-z0-9+/]{20,}={0,2})"),
                TokenFormats::realBody,
                "an Azure connection string carries a shared key (AccountKey=… or SharedAccessKey=…) that grants full access"));
    }

    /**
     * An Azure shared access signature: a URL or connection string with the signature {@code sig=} next to the SAS
     * fields that scope it ({@code sv=} version, {@code se=} expiry, {@code sp=} permissions).
     */
    private void azureSharedAccessSignature() {
        Pattern sasField = Pattern.compile("(?i)(?:^|[?&;=])(?:sv|se|sp|sr|st|spr|ss|srt)=");
        formats.add(new Format("Azure shared access signature", "sig=", true,
                Pattern.compile("(?i)(?:^|[?&;])sig=(?<body>[A-Za-z0-9%+/=_-]{16,})"),
                (m, text) -> realBody(m, text) && sasField.matcher(text).find(),
                "a URL or connection string carries an Azure shared access signature (sig=…) that grants access until it expires"));
    }

    private void basicAuthorization() {
        formats.add(new Format("HTTP basic credentials", "basic", true,
                Pattern.compile("(?i)authorization[\"']?\\s*[:=]\\s*[\"']?basic\\s+(?<body>[A-Za-z0-9+/]{8,}={0,2})"),
                (m, text) -> {
                    String decoded = decodeBase64(m.group("body"), false);
                    int colon = decoded == null ? -1 : decoded.indexOf(':');
                    return colon >= 0 && colon < decoded.length() - 1;
                },
                "an Authorization header carries HTTP basic credentials (base64 of user:password)"));
    }

    private void bearer() {
        formats.add(new Format("bearer token", "bearer", true,
                Pattern.compile("(?i)(?<![A-Za-z0-9])bearer\\s+(?<body>[A-Za-z0-9._~+/-]{16,}=*)"),
                (m, text) -> ValueShapes.looksLikeCredential(m.group("body")),
                "a bearer token is written out after 'Bearer' (an Authorization header value)"));
    }

    private void connectionStringPassword() {
        Pattern connectionKeyword = Pattern.compile("(?i)(?:^|[;\\s])(?:server|host|data source|user id|uid|user|database|dbname|initial catalog)\\s*=");
        formats.add(new Format("credentials in connection string", "=", false,
                Pattern.compile("(?i)(?:^|[;\\s])(?:password|pwd)\\s*=\\s*(?<body>[^;\\s'\"]+)"),
                (m, text) -> connectionKeyword.matcher(text).find() && literalSecret(m.group("body")),
                "a connection string sets a literal password (password=…)"));
    }

    private void urlCredentials() {
        formats.add(new Format("credentials in URL", "://", false,
                // "://" first and the scheme as a look-behind: trying up to 30 scheme characters at every position
                // of a long value made masking slow.
                Pattern.compile("://(?<=[A-Za-z][A-Za-z0-9+.-]{1,30}://)[^\\s:/?#@\\[\\]]*:(?<body>[^\\s/?#@]*)@(?=[A-Za-z0-9\\[_])"),
                (m, text) -> literalSecret(m.group("body")),
                "a URL embeds a literal credential in its user-info part, before the '@'"));
    }

    private static boolean literalSecret(String value) {
        return !value.isEmpty() && !ValueShapes.isPlaceholder(value) && !value.startsWith("%");
    }

    private static boolean decodesTo(String base64Url, String needle) {
        String decoded = decodeBase64(base64Url, true);
        return decoded != null && decoded.contains(needle);
    }

    private static String decodeBase64(String text, boolean urlAlphabet) {
        try {
            byte[] bytes = urlAlphabet ? Base64.getUrlDecoder().decode(stripPadding(text))
                    : Base64.getDecoder().decode(text);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        String trimmed = s.substring(0, end);
        return trimmed.length() % 4 == 1 ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}

package dev.mcpolicy.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Random, never-valid tokens in each supported format, made from a seeded {@link Random} so that no
 * credential-shaped literal is committed to the repository (and push protection never trips).
 */
final class FakeTokens {
    private FakeTokens() {
    }

    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final String URL_SAFE = ALNUM + "_-";
    static final String BASE64 = ALNUM + "+/";

    /** A blob URL and the SAS fields that scope its signature: public, unlike the signature after it. */
    static final String SAS_PREFIX = "https://mcpfiles.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl"
            + "&se=2030-01-01T00:00:00Z&spr=https&sig=";

    /** Public, fixed parts of formats that a reason may name; everything else of a value must stay out of it. */
    static final List<String> PUBLIC_FRAGMENTS = List.of(
            "github_pat_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "glpat-", "gldt-", "glrt-", "glptt-",
            "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxe-", "hooks.slack.com", "sk-ant-", "sk-proj-", "sk-svcacct-",
            "sk-admin-", "sk-", "AIza", "sk_live_", "rk_live_", "sk_test_", "rk_test_", "hf_", "npm_", "AKIA",
            "ASIA", "ABIA", "ACCA", "eyJ", "-----BEGIN", "-----END", "PRIVATE KEY-----",
            "DefaultEndpointsProtocol=https;AccountName=mcpfiles", ";AccountKey=", ";EndpointSuffix=core.windows.net",
            SAS_PREFIX);

    static String random(Random rnd, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Generator per format, with the kind the scanner must report. Keys are stable format names. */
    static Map<String, Generator> generators() {
        Map<String, Generator> g = new LinkedHashMap<>();
        for (String p : List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_")) {
            g.put(p, new Generator("GitHub token", r -> p + random(r, ALNUM, 36)));
        }
        g.put("github_pat_", new Generator("GitHub token",
                r -> "github_pat_" + random(r, ALNUM, 22) + "_" + random(r, ALNUM, 59)));
        g.put("glpat-", new Generator("GitLab token", r -> "glpat-" + random(r, URL_SAFE, 20)));
        g.put("xoxb-", new Generator("Slack token",
                r -> "xoxb-" + random(r, "0123456789", 12) + "-" + random(r, "0123456789", 12) + "-" + random(r, ALNUM, 24)));
        g.put("xoxp-", new Generator("Slack token",
                r -> "xoxp-" + random(r, "0123456789", 11) + "-" + random(r, "0123456789", 12) + "-" + random(r, ALNUM, 32)));
        g.put("slack-webhook", new Generator("Slack webhook URL",
                r -> "https://" + "hooks.slack.com/services/T" + random(r, BASE32, 8) + "/B" + random(r, BASE32, 10)
                        + "/" + random(r, ALNUM, 24)));
        g.put("sk-proj-", new Generator("OpenAI API key", r -> "sk-proj-" + random(r, URL_SAFE, 120)));
        g.put("sk-legacy", new Generator("OpenAI API key",
                r -> "sk-" + random(r, ALNUM, 20) + "T3BlbkFJ" + random(r, ALNUM, 20)));
        g.put("sk-ant-", new Generator("Anthropic API key",
                r -> "sk-ant-" + "api03-" + random(r, URL_SAFE, 93) + "AA"));
        g.put("AIza", new Generator("Google API key", r -> "AIza" + random(r, URL_SAFE, 35)));
        g.put("sk_live_", new Generator("Stripe key", r -> "sk_live_" + random(r, ALNUM, 24)));
        g.put("rk_live_", new Generator("Stripe key", r -> "rk_live_" + random(r, ALNUM, 24)));
        g.put("AKIA", new Generator("AWS access key id", r -> "AKIA" + random(r, BASE32, 16)));
        g.put("ASIA", new Generator("AWS access key id", r -> "ASIA" + random(r, BASE32, 16)));
        g.put("hf_", new Generator("Hugging Face token", r -> "hf_" + random(r, LETTERS, 34)));
        g.put("npm_", new Generator("npm token", r -> "npm_" + random(r, ALNUM, 36)));
        g.put("jwt", new Generator("JSON Web Token", FakeTokens::jwt));
        // the account name is public (it is in every blob URL); only the key is the secret masking must hide
        g.put("azure-storage", new Generator("Azure shared key",
                r -> "DefaultEndpointsProtocol=https;AccountName=mcpfiles;AccountKey=" + random(r, BASE64, 86)
                        + "==;EndpointSuffix=core.windows.net"));
        g.put("azure-sas", new Generator("Azure shared access signature", FakeTokens::sasUrl));
        g.put("private-key", new Generator("private key", FakeTokens::privateKey));
        return g;
    }

    record Generator(String kind, Function<Random, String> make) {
    }

    static String jwt(Random r) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String header = enc.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = enc.encodeToString(("{\"sub\":\"" + random(r, ALNUM, 12) + "\",\"iat\":1700000000}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + random(r, URL_SAFE, 43);
    }

    /** A blob URL with a shared access signature: the SAS fields, then the URL-encoded base64 signature. */
    static String sasUrl(Random r) {
        String signature = random(r, BASE64, 43).replace("+", "%2B").replace("/", "%2F") + "%3D";
        return SAS_PREFIX + signature;
    }

    static String privateKey(Random r) {
        StringBuilder sb = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\n");
        for (int line = 0; line < 6; line++) {
            sb.append(random(r, BASE64, 64)).append('\n');
        }
        return sb.append("-----END RSA PRIVATE KEY-----\n").toString();
    }

    static String awsSecret(Random r) {
        return random(r, BASE64, 40);
    }

    /** Any credential-shaped random string (mixed case and digits). */
    static String generic(Random r, int length) {
        String s;
        do {
            s = random(r, ALNUM, length);
        } while (!(s.chars().anyMatch(Character::isDigit) && s.chars().anyMatch(Character::isUpperCase)
                && s.chars().anyMatch(Character::isLowerCase)));
        return s;
    }
}

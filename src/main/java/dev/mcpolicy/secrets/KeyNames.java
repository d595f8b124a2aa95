package dev.mcpolicy.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads the meaning of a key name segment-wise: {@code adminPassword}, {@code admin_password},
 * {@code ADMIN-PASSWORD} and {@code adminpassword} all split into {@code [admin, password]}. The decision
 * rests on the head noun (the last meaningful segment), so {@code passwordMinLength} is about a length and
 * {@code tokenSecretName} about a name.
 */
final class KeyNames {

    private static final Set<String> CREDENTIAL_NOUNS = Set.of(
            "password", "passwd", "pwd", "pass", "passphrase", "passcode", "secret", "token", "credential",
            "creds", "cred", "apikey", "bearer");

    /** Nouns glued to a qualifier in all-lowercase keys ({@code rootpassword}, {@code authtoken}). */
    private static final List<String> GLUED_NOUNS = List.of(
            "password", "passwd", "passphrase", "secret", "token", "credentials", "credential");

    /** A segment before "key" that makes it a credential ({@code apiKey}, {@code signingKey}). */
    private static final Set<String> CREDENTIAL_KEY_QUALIFIERS = Set.of(
            "api", "access", "private", "signing", "sign", "encryption", "encrypt", "decryption", "master",
            "session", "hmac", "jwt", "license", "licence", "shared", "admin", "root", "app", "auth", "client",
            "crypto", "cipher", "aes", "deploy", "webhook", "cookie", "storage", "account", "subscription",
            "ingest", "consumer", "service", "mcp", "openai", "anthropic", "stripe", "sendgrid", "mailgun");

    /** A segment before "key" meaning "the key inside a Secret that holds ...". */
    private static final Set<String> KEY_HOLDER_QUALIFIERS = Set.of(
            "password", "passwd", "pwd", "pass", "passphrase", "token", "credential", "credentials", "creds",
            "apikey");

    /** A segment before "secret" that names a kind of Kubernetes Secret object. */
    private static final Set<String> SECRET_OBJECT_QUALIFIERS = Set.of(
            "tls", "pull", "imagepull", "image", "registry", "docker", "dockerconfig", "cert", "certificate",
            "certs", "ca", "ssl", "sealed", "k8s", "kube", "kubernetes", "env", "mount", "volume", "external",
            "config", "ingress", "webhookcert", "opaque");

    /** A segment before "secret" saying which credential a Secret object holds ({@code passwordSecret}). */
    private static final Set<String> SECRET_HOLDER_QUALIFIERS = Set.of(
            "password", "passwd", "pwd", "token", "credential", "credentials", "creds", "key", "apikey", "auth",
            "basic", "ssh", "db", "database", "user", "registration");

    /** Qualifiers that follow the noun without changing it ({@code tokenValue}, {@code SECRET_KEY_BASE}). */
    private static final Set<String> TRAILING_QUALIFIERS = Set.of(
            "value", "val", "data", "string", "str", "plain", "plaintext", "raw", "literal", "text", "b64",
            "base64", "hex", "base", "encoded", "digits");

    /** Head nouns of configuration and references. */
    private static final Set<String> CONFIG_NOUNS = Set.of(
            "length", "len", "ttl", "timeout", "expiry", "expiration", "expires", "expire", "lifetime", "age",
            "size", "count", "min", "max", "minlength", "maxlength", "policy", "policies", "enabled", "enable",
            "disabled", "disable", "required", "require", "file", "files", "path", "paths", "dir", "directory",
            "mount", "mountpath", "ref", "refs", "reference", "name", "names", "type", "types", "mode", "format",
            "header", "headers", "location", "env", "var", "variable", "field", "prefix", "suffix", "version",
            "algorithm", "algo", "strategy", "provider", "source", "store", "class", "annotations", "labels",
            "label", "annotation", "rotation", "interval", "period", "duration", "seconds", "secs", "minutes",
            "hours", "days", "ms", "retries", "attempts", "limit", "limits", "threshold", "pattern", "regex",
            "charset", "complexity", "strength", "audience", "issuer", "scope", "scopes", "claim", "claims",
            "kind", "selector", "namespace", "template", "command", "script", "url", "uri", "urls", "endpoint",
            "endpoints", "host", "hostname", "server", "address", "port", "user", "username", "login", "hash",
            "salt", "manager", "backend", "generator", "encoding", "hint", "description", "help", "message",
            "title", "create", "generate", "rotate", "reset", "sync", "operator", "volume", "volumes",
            "items", "config", "configuration", "settings", "options", "role", "roles", "method", "scheme",
            "realm", "id", "ids", "schema", "owner", "group");

    /** Marks a key whose value points at an existing object ({@code existingSecret}, {@code useExistingSecret}). */
    private static final Set<String> REFERENCE_MARKERS = Set.of("existing", "ref", "from");

    /**
     * Marks a key whose value is derived from a secret, not the secret itself: a digest ({@code checksum/secret},
     * {@code passwordSha256}) or ciphertext ({@code encryptedPassword}, a SealedSecret's {@code encryptedData}).
     */
    private static final Set<String> DERIVED_MARKERS = Set.of(
            "checksum", "checksums", "hashed", "fingerprint", "crc", "encrypted", "ciphertext");
    /** Digest words that mark a derived value only after what they digest ({@code passwordHash}, not {@code hashSecret}). */
    private static final Set<String> TRAILING_DIGEST_MARKERS = Set.of("hash", "hashes", "digest", "sha");

    /**
     * Purposes that only a literal serves: a JWT, session or cookie signing secret, an HMAC or encryption key, a
     * webhook's shared secret ({@code JWT_SECRET_KEY}, {@code sessionSecretKey}).
     */
    private static final Set<String> LITERAL_PURPOSES = Set.of(
            "jwt", "session", "signing", "sign", "hmac", "cookie", "csrf", "xsrf", "encryption", "encrypt",
            "webhook", "nextauth");

    /** Words after a secret noun that still name the map of secrets ({@code extraSecretData}, {@code secretEnv}). */
    private static final Set<String> CONTAINER_TRAILERS = Set.of(
            "data", "string", "env", "envs", "vars", "variables", "values", "map", "entries", "items", "extra");

    /** Keys whose map holds secret material under arbitrary names ({@code secrets: {MY_SERVICE: ...}}). */
    private static final Set<String> CONTAINER_NOUNS = Set.of(
            "secrets", "secret", "credentials", "credential", "creds", "auth", "passwords", "tokens", "apikeys");

    private final Set<String> extraCredentialNouns;
    /** Everything the scanner asks about one key name, worked out once per distinct name. */
    record KeyFacts(KeyRole role, boolean secretContainer, boolean awsSecretKeyName, boolean ciphertextContainer) {
    }

    /** Values documents repeat the same few hundred keys many times; the cap bounds memory on odd input. */
    private final ConcurrentHashMap<String, KeyFacts> facts = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 50_000;
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9]+");

    KeyNames(Set<String> extraCredentialNouns) {
        this.extraCredentialNouns = lowerCase(extraCredentialNouns);
    }

    /** Splits on separators, case changes and letter/digit boundaries; lower-cases; un-glues known nouns. */
    static List<String> segments(String key) {
        List<String> out = new ArrayList<>();
        for (String part : SEPARATORS.split(key)) {
            splitCamel(part, out);
        }
        List<String> unglued = new ArrayList<>(out.size() + 2);
        for (String segment : out) {
            unglue(segment, unglued);
        }
        return unglued;
    }

    private static void splitCamel(String part, List<String> out) {
        int start = 0;
        for (int i = 1; i < part.length(); i++) {
            char prev = part.charAt(i - 1);
            char cur = part.charAt(i);
            boolean lowerToUpper = Character.isLowerCase(prev) && Character.isUpperCase(cur);
            boolean acronymEnd = Character.isUpperCase(prev) && Character.isUpperCase(cur)
                    && i + 1 < part.length() && Character.isLowerCase(part.charAt(i + 1));
            boolean digitEdge = Character.isDigit(prev) != Character.isDigit(cur);
            if (lowerToUpper || acronymEnd || digitEdge) {
                out.add(part.substring(start, i).toLowerCase(Locale.ROOT));
                start = i;
            }
        }
        if (start < part.length()) {
            out.add(part.substring(start).toLowerCase(Locale.ROOT));
        }
    }

    private static void unglue(String segment, List<String> out) {
        for (String noun : GLUED_NOUNS) {
            if (segment.length() > noun.length() + 1 && segment.endsWith(noun)) {
                String prefix = segment.substring(0, segment.length() - noun.length());
                unglue(prefix, out);
                out.add(noun);
                return;
            }
        }
        if (segment.endsWith("key") && segment.length() > 3) {
            String prefix = segment.substring(0, segment.length() - 3);
            if (CREDENTIAL_KEY_QUALIFIERS.contains(prefix) || "secret".equals(prefix) || "apikey".equals(segment)) {
                out.add(prefix);
                out.add("key");
                return;
            }
        }
        out.add(segment);
    }

    KeyFacts factsOf(String key) {
        KeyFacts cached = facts.get(key);
        if (cached != null) {
            return cached;
        }
        List<String> segments = segments(key);
        KeyFacts computed = new KeyFacts(role(key, segments), isSecretContainer(segments),
                isAwsSecretKeyName(segments), segments.contains("encrypted") || segments.contains("ciphertext"));
        if (facts.size() < CACHE_LIMIT) {
            facts.put(key, computed);
        }
        return computed;
    }

    /** A single word that names a kind of credential ({@code password}, {@code token}): as a value, a key name. */
    static boolean isCredentialNoun(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        return CREDENTIAL_NOUNS.contains(w) || CREDENTIAL_NOUNS.contains(singular(w));
    }

    KeyRole roleOf(String key) {
        return factsOf(key).role();
    }

    private KeyRole role(String key, List<String> all) {
        List<String> s = withoutTrailingQualifiers(all);
        if (s.isEmpty()) {
            return KeyRole.NEUTRAL;
        }
        if (s.stream().anyMatch(REFERENCE_MARKERS::contains) || isDerived(s)) {
            return KeyRole.NOT_SECRET;
        }
        String head = singular(s.get(s.size() - 1));
        String before = s.size() >= 2 ? singular(s.get(s.size() - 2)) : null;

        if ("key".equals(head)) {
            return keyRole(key, s, before);
        }
        int secretKey = secretKeyPhrase(s);
        if (secretKey >= 0 && secretKey + 2 < s.size() && CREDENTIAL_NOUNS.contains(head)) {
            return KeyRole.CREDENTIAL_OR_KEY_NAME; // secretKeyPassword: the key in a Secret that holds the password
        }
        if ("id".equals(head) && "secret".equals(before)) {
            return KeyRole.CREDENTIAL; // Vault AppRole secret_id
        }
        if (CONFIG_NOUNS.contains(head)) {
            return KeyRole.NOT_SECRET;
        }
        if ("secret".equals(head)) {
            if (before != null && LITERAL_PURPOSES.contains(before)) {
                return KeyRole.CREDENTIAL;
            }
            if (before != null && SECRET_OBJECT_QUALIFIERS.contains(before)) {
                return KeyRole.SECRET_OBJECT_NAME;
            }
            return before == null || SECRET_HOLDER_QUALIFIERS.contains(before)
                    ? KeyRole.CREDENTIAL_OR_SECRET_NAME : KeyRole.CREDENTIAL;
        }
        if ("auth".equals(head) || "authorization".equals(head)) {
            return KeyRole.CREDENTIAL_IF_SHAPED;
        }
        if (CREDENTIAL_NOUNS.contains(head) || extraCredentialNouns.contains(head)) {
            return KeyRole.CREDENTIAL;
        }
        return KeyRole.NEUTRAL;
    }

    private KeyRole keyRole(String key, List<String> s, String before) {
        if (before == null) {
            return KeyRole.NEUTRAL; // a bare "key" is usually a map key or a Secret key name
        }
        if ("secret".equals(before)) {
            String beforeSecret = s.size() >= 3 ? s.get(s.size() - 3) : null;
            if (beforeSecret != null && LITERAL_PURPOSES.contains(beforeSecret)) {
                return KeyRole.CREDENTIAL; // JWT_SECRET_KEY, sessionSecretKey
            }
            return beforeSecret != null && KEY_HOLDER_QUALIFIERS.contains(beforeSecret)
                    ? KeyRole.CREDENTIAL_OR_KEY_NAME : KeyRole.SECRET_KEY;
        }
        if (KEY_HOLDER_QUALIFIERS.contains(before)) {
            return KeyRole.CREDENTIAL_OR_KEY_NAME;
        }
        if (CREDENTIAL_KEY_QUALIFIERS.contains(before) || extraCredentialNouns.contains(before)) {
            return KeyRole.CREDENTIAL;
        }
        return ValueShapes.isEnvStyleName(key) ? KeyRole.CREDENTIAL_IF_SHAPED : KeyRole.NEUTRAL;
    }

    /** Whether the key names a digest or ciphertext of a secret rather than the secret. */
    private static boolean isDerived(List<String> s) {
        for (int i = 0; i < s.size(); i++) {
            if (DERIVED_MARKERS.contains(s.get(i)) || (i > 0 && TRAILING_DIGEST_MARKERS.contains(s.get(i)))) {
                return true;
            }
        }
        return false;
    }

    /** Index of "secret" in a "secret key" pair of segments, or -1. */
    private static int secretKeyPhrase(List<String> s) {
        for (int i = 0; i + 1 < s.size(); i++) {
            if ("secret".equals(s.get(i)) && "key".equals(s.get(i + 1))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a map under this key holds secret material under arbitrary child names ({@code secrets},
     * {@code extraSecretData}, {@code secretEnv}).
     */
    private static boolean isSecretContainer(List<String> s) {
        int end = s.size();
        while (end > 1 && CONTAINER_TRAILERS.contains(s.get(end - 1))) {
            end--;
        }
        return end > 0 && CONTAINER_NOUNS.contains(s.get(end - 1))
                && s.stream().noneMatch(REFERENCE_MARKERS::contains) && !isDerived(s);
    }

    /**
     * Whether a key's parent names a purpose only a literal serves ({@code jwt}, {@code session}): a bare
     * {@code secret} under it is held to the stricter test of a key name, which must say what it holds
     * ({@code jwt.secret: my-jwt-secret}), not to that of an object name ({@code prod-github-mcp-server}).
     */
    static boolean isLiteralPurpose(String parentKey) {
        if (parentKey == null) {
            return false;
        }
        List<String> parent = segments(parentKey);
        return !parent.isEmpty() && LITERAL_PURPOSES.contains(singular(parent.get(parent.size() - 1)));
    }

    /** Whether the key names something AWS-secret-key-like ({@code AWS_SECRET_ACCESS_KEY}, {@code secretAccessKey}). */
    private static boolean isAwsSecretKeyName(List<String> s) {
        boolean secret = s.contains("secret");
        boolean keyNoun = !s.isEmpty() && "key".equals(s.get(s.size() - 1));
        return secret && keyNoun && (s.contains("aws") || s.contains("access"));
    }

    private static List<String> withoutTrailingQualifiers(List<String> segments) {
        int end = segments.size();
        while (end > 1 && (TRAILING_QUALIFIERS.contains(segments.get(end - 1))
                || segments.get(end - 1).chars().allMatch(Character::isDigit))) {
            end--;
        }
        return segments.subList(0, end);
    }

    private static String singular(String noun) {
        return switch (noun) {
            case "passwords", "secrets", "tokens", "keys", "credentials", "apikeys", "passphrases" ->
                    noun.substring(0, noun.length() - 1);
            default -> noun;
        };
    }

    private static Set<String> lowerCase(Set<String> words) {
        Set<String> out = new java.util.HashSet<>();
        for (String w : words) {
            out.add(w.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }
}

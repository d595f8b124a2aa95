package dev.mcpolicy.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds literal secrets in Helm values documents and in the env vars of rendered containers.
 *
 * <p>A value is a secret when it contains a well-known credential format (anywhere in the string), or when
 * its key's name says it is a credential and the value is a literal rather than a fill-in marker, a template
 * expression or a reference to where the secret lives. Hits never carry the value: reasons name at most a
 * format's public prefix and, when that cannot disclose the value, the key name.
 *
 * <p>Thread-safe and reusable; the walk is iterative and linear in the size of the document.
 */
public final class SecretScanner {

    private static final TokenFormats FORMATS = new TokenFormats();
    private static final Pattern AWS_SECRET_KEY_SHAPE = Pattern.compile("[A-Za-z0-9/+]{40}");
    private static final Set<String> BOOLEAN_WORDS = Set.of("true", "false", "yes", "no", "on", "off");

    /** Where a scalar sits, which changes how much its key's name may say. */
    private enum Context { PLAIN, LIST_ITEM, SECRETS_MAP_ENTRY, CIPHERTEXT }

    static final String KIND_NAMED = "secret-named key";
    static final String KIND_IN_SECRETS_MAP = "value in a secrets map";
    static final String KIND_GENERATED = "generated-looking value";

    /**
     * One node to look at. The pointer is built only when a hit needs it: building 100k pointers
     * that are never reported would dominate the walk.
     */
    private record Visit(JsonNode node, Visit parent, String token, String key, Context context) {

        static Visit root(JsonNode node) {
            return new Visit(node, null, null, null, Context.PLAIN);
        }

        String pointer() {
            if (parent == null) {
                return "";
            }
            Deque<String> tokens = new ArrayDeque<>();
            for (Visit v = this; v.parent != null; v = v.parent) {
                tokens.push(v.token);
            }
            StringBuilder sb = new StringBuilder();
            for (String t : tokens) {
                sb.append('/').append(t.replace("~", "~0").replace("/", "~1")); // RFC 6901
            }
            return sb.toString();
        }
    }

    private final ScannerOptions options;
    private final KeyNames keyNames;
    private final Reasons reasons = new Reasons(FORMATS);

    public SecretScanner() {
        this(ScannerOptions.DEFAULTS);
    }

    public SecretScanner(ScannerOptions options) {
        this.options = options;
        this.keyNames = new KeyNames(options.extraCredentialWords());
    }

    /** Every literal secret in a values document (walks the JsonNode tree; pointer = RFC 6901 pointer of the value). */
    public List<SecretHit> scanValues(JsonNode valuesRoot) {
        List<SecretHit> hits = new ArrayList<>();
        if (valuesRoot == null) {
            return hits;
        }
        Deque<Visit> pending = new ArrayDeque<>();
        pending.push(Visit.root(valuesRoot));
        while (!pending.isEmpty()) {
            Visit visit = pending.pop();
            JsonNode node = visit.node();
            if (node.isObject()) {
                pushFields(visit, pending, hits);
            } else if (node.isArray()) {
                Context items = visit.context() == Context.CIPHERTEXT ? Context.CIPHERTEXT : Context.LIST_ITEM;
                for (int i = node.size() - 1; i >= 0; i--) {
                    pending.push(new Visit(node.get(i), visit, Integer.toString(i), visit.key(), items));
                }
            } else {
                classifyScalar(visit).ifPresent(hits::add);
            }
        }
        return hits;
    }

    /** Classifies one env var (name + literal value) of a rendered container; empty when not a secret. */
    public Optional<SecretHit> classifyEnv(String pointer, String name, String value) {
        String where = pointer == null ? "" : pointer;
        if (value == null || options.isAllowed(where) || options.isIgnoredKey(name)) {
            return Optional.empty();
        }
        return detect(null, name, value, Context.PLAIN).map(d -> d.at(where));
    }

    /**
     * Whether one entry of a rendered Secret's {@code data}/{@code stringData} (decoded) holds a credential, and
     * why: a token format or a credential-named key with a literal (as for env vars), or, under a neutral name,
     * a machine-made value ({@code kj3h4k5j3h4}). Flags, numbers, user names, URLs without a password and
     * ciphertext hold none. Empty when the entry holds no credential.
     */
    public Optional<SecretHit> classifySecretEntry(String pointer, String key, String value) {
        String where = pointer == null ? "" : pointer;
        if (value == null || ValueShapes.isPlaceholder(value) || ValueShapes.isEncrypted(value)
                || options.isAllowed(where) || options.isIgnoredKey(key)) {
            return Optional.empty();
        }
        Optional<SecretHit> named = classifyEnv(where, key, value);
        if (named.isPresent()) {
            return named;
        }
        KeyRole role = key == null ? KeyRole.NEUTRAL : keyNames.roleOf(key);
        String v = value.strip();
        if (role == KeyRole.NOT_SECRET || BOOLEAN_WORDS.contains(v.toLowerCase(Locale.ROOT))
                || !ValueShapes.looksGenerated(v)) {
            return Optional.empty();
        }
        return Optional.of(new SecretHit(where, KIND_GENERATED, reasons.generated(key, v)));
    }

    /** True for text that stands for a value still to be filled in ({@code <your-key>}, {@code ${API_KEY}}, empty). */
    public static boolean isFillInMarker(String value) {
        return value == null || ValueShapes.isPlaceholder(value);
    }

    private void pushFields(Visit visit, Deque<Visit> pending, List<SecretHit> hits) {
        JsonNode node = visit.node();
        KeyNames.KeyFacts facts = visit.key() == null ? null : keyNames.factsOf(visit.key());
        boolean secretsMap = facts != null && facts.secretContainer();
        // encryptedData: {API_KEY: AgB…} holds ciphertext under credential names; so does everything below it
        boolean ciphertext = visit.context() == Context.CIPHERTEXT || (facts != null && facts.ciphertextContainer());
        // {name: X, value: Y} is an env entry written in values: Y is classified under the name X.
        JsonNode envName = node.get("name");
        boolean envEntry = envName != null && envName.isTextual() && node.has("value");
        List<Visit> children = new ArrayList<>(node.size());
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode child = field.getValue();
            if (envEntry && "value".equals(field.getKey()) && child.isValueNode()) {
                classifyScalar(new Visit(child, visit, field.getKey(), envName.asText(), Context.PLAIN))
                        .ifPresent(hits::add);
                continue;
            }
            children.add(new Visit(child, visit, field.getKey(), field.getKey(),
                    ciphertext ? Context.CIPHERTEXT : secretsMap ? Context.SECRETS_MAP_ENTRY : Context.PLAIN));
        }
        for (int i = children.size() - 1; i >= 0; i--) {
            pending.push(children.get(i));
        }
    }

    private Optional<SecretHit> classifyScalar(Visit visit) {
        if (options.isIgnoredKey(visit.key()) || visit.context() == Context.CIPHERTEXT) {
            return Optional.empty();
        }
        JsonNode node = visit.node();
        Optional<Detection> detection = Optional.empty();
        String parentKey = visit.parent() == null || visit.context() == Context.LIST_ITEM ? null : visit.parent().key();
        if (node.isTextual()) {
            detection = detect(parentKey, visit.key(), node.textValue(), visit.context());
        } else if (node.isNumber() && visit.key() != null && visit.context() != Context.LIST_ITEM
                && keyNames.roleOf(visit.key()) == KeyRole.CREDENTIAL) {
            detection = Optional.of(new Detection(KIND_NAMED, reasons.namedCredential(visit.key(), node.asText(), true)));
        } // booleans, nulls, binary and config numbers are never secrets
        if (detection.isEmpty()) {
            return Optional.empty();
        }
        String pointer = visit.pointer();
        return options.isAllowed(pointer) ? Optional.empty() : Optional.of(detection.get().at(pointer));
    }

    private Optional<Detection> detect(String parentKey, String key, String value, Context context) {
        if (ValueShapes.isEncrypted(value)) {
            return Optional.empty();
        }
        Optional<Detection> format = FORMATS.find(value);
        if (format.isPresent() || key == null) {
            return format;
        }
        String v = value.strip();
        KeyNames.KeyFacts facts = keyNames.factsOf(key);
        if (facts.awsSecretKeyName() && AWS_SECRET_KEY_SHAPE.matcher(v).matches() && !ValueShapes.isPlaceholder(v)) {
            return Optional.of(new Detection("AWS secret access key", reasons.awsSecretKey(key, v)));
        }
        KeyRole role = facts.role();
        if (role == KeyRole.NOT_SECRET || (role == KeyRole.NEUTRAL && context != Context.SECRETS_MAP_ENTRY)) {
            return Optional.empty(); // cheap exit for the common case before any shape checks
        }
        if (ValueShapes.isPlaceholder(v) || ValueShapes.isReference(v)
                || BOOLEAN_WORDS.contains(v.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return byKeyName(role, key, v, context, KeyNames.isLiteralPurpose(parentKey)).map(reason -> new Detection(
                role == KeyRole.NEUTRAL ? KIND_IN_SECRETS_MAP : KIND_NAMED, reason));
    }

    /** The reason when the key's name makes this literal a secret; empty otherwise. */
    private Optional<String> byKeyName(KeyRole role, String key, String v, Context context, boolean literalPurpose) {
        if (context == Context.LIST_ITEM) {
            // A list under a credential-named key is usually a list of key names; only generated-looking items count.
            boolean credentialList = role != KeyRole.NOT_SECRET && role != KeyRole.NEUTRAL;
            return credentialList && ValueShapes.looksLikeCredential(v)
                    ? Optional.of(reasons.listItem(key, v)) : Optional.empty();
        }
        boolean secret = switch (role) {
            case CREDENTIAL -> !ValueShapes.isEnvStyleName(v) || ValueShapes.isDefaultPassword(v);
            case CREDENTIAL_OR_SECRET_NAME -> !ValueShapes.isCompoundObjectName(v) || ValueShapes.isPassphrase(v,
                    literalPurpose ? ValueShapes.Identifier.KEY_NAME : ValueShapes.Identifier.OBJECT_NAME);
            case SECRET_OBJECT_NAME -> !ValueShapes.isObjectName(v) && ValueShapes.looksLikeCredential(v);
            case CREDENTIAL_OR_KEY_NAME -> !ValueShapes.isKeyNameLike(v)
                    || ValueShapes.isPassphrase(v, ValueShapes.Identifier.KEY_NAME);
            case SECRET_KEY -> !ValueShapes.isKeyNameLike(v) || ValueShapes.isPassphrase(v, ValueShapes.Identifier.KEY_NAME)
                    || (ValueShapes.isDefaultPassword(v) && !KeyNames.isCredentialNoun(v));
            case CREDENTIAL_IF_SHAPED -> ValueShapes.looksLikeCredential(v);
            case NEUTRAL -> context == Context.SECRETS_MAP_ENTRY && ValueShapes.looksLikeCredential(v);
            case NOT_SECRET -> false;
        };
        if (!secret) {
            return Optional.empty();
        }
        return Optional.of(switch (role) {
            case CREDENTIAL_IF_SHAPED, SECRET_OBJECT_NAME -> reasons.credentialShaped(key, v);
            case NEUTRAL -> reasons.inSecretsMap(key, v);
            default -> reasons.namedCredential(key, v, false);
        });
    }
}

package dev.mcpolicy.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.manifest.JsonPointers;

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
    private enum Context { PLAIN, LIST_ITEM, SECRETS_MAP_ENTRY }

    static final String KIND_NAMED = "secret-named key";
    static final String KIND_IN_SECRETS_MAP = "value in a secrets map";

    private record Visit(JsonNode node, String pointer, String key, Context context) {
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
        pending.push(new Visit(valuesRoot, "", null, Context.PLAIN));
        while (!pending.isEmpty()) {
            Visit visit = pending.pop();
            JsonNode node = visit.node();
            if (node.isObject()) {
                pushFields(visit, pending, hits);
            } else if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    pending.push(new Visit(node.get(i), JsonPointers.child(visit.pointer(), i), visit.key(),
                            Context.LIST_ITEM));
                }
            } else {
                classifyScalar(visit).ifPresent(hits::add);
            }
        }
        return hits;
    }

    /** Classifies one env var (name + literal value) of a rendered container; empty when not a secret. */
    public Optional<SecretHit> classifyEnv(String pointer, String name, String value) {
        if (value == null || options.isAllowed(pointer) || options.isIgnoredKey(name)) {
            return Optional.empty();
        }
        return classifyText(pointer, name, value, Context.PLAIN);
    }

    private void pushFields(Visit visit, Deque<Visit> pending, List<SecretHit> hits) {
        JsonNode node = visit.node();
        boolean secretsMap = visit.key() != null && keyNames.isSecretContainer(visit.key());
        // {name: X, value: Y} is an env entry written in values: Y is classified under the name X.
        JsonNode envName = node.get("name");
        boolean envEntry = envName != null && envName.isTextual() && node.has("value");
        List<Visit> children = new ArrayList<>(node.size());
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String pointer = JsonPointers.child(visit.pointer(), field.getKey());
            JsonNode child = field.getValue();
            if (envEntry && "value".equals(field.getKey()) && child.isValueNode()) {
                classifyEnvEntry(pointer, envName.asText(), child).ifPresent(hits::add);
                continue;
            }
            children.add(new Visit(child, pointer, field.getKey(),
                    secretsMap ? Context.SECRETS_MAP_ENTRY : Context.PLAIN));
        }
        for (int i = children.size() - 1; i >= 0; i--) {
            pending.push(children.get(i));
        }
    }

    private Optional<SecretHit> classifyEnvEntry(String pointer, String name, JsonNode value) {
        return classifyScalar(new Visit(value, pointer, name, Context.PLAIN));
    }

    private Optional<SecretHit> classifyScalar(Visit visit) {
        if (options.isAllowed(visit.pointer()) || options.isIgnoredKey(visit.key())) {
            return Optional.empty();
        }
        JsonNode node = visit.node();
        if (node.isTextual()) {
            return classifyText(visit.pointer(), visit.key(), node.textValue(), visit.context());
        }
        if (node.isNumber() && visit.key() != null && visit.context() != Context.LIST_ITEM
                && keyNames.roleOf(visit.key()) == KeyRole.CREDENTIAL) {
            String digits = node.asText();
            return Optional.of(new SecretHit(visit.pointer(), KIND_NAMED,
                    reasons.namedCredential(visit.key(), digits, true)));
        }
        return Optional.empty(); // booleans, nulls, binary and config numbers
    }

    private Optional<SecretHit> classifyText(String pointer, String key, String value, Context context) {
        Optional<Detection> format = FORMATS.find(value);
        if (format.isPresent()) {
            return Optional.of(format.get().at(pointer));
        }
        if (key == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (KeyNames.isAwsSecretKeyName(key) && AWS_SECRET_KEY_SHAPE.matcher(v).matches() && !ValueShapes.isPlaceholder(v)) {
            return Optional.of(new SecretHit(pointer, "AWS secret access key", reasons.awsSecretKey(key, v)));
        }
        if (ValueShapes.isPlaceholder(v) || ValueShapes.isReference(v)
                || BOOLEAN_WORDS.contains(v.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return byKeyName(key, v, context).map(reason -> new SecretHit(pointer,
                context == Context.SECRETS_MAP_ENTRY && keyNames.roleOf(key) == KeyRole.NEUTRAL
                        ? KIND_IN_SECRETS_MAP : KIND_NAMED, reason));
    }

    /** The reason when the key's name makes this literal a secret; empty otherwise. */
    private Optional<String> byKeyName(String key, String v, Context context) {
        KeyRole role = keyNames.roleOf(key);
        if (context == Context.LIST_ITEM) {
            // A list under a credential-named key is usually a list of key names; only generated-looking items count.
            boolean credentialList = role != KeyRole.NOT_SECRET && role != KeyRole.NEUTRAL;
            return credentialList && ValueShapes.looksLikeCredential(v)
                    ? Optional.of(reasons.listItem(key, v)) : Optional.empty();
        }
        boolean secret = switch (role) {
            case CREDENTIAL -> !ValueShapes.isEnvStyleName(v) || ValueShapes.isDefaultPassword(v);
            case CREDENTIAL_OR_SECRET_NAME -> !ValueShapes.isCompoundObjectName(v);
            case SECRET_OBJECT_NAME -> !ValueShapes.isObjectName(v) && ValueShapes.looksLikeCredential(v);
            case CREDENTIAL_OR_KEY_NAME -> !ValueShapes.isKeyNameLike(v);
            case SECRET_KEY -> !ValueShapes.isSeparatedOrCamelName(v);
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

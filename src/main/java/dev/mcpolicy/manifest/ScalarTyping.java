package dev.mcpolicy.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * How plain (unquoted) scalars get their types. Quoted scalars are always strings.
 * <ul>
 *   <li>{@link #KUBERNETES}: as Kubernetes reads manifests (go-yaml, largely YAML 1.1: {@code yes}/{@code on} are
 *       booleans, {@code 0755} is octal), see {@link KubernetesScalars};</li>
 *   <li>{@link #YAML_1_2_CORE}: the YAML 1.2 core schema, for mcpolicy's own files (rule files): only
 *       {@code true}/{@code false} are booleans, {@code 0o755} is octal.</li>
 * </ul>
 */
public enum ScalarTyping {
    KUBERNETES {
        @Override
        JsonNode resolvePlain(String text) {
            return KubernetesScalars.resolvePlain(text);
        }
    },
    YAML_1_2_CORE {
        private final CoreScalarResolver resolver = new CoreScalarResolver(false);

        @Override
        JsonNode resolvePlain(String text) {
            Tag tag = resolver.resolve(text, true);
            try {
                if (Tag.NULL.equals(tag)) {
                    return NODES.nullNode();
                }
                if (Tag.BOOL.equals(tag)) {
                    return NODES.booleanNode(Boolean.parseBoolean(text.toLowerCase(Locale.ROOT)));
                }
                if (Tag.INT.equals(tag)) {
                    BigInteger value = integer(text);
                    return value.bitLength() < 63 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
                }
                if (Tag.FLOAT.equals(tag)) {
                    return NODES.numberNode(new BigDecimal(text));
                }
            } catch (NumberFormatException e) {
                // .inf, .nan and other floats JSON cannot hold stay text
            }
            return NODES.textNode(text);
        }

        private BigInteger integer(String text) {
            String t = text.startsWith("+") ? text.substring(1) : text;
            if (t.startsWith("0x")) {
                return new BigInteger(t.substring(2), 16);
            }
            if (t.startsWith("0o")) {
                return new BigInteger(t.substring(2), 8);
            }
            return new BigInteger(t);
        }
    };

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The value of a plain scalar with no explicit tag. */
    abstract JsonNode resolvePlain(String text);
}

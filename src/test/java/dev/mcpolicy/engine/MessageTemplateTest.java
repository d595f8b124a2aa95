package dev.mcpolicy.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageTemplateTest {

    @Test
    void findsNamedPlaceholdersInOrder() {
        assertEquals(List.of("object", "actual", "key"),
                List.copyOf(MessageTemplate.placeholders("{object} waits {actual}s; set {key} ({actual}).")));
    }

    @Test
    void bracesThatAreNotPlaceholdersStayText() {
        assertEquals(List.of(), List.copyOf(MessageTemplate.placeholders("selector {app: mcp} and { spaced } and {1x}")));
        assertEquals("selector {app: mcp}", MessageTemplate.render("selector {app: mcp}", Map.of("app", "x")));
    }

    @Test
    void rendersValuesLiterallyEvenWithRegexSpecialCharacters() {
        assertEquals("Ingress/a costs $1 \\ {key}",
                MessageTemplate.render("{object} costs {price} {slash} {key}",
                        Map.of("object", "Ingress/a", "price", "$1", "slash", "\\", "other", "x")));
    }

    @Test
    void aMissingValueLeavesThePlaceholderVisible() {
        assertEquals("Deployment/x: {unknown}", MessageTemplate.render("{object}: {unknown}", Map.of("object", "Deployment/x")));
    }

    @Test
    void parameterTextHasNoExponentsOrTrailingZeros() {
        assertEquals("3600", ParameterSubstitution.text(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .numberNode(new java.math.BigDecimal("3.6E+3"))));
    }

    @Test
    void valuesAreMaskedBeforeTheyReachTheMessage() {
        String secret = "Kx9" + "pQ2vR7tW".repeat(3); // built at run time: no credential-shaped literal committed
        assertEquals("Deployment/mcp names image \"https://ci:****@registry.example.com/mcp:1\"",
                MessageTemplate.render("{object} names image \"{image}\"", Map.of("object", "Deployment/mcp",
                        "image", "https://ci:" + secret + "@registry.example.com/mcp:1")));
    }

    @Test
    void aLongValueIsCutAndSaysHowLongItWas() {
        String rendered = MessageTemplate.render("writes \"{written}\".", Map.of("written", "1s".repeat(5000)));
        assertEquals("writes \"" + "1s".repeat((MessageTemplate.MAX_VALUE_LENGTH - 40) / 2) + "… (10000 characters)\".",
                rendered);
        String exact = "a".repeat(MessageTemplate.MAX_VALUE_LENGTH);
        assertEquals(exact, MessageTemplate.render("{v}", Map.of("v", exact)));
    }
}

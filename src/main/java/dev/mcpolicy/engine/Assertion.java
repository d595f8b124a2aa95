package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A named assertion mechanism ({@code assert: {value: …}}): validates its configuration and checks targets. */
public interface Assertion {

    String name();

    /**
     * Problems of a configuration (before parameter substitution).
     *
     * @param pointer pointer of the configuration in the rule file, for problem locations
     */
    List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                          Map<String, RuleDefinition.Parameter> parameters,
                                          MechanismRegistry registry);

    /** Placeholders its violations fill, for this configuration. */
    Set<String> placeholders(JsonNode config, MechanismRegistry registry);

    /** Violation kinds besides {@link Violation#DEFAULT} whose message {@code messages} may override. */
    Set<String> messageKinds();

    /** The built-in message for a kind when the check gives none (empty: use the check's {@code message}). */
    default Optional<String> defaultMessage(String kind) {
        return Optional.empty();
    }

    /**
     * Violation kinds that claim an object is missing from the render (nothing selected, a target or a Service not
     * there). The engine withholds them while the render has {@link RenderGaps}: the object may be in the document
     * that could not be read.
     */
    default Set<String> absenceKinds(JsonNode config, MechanismRegistry registry) {
        return Set.of();
    }

    /** @param config the configuration with parameters substituted */
    List<Violation> check(Target target, JsonNode config, EvaluationContext context);
}

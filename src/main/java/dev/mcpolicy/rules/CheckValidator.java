package dev.mcpolicy.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Validates a rule's {@code check} against the mechanisms the engine knows (selectors, assertions,
 * placeholders). Implemented by the engine so that the rule loader stays independent of it.
 */
public interface CheckValidator {

    /**
     * @param check      the rule's {@code check} node (already valid against the rule file schema)
     * @param parameters the rule's declared parameters by name
     * @return problems with pointers relative to the rule file root (e.g. {@code /check/assert/value/min})
     */
    List<Problem> validate(JsonNode check, Map<String, RuleDefinition.Parameter> parameters);

    /**
     * Problems between the rules of a pack: a {@code supersededBy} naming a rule or check the pack lacks, or one that
     * is superseded itself. A subset of a pack is not checked this way (a test may run one rule alone).
     */
    default List<PackProblem> validatePack(List<RuleDefinition> rules) {
        return List.of();
    }

    /** @param pointer RFC 6901 pointer into the rule file */
    record Problem(String pointer, String message) {
    }

    /** A problem of one rule of a pack, at {@code pointer} in its rule file. */
    record PackProblem(RuleDefinition rule, String pointer, String message) {
    }
}

package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects configuration problems of one assertion with pointers into the rule file. */
final class ConfigCheck {
    private static final Pattern WHOLE_REFERENCE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    private final String pointer;
    private final Map<String, RuleDefinition.Parameter> parameters;
    private final List<CheckValidator.Problem> problems = new ArrayList<>();

    ConfigCheck(String pointer, Map<String, RuleDefinition.Parameter> parameters) {
        this.pointer = pointer;
        this.parameters = parameters;
    }

    void problem(String field, String message) {
        problems.add(new CheckValidator.Problem(field == null ? pointer : JsonPointers.child(pointer, field), message));
    }

    /** The parameter a value refers to as a whole ({@code ${minSeconds}}), when it does. */
    Optional<RuleDefinition.Parameter> reference(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        Matcher matcher = WHOLE_REFERENCE.matcher(value.asText());
        return matcher.matches() ? Optional.ofNullable(parameters.get(matcher.group(1))) : Optional.empty();
    }

    /** The value, or the referenced parameter's default, for type checks at load time. */
    JsonNode resolved(JsonNode value) {
        return reference(value).map(RuleDefinition.Parameter::defaultValue).orElse(value);
    }

    List<CheckValidator.Problem> problems() {
        return List.copyOf(problems);
    }
}

package dev.mcpolicy.engine.mechanism;

/**
 * A mechanism's own documentation, from which the rule-language reference is generated.
 *
 * @param description what it does, in a few sentences of Markdown
 * @param example     a YAML snippet of a check that uses it
 */
public record MechanismDoc(String description, String example) {
}

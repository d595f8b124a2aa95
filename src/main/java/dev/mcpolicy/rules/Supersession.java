package dev.mcpolicy.rules;

import java.util.List;

/**
 * A rule's {@code supersededBy}: rules whose finding on the same object states the root cause of this rule's
 * finding, so that one is reported and this one is folded into it. A single replica causes both a replica-count
 * finding and a PodDisruptionBudget that blocks drains; fixing the replica count first avoids a budget that only
 * creates the next finding.
 *
 * @param rules the superseding rule ids (they must not be superseded themselves)
 * @param note  the sentence added to the superseding finding's message, so what this rule would have said is not
 *              lost; null for none
 */
public record Supersession(List<String> rules, String note) {
    public static final Supersession NONE = new Supersession(List.of(), null);

    public Supersession {
        rules = List.copyOf(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}

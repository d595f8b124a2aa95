package dev.mcpolicy.engine;

import java.util.List;
import java.util.Set;

/** A named graph relation a target must satisfy ({@code assert: {relation: {name: covered-by-pdb}}}). */
public interface Relation {

    String name();

    /** Why this relation cannot apply to targets of {@code selector}, or null when it can. */
    String incompatibility(Selector selector);

    Set<String> placeholders();

    /**
     * True when a violation of this relation claims that an object is missing from the render (see
     * {@link RenderGaps}).
     */
    default boolean claimsAbsence() {
        return false;
    }

    List<Violation> check(Target target, EvaluationContext context);
}

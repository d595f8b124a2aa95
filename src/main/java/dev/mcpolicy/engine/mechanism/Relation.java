package dev.mcpolicy.engine.mechanism;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A named graph relation a target must satisfy ({@code assert: {relation: {name: covered-by-pdb}}}). */
public interface Relation {

    String name();

    /** The target kinds it applies to. */
    Set<TargetKind> accepts();

    /** Placeholders its violations fill, with what each holds. */
    Map<String, String> placeholders();

    /** What must hold, and an example check, for the rule-language reference. */
    MechanismDoc doc();

    /**
     * True when a violation of this relation claims that an object is missing from the render (see
     * {@link RenderGaps}).
     */
    default boolean claimsAbsence() {
        return false;
    }

    List<Violation> check(Target target, EvaluationContext context);
}

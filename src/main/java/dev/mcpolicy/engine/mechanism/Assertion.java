package dev.mcpolicy.engine.mechanism;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A named assertion mechanism ({@code assert: {value: …}}). Its configuration is a value of {@link #configType()},
 * bound from the rule file and validated once when the rule is compiled (parameters already substituted), so
 * {@link #check} reads typed fields and never the rule file.
 *
 * @param <C> the configuration type
 */
public interface Assertion<C> {

    String name();

    /** The type the {@code assert: {name: …}} block is bound to (a record, usually). */
    Class<C> configType();

    /** The target kinds it can check. */
    Set<TargetKind> accepts();

    /** The target kinds it can check with this configuration; by default {@link #accepts()}. */
    default Set<TargetKind> accepts(C config) {
        return accepts();
    }

    /** How problems name what needs a target ("covered-by-pdb", "secrets with scan: env"); by default its name. */
    default String subject(C config) {
        return name();
    }

    /** The configuration field a target mismatch is reported on (null: the whole configuration). */
    default String acceptsField() {
        return null;
    }

    /** Placeholders its violations fill, with what each holds. */
    Map<String, String> placeholders();

    /** Placeholders its violations fill for this configuration (a relation's own); by default all of them. */
    default Set<String> placeholders(C config) {
        return placeholders().keySet();
    }

    /**
     * Violation kinds besides {@link Violation#DEFAULT} that {@code messages} and {@code levels} may address,
     * with when each applies.
     */
    Map<String, String> violationKinds();

    /**
     * Violation kinds that claim an object is missing from the render (nothing selected, a target or a Service not
     * there). The engine withholds them while the render has {@link RenderGaps}: the object may be in the document
     * that could not be read.
     */
    default Set<String> absenceKinds(C config) {
        return Set.of();
    }

    /** The built-in message for a kind when the check gives none (empty: use the check's {@code message}). */
    default Optional<String> defaultMessage(String kind) {
        return Optional.empty();
    }

    /** What it asserts, and an example check, for the rule-language reference. */
    MechanismDoc doc();

    /**
     * Problems of a bound configuration for a check on {@code target} targets, added to {@code problems} (with
     * fields relative to the configuration). Binding has already checked the types.
     */
    default void validate(C config, TargetKind target, ConfigProblems problems) {
    }

    List<Violation> check(Target target, C config, EvaluationContext context);
}

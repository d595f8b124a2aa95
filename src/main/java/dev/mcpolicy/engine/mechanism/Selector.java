package dev.mcpolicy.engine.mechanism;

import java.util.List;
import java.util.Map;

/**
 * A named way of picking what a check looks at ({@code target: ingress-routes}), with the {@code where} filters it
 * understands and the placeholders its targets fill.
 */
public interface Selector {

    String name();

    /** What its targets are. */
    TargetKind yields();

    /** The {@code where} filters it understands, by name. */
    Map<String, Filter> filters();

    /**
     * Placeholders its targets fill beyond the common ones ({@code object}, {@code kind}, {@code name},
     * {@code namespace}, {@code apiVersion}), with what each holds.
     */
    Map<String, String> placeholders();

    /** What it selects, and an example check, for the rule-language reference. */
    MechanismDoc doc();

    List<Target> select(EvaluationContext context, Where where);
}

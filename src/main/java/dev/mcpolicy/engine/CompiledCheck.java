package dev.mcpolicy.engine;

import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Selector;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.engine.mechanism.Where;

import java.util.List;
import java.util.Map;

/**
 * One check of a {@link CompiledRule}: which targets ({@code selector} with its {@code where}), what must hold
 * ({@code assertion} with its bound configuration), at which level, with which message per violation kind.
 *
 * @param selector        picks the targets
 * @param where           the selector's filters, typed
 * @param assertion       the assertion mechanism with its configuration
 * @param levels          the level per violation kind
 * @param messages        the message template per violation kind ({@code default} included)
 * @param scope           what the check judges; {@link CheckScope#MCP_SERVER} findings are inferred on renders whose
 *                        MCP servers are only inferred
 * @param parameterText   the rule's parameters as message text ({@code {minSeconds}} in a message)
 * @param id              the check's own {@code id}, which its findings carry ({@link dev.mcpolicy.finding.Finding#check()})
 *                        and {@code supersededBy} may name; null when it has none
 */
public record CompiledCheck(Selector selector, Where where, Bound<?> assertion, CheckLevels levels,
                            Map<String, String> messages, CheckScope scope, Map<String, String> parameterText,
                            String id) {
    public CompiledCheck {
        messages = Map.copyOf(messages);
        parameterText = Map.copyOf(parameterText);
    }

    /** True when the check runs once per chart rather than per render. */
    public boolean chartLevel() {
        return selector.yields() == TargetKind.CHART;
    }

    public String message(String violationKind) {
        return messages.getOrDefault(violationKind, messages.get(Violation.DEFAULT));
    }

    /** What a check judges, as its rule file says ({@code scope: mcp-server}). */
    public enum CheckScope {
        ANY, MCP_SERVER
    }

    /** An assertion with its configuration, so the check can run without knowing the configuration's type. */
    public record Bound<C>(Assertion<C> mechanism, C config) {
        public List<Violation> check(Target target, EvaluationContext context) {
            return mechanism.check(target, config, context);
        }

        /** The violation kinds that claim an object is missing from the render. */
        public java.util.Set<String> absenceKinds() {
            return mechanism.absenceKinds(config);
        }
    }
}

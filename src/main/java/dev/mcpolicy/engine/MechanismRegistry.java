package dev.mcpolicy.engine;

import dev.mcpolicy.engine.assertions.AllowsEvictionRelation;
import dev.mcpolicy.engine.assertions.ChartFileAssertion;
import dev.mcpolicy.engine.assertions.CommandTextAssertion;
import dev.mcpolicy.engine.assertions.ContainerPortAssertion;
import dev.mcpolicy.engine.assertions.CoveredByPdbRelation;
import dev.mcpolicy.engine.assertions.ExistsAssertion;
import dev.mcpolicy.engine.assertions.ImageAssertion;
import dev.mcpolicy.engine.assertions.KnownControllerRelation;
import dev.mcpolicy.engine.assertions.PreStopGraceAssertion;
import dev.mcpolicy.engine.assertions.RelationAssertion;
import dev.mcpolicy.engine.assertions.ReplicaCountAssertion;
import dev.mcpolicy.engine.assertions.RouteBackendsAssertion;
import dev.mcpolicy.engine.assertions.ScaleRateAssertion;
import dev.mcpolicy.engine.assertions.ScaleTargetExistsRelation;
import dev.mcpolicy.engine.assertions.SchemaAssertion;
import dev.mcpolicy.engine.assertions.SecretDataAssertion;
import dev.mcpolicy.engine.assertions.SecretsAssertion;
import dev.mcpolicy.engine.assertions.SelectsPodsRelation;
import dev.mcpolicy.engine.assertions.ServiceTargetPortsAssertion;
import dev.mcpolicy.engine.assertions.SessionAffinityRelation;
import dev.mcpolicy.engine.assertions.TlsHostsAssertion;
import dev.mcpolicy.engine.assertions.ValueAssertion;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.Relation;
import dev.mcpolicy.engine.mechanism.Selector;
import dev.mcpolicy.engine.selectors.ChartSelector;
import dev.mcpolicy.engine.selectors.ContainerSelector;
import dev.mcpolicy.engine.selectors.IngressRouteSelector;
import dev.mcpolicy.engine.selectors.KindSelector;
import dev.mcpolicy.engine.selectors.RouteAttachmentSelector;
import dev.mcpolicy.engine.selectors.RouteRuleSelector;
import dev.mcpolicy.engine.selectors.RouteSelector;
import dev.mcpolicy.engine.selectors.ValuesDocumentSelector;
import dev.mcpolicy.engine.selectors.WorkloadSelector;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The catalogue of the words a rule file may use: selectors ({@code target:}), assertions ({@code assert:}) and
 * relations ({@code relation: {name:}}), each word leading to one class. It only looks them up; the
 * {@link RuleCompiler} validates rules against it and the {@link Engine} runs the compiled plans.
 */
public final class MechanismRegistry {
    private final Map<String, Selector> selectors;
    private final Map<String, Assertion<?>> assertions;
    private final Map<String, Relation> relations;

    public MechanismRegistry(Collection<Selector> selectors, Collection<Assertion<?>> assertions,
                             Collection<Relation> relations) {
        this.selectors = byName(selectors, Selector::name);
        this.assertions = byName(assertions, Assertion::name);
        this.relations = byName(relations, Relation::name);
    }

    private static <T> Map<String, T> byName(Collection<T> mechanisms, java.util.function.Function<T, String> name) {
        Map<String, T> out = new TreeMap<>();
        for (T mechanism : mechanisms) {
            if (out.put(name.apply(mechanism), mechanism) != null) {
                throw new IllegalArgumentException("two mechanisms are named " + name.apply(mechanism));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Every built-in mechanism. */
    public static MechanismRegistry standard() {
        List<Selector> selectors = List.of(WorkloadSelector.all(), WorkloadSelector.mcpServers(),
                ContainerSelector.all(), ContainerSelector.mcpServerContainers(), new IngressRouteSelector(),
                new RouteSelector(), new RouteRuleSelector(), new RouteAttachmentSelector(), KindSelector.hpas(),
                KindSelector.pdbs(), KindSelector.services(), KindSelector.objects(), new ValuesDocumentSelector(),
                new ChartSelector());
        List<Relation> relations = List.of(new CoveredByPdbRelation(), new KnownControllerRelation(),
                new SelectsPodsRelation(), new AllowsEvictionRelation(), new ScaleTargetExistsRelation(),
                new SessionAffinityRelation());
        List<Assertion<?>> assertions = List.of(ValueAssertion.value(), ValueAssertion.annotation(),
                new SchemaAssertion(), new RelationAssertion(byName(relations, Relation::name)),
                new SecretsAssertion(), new ExistsAssertion(byName(selectors, Selector::name)),
                new CommandTextAssertion(), new ChartFileAssertion(), new ServiceTargetPortsAssertion(),
                new RouteBackendsAssertion(), new TlsHostsAssertion(), new SecretDataAssertion(),
                new ContainerPortAssertion(), new ImageAssertion(), new ReplicaCountAssertion(),
                new ScaleRateAssertion(), new PreStopGraceAssertion());
        return new MechanismRegistry(selectors, assertions, relations);
    }

    public Optional<Selector> selector(String name) {
        return Optional.ofNullable(selectors.get(name));
    }

    public Optional<Assertion<?>> assertion(String name) {
        return Optional.ofNullable(assertions.get(name));
    }

    public Optional<Relation> relation(String name) {
        return Optional.ofNullable(relations.get(name));
    }

    /** By name. */
    public Collection<Selector> selectors() {
        return selectors.values();
    }

    /** By name. */
    public Collection<Assertion<?>> assertions() {
        return assertions.values();
    }

    /** By name. */
    public Collection<Relation> relations() {
        return relations.values();
    }
}

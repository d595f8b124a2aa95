package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.assertions.AllowsEvictionRelation;
import dev.mcpolicy.engine.assertions.ChartFileAssertion;
import dev.mcpolicy.engine.assertions.CommandTextAssertion;
import dev.mcpolicy.engine.assertions.ContainerPortAssertion;
import dev.mcpolicy.engine.assertions.CoveredByPdbRelation;
import dev.mcpolicy.engine.assertions.ExistsAssertion;
import dev.mcpolicy.engine.assertions.ImageAssertion;
import dev.mcpolicy.engine.assertions.KnownControllerRelation;
import dev.mcpolicy.engine.assertions.PreStopGraceAssertion;
import dev.mcpolicy.engine.assertions.ReplicaCountAssertion;
import dev.mcpolicy.engine.assertions.ScaleRateAssertion;
import dev.mcpolicy.engine.assertions.ScaleTargetExistsRelation;
import dev.mcpolicy.engine.assertions.SessionAffinityRelation;
import dev.mcpolicy.engine.assertions.RelationAssertion;
import dev.mcpolicy.engine.assertions.RouteBackendsAssertion;
import dev.mcpolicy.engine.assertions.SecretDataAssertion;
import dev.mcpolicy.engine.assertions.SelectsPodsRelation;
import dev.mcpolicy.engine.assertions.ServiceTargetPortsAssertion;
import dev.mcpolicy.engine.assertions.TlsHostsAssertion;
import dev.mcpolicy.engine.assertions.SchemaAssertion;
import dev.mcpolicy.engine.assertions.SecretsAssertion;
import dev.mcpolicy.engine.assertions.ValueAssertion;
import dev.mcpolicy.engine.selectors.ChartSelector;
import dev.mcpolicy.engine.selectors.ContainerSelector;
import dev.mcpolicy.engine.selectors.IngressRouteSelector;
import dev.mcpolicy.engine.selectors.KindSelector;
import dev.mcpolicy.engine.selectors.RouteAttachmentSelector;
import dev.mcpolicy.engine.selectors.RouteRuleSelector;
import dev.mcpolicy.engine.selectors.RouteSelector;
import dev.mcpolicy.engine.selectors.ValuesDocumentSelector;
import dev.mcpolicy.engine.selectors.WorkloadSelector;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleLoader;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The selectors, assertions and relations rule files may name. New controllers and relations register here;
 * the engine core only looks mechanisms up by name.
 */
public final class MechanismRegistry implements CheckValidator {
    /** Placeholders every target fills. */
    public static final Set<String> COMMON_PLACEHOLDERS = Set.of("object", "kind", "name", "namespace", "apiVersion");

    private final Map<String, Selector> selectors = new TreeMap<>();
    private final Map<String, Assertion> assertions = new TreeMap<>();
    private final Map<String, Relation> relations = new TreeMap<>();

    /** Every built-in mechanism. */
    public static MechanismRegistry standard() {
        MechanismRegistry registry = new MechanismRegistry();
        registry.register(WorkloadSelector.all());
        registry.register(WorkloadSelector.mcpServers());
        registry.register(ContainerSelector.all());
        registry.register(ContainerSelector.mcpServerContainers());
        registry.register(new IngressRouteSelector());
        registry.register(new RouteSelector());
        registry.register(new RouteRuleSelector());
        registry.register(new RouteAttachmentSelector());
        registry.register(KindSelector.hpas());
        registry.register(KindSelector.pdbs());
        registry.register(KindSelector.services());
        registry.register(KindSelector.objects());
        registry.register(new ValuesDocumentSelector());
        registry.register(new ChartSelector());
        registry.register(ValueAssertion.value());
        registry.register(ValueAssertion.annotation());
        registry.register(new SchemaAssertion());
        registry.register(new RelationAssertion(registry::relation));
        registry.register(new SecretsAssertion());
        registry.register(new ExistsAssertion(registry::selector));
        registry.register(new CommandTextAssertion());
        registry.register(new ChartFileAssertion());
        registry.register(new CoveredByPdbRelation());
        registry.register(new KnownControllerRelation());
        registry.register(new SelectsPodsRelation());
        registry.register(new ServiceTargetPortsAssertion());
        registry.register(new RouteBackendsAssertion());
        registry.register(new TlsHostsAssertion());
        registry.register(new SecretDataAssertion());
        registry.register(new ContainerPortAssertion());
        registry.register(new ImageAssertion());
        registry.register(new ReplicaCountAssertion());
        registry.register(new ScaleRateAssertion());
        registry.register(new PreStopGraceAssertion());
        registry.register(new AllowsEvictionRelation());
        registry.register(new ScaleTargetExistsRelation());
        registry.register(new SessionAffinityRelation());
        return registry;
    }

    /** A loader whose checks are validated against this registry. */
    public RuleLoader ruleLoader() {
        return new RuleLoader(this);
    }

    public MechanismRegistry register(Selector selector) {
        selectors.put(selector.name(), selector);
        return this;
    }

    public MechanismRegistry register(Assertion assertion) {
        assertions.put(assertion.name(), assertion);
        return this;
    }

    public MechanismRegistry register(Relation relation) {
        relations.put(relation.name(), relation);
        return this;
    }

    public Optional<Selector> selector(String name) {
        return Optional.ofNullable(selectors.get(name));
    }

    public Optional<Assertion> assertion(String name) {
        return Optional.ofNullable(assertions.get(name));
    }

    public Optional<Relation> relation(String name) {
        return Optional.ofNullable(relations.get(name));
    }

    public Set<String> relationNames() {
        return relations.keySet();
    }

    /** The checks of a rule: its {@code check} is one check or a list of them. */
    public static List<JsonNode> checks(JsonNode check) {
        List<JsonNode> out = new ArrayList<>();
        if (check.isArray()) {
            check.forEach(out::add);
        } else {
            out.add(check);
        }
        return out;
    }

    /** The single mechanism name of an {@code assert} block. */
    public static String assertionName(JsonNode check) {
        Iterator<String> names = check.path("assert").fieldNames();
        return names.hasNext() ? names.next() : "";
    }

    @Override
    public List<Problem> validate(JsonNode check, Map<String, RuleDefinition.Parameter> parameters) {
        List<Problem> problems = new ArrayList<>();
        List<JsonNode> checks = checks(check);
        for (int i = 0; i < checks.size(); i++) {
            validateOne(checks.get(i), check.isArray() ? "/check/" + i : "/check", parameters, problems);
        }
        return problems;
    }

    private void validateOne(JsonNode check, String pointer, Map<String, RuleDefinition.Parameter> parameters,
                             List<Problem> problems) {
        String targetName = check.path("target").asText();
        Selector selector = selectors.get(targetName);
        if (selector == null) {
            problems.add(new Problem(pointer + "/target", "unknown target '" + targetName + "'; known: "
                    + String.join(", ", selectors.keySet())));
            return;
        }
        validateWhere(check.path("where"), pointer + "/where", selector, problems);
        String assertionName = assertionName(check);
        Assertion assertion = assertions.get(assertionName);
        String assertPointer = pointer + "/assert/" + JsonPointers.escape(assertionName);
        if (assertion == null) {
            problems.add(new Problem(assertPointer, "unknown assertion mechanism '" + assertionName + "'; known: "
                    + String.join(", ", assertions.keySet())));
            return;
        }
        JsonNode config = check.path("assert").path(assertionName);
        List<Problem> configProblems = assertion.validate(config, assertPointer, selector, parameters, this);
        problems.addAll(configProblems);
        if (!configProblems.isEmpty()) {
            return;
        }
        Iterator<String> levelKinds = check.path("levels").fieldNames();
        while (levelKinds.hasNext()) {
            String kind = levelKinds.next();
            if (!kind.equals(Violation.DEFAULT) && !assertion.messageKinds().contains(kind)) {
                problems.add(new Problem(pointer + "/levels/" + JsonPointers.escape(kind), "the " + assertionName
                        + " assertion has no violation kind '" + kind + "'; kinds: "
                        + String.join(", ", new TreeSet<>(kindsWithDefault(assertion)))));
            }
        }
        Set<String> known = new TreeSet<>(COMMON_PLACEHOLDERS);
        known.addAll(selector.placeholders());
        known.addAll(assertion.placeholders(config, this));
        known.addAll(parameters.keySet());
        checkPlaceholders(check.path("message").asText(), pointer + "/message", known, problems);
        Iterator<Map.Entry<String, JsonNode>> messages = check.path("messages").fields();
        while (messages.hasNext()) {
            Map.Entry<String, JsonNode> entry = messages.next();
            String messagePointer = pointer + "/messages/" + JsonPointers.escape(entry.getKey());
            if (!assertion.messageKinds().contains(entry.getKey())) {
                problems.add(new Problem(messagePointer, "the " + assertionName + " assertion has no message kind '"
                        + entry.getKey() + "'" + (assertion.messageKinds().isEmpty() ? ""
                        : "; kinds: " + String.join(", ", new TreeSet<>(assertion.messageKinds())))));
            } else {
                checkPlaceholders(entry.getValue().asText(), messagePointer, known, problems);
            }
        }
    }

    private static Set<String> kindsWithDefault(Assertion assertion) {
        Set<String> kinds = new TreeSet<>(assertion.messageKinds());
        kinds.add(Violation.DEFAULT);
        return kinds;
    }

    /** Problems of a {@code where} block for {@code selector}, added to {@code problems}. */
    public static void validateWhere(JsonNode where, String pointer, Selector selector, List<Problem> problems) {
        Iterator<Map.Entry<String, JsonNode>> filters = where.fields();
        while (filters.hasNext()) {
            Map.Entry<String, JsonNode> filter = filters.next();
            String filterPointer = pointer + "/" + JsonPointers.escape(filter.getKey());
            Selector.FilterKind kind = selector.filters().get(filter.getKey());
            if (kind == null) {
                problems.add(new Problem(filterPointer, "unknown filter '" + filter.getKey() + "' for target "
                        + selector.name() + (selector.filters().isEmpty() ? " (it has no filters)"
                        : "; known: " + String.join(", ", new TreeSet<>(selector.filters().keySet())))));
                continue;
            }
            JsonNode value = filter.getValue();
            boolean ok = switch (kind) {
                case BOOLEAN -> value.isBoolean();
                case STRINGS -> value.isTextual() || value.isArray() && value.size() > 0
                        && allTextual(value);
            };
            if (!ok) {
                problems.add(new Problem(filterPointer, kind == Selector.FilterKind.BOOLEAN ? "must be true or false"
                        : "must be a string or a list of strings"));
            }
        }
    }

    private static boolean allTextual(JsonNode list) {
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static void checkPlaceholders(String template, String pointer, Set<String> known, List<Problem> problems) {
        for (String name : MessageTemplate.placeholders(template)) {
            if (!known.contains(name)) {
                problems.add(new Problem(pointer, "unknown placeholder {" + name + "}; known here: "
                        + String.join(", ", known)));
            }
        }
    }
}

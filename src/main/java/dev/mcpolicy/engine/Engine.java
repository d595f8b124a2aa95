package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleSet;
import dev.mcpolicy.secrets.SecretScanner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every rule of a {@link RuleSet} over a resource graph and the values documents: each check's selector
 * picks targets, its assertion reports violations, and each violation becomes one {@link Finding}.
 */
public final class Engine {
    private final RuleSet rules;
    private final MechanismRegistry registry;

    public Engine(RuleSet rules) {
        this(rules, MechanismRegistry.standard());
    }

    public Engine(RuleSet rules, MechanismRegistry registry) {
        this.rules = rules;
        this.registry = registry;
    }

    /**
     * Findings of every render-level check (all but {@code target: chart}) over one render and its values documents,
     * sorted by file, line, column, rule id and message; duplicates dropped.
     */
    public List<Finding> run(ResourceGraph graph, List<ManifestDocument> valuesDocuments) {
        return runAll(new EvaluationContext(graph, valuesDocuments, new SecretScanner()), Scope.RENDER);
    }

    /**
     * Findings of every chart-level check ({@code target: chart}) on one chart, sorted like {@link #run}. Chart mode
     * calls it once per chart, however many environments it renders.
     */
    public List<Finding> runChart(ChartContext chart) {
        EvaluationContext context = new EvaluationContext(ResourceGraph.build(List.of(), "default"), List.of(),
                new SecretScanner(), chart);
        return runAll(context, Scope.CHART);
    }

    /** Which checks a run evaluates: those on renders or those on the chart. */
    enum Scope {
        RENDER, CHART
    }

    private List<Finding> runAll(EvaluationContext context, Scope scope) {
        Set<Finding> findings = new LinkedHashSet<>();
        for (RuleDefinition rule : rules.rules()) {
            findings.addAll(run(rule, context, scope));
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(FindingFactory.ORDER);
        return sorted;
    }

    /** Findings of one rule's render-level checks, unsorted. */
    List<Finding> run(RuleDefinition rule, EvaluationContext context) {
        return run(rule, context, Scope.RENDER);
    }

    /** Findings of one rule's checks of {@code scope}, unsorted. */
    List<Finding> run(RuleDefinition rule, EvaluationContext context, Scope scope) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        Map<String, String> parameterText = new HashMap<>();
        for (RuleDefinition.Parameter parameter : rule.parameters()) {
            parameters.put(parameter.name(), parameter.defaultValue());
            parameterText.put(parameter.name(), ParameterSubstitution.text(parameter.defaultValue()));
        }
        List<Finding> findings = new ArrayList<>();
        boolean inferred = context.graph().mcpServersInferred();
        for (JsonNode check : MechanismRegistry.checks(rule.check())) {
            Selector selector = registry.selector(check.path("target").asText())
                    .orElseThrow(() -> new IllegalStateException("rule " + rule.id() + " names an unknown target"));
            if (selector.yieldsCharts() != (scope == Scope.CHART)) {
                continue;
            }
            String assertionName = MechanismRegistry.assertionName(check);
            Assertion assertion = registry.assertion(assertionName)
                    .orElseThrow(() -> new IllegalStateException("rule " + rule.id() + " names an unknown assertion"));
            JsonNode config = ParameterSubstitution.apply(check.path("assert").path(assertionName), parameters);
            Where where = new Where(ParameterSubstitution.apply(check.path("where"), parameters));
            CheckLevels levels = CheckLevels.of(rule, check);
            for (Target target : selector.select(context, where)) {
                for (Violation violation : assertion.check(target, config, context)) {
                    String template = template(check, assertion, violation.kind());
                    Map<String, String> values = new HashMap<>(parameterText);
                    values.putAll(commonPlaceholders(target));
                    values.putAll(target.placeholders());
                    values.putAll(violation.placeholders());
                    Finding finding = FindingFactory.create(rule, levels.of(violation.kind()), target,
                            withCheckId(violation, check), MessageTemplate.render(template, values));
                    findings.add(inferred && McpScope.of(check) ? McpScope.lowerCertainty(finding) : finding);
                }
            }
        }
        return findings;
    }

    /** A check with an {@code id} names itself in its findings' properties ({@code check}), e.g. for supersededBy. */
    private static Violation withCheckId(Violation violation, JsonNode check) {
        if (!check.path("id").isTextual()) {
            return violation;
        }
        Map<String, String> properties = new HashMap<>(violation.properties());
        properties.put(SupersededFindings.CHECK, check.path("id").asText());
        return new Violation(violation.kind(), violation.pointer(), violation.placeholders(), properties,
                violation.related(), violation.document(), violation.mappingHint());
    }

    private static String template(JsonNode check, Assertion assertion, String kind) {
        JsonNode override = check.path("messages").get(kind);
        if (override != null && override.isTextual()) {
            return override.asText();
        }
        if (!Violation.DEFAULT.equals(kind)) {
            return assertion.defaultMessage(kind).orElse(check.path("message").asText());
        }
        return check.path("message").asText();
    }

    private static Map<String, String> commonPlaceholders(Target target) {
        Map<String, String> values = new HashMap<>();
        values.put("object", target.displayName());
        if (target.object() != null) {
            values.put("kind", target.object().kind());
            values.put("name", target.object().name());
            values.put("apiVersion", target.object().apiVersion());
            values.put("namespace", target.object().namespace() == null ? "(cluster)" : target.object().namespace());
        } else {
            values.put("kind", "values file");
            values.put("name", target.document().file());
            values.put("apiVersion", "");
            values.put("namespace", "");
        }
        return values;
    }
}

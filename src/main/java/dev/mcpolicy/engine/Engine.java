package dev.mcpolicy.engine;

import dev.mcpolicy.engine.mechanism.ChartContext;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.RenderGaps;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.finding.Certainty;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.pipeline.FoldSuperseded;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.parallel.InParallel;
import dev.mcpolicy.rules.RuleSet;
import dev.mcpolicy.secrets.SecretScanner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs compiled rules over a resource graph and the values documents: each check's selector picks targets, its
 * assertion reports violations, and each violation becomes one {@link Finding}, in evaluation order (rules by id,
 * checks in file order, targets in input order). Ordering, de-duplication and everything else that happens to
 * findings afterwards is the finding pipeline's.
 */
public final class Engine {
    /** Renders with at least this many objects have their checks evaluated on several threads. */
    private static final int PARALLEL_OBJECTS = 500;

    private final List<CompiledRule> rules;

    /** Compiles the rules with the built-in mechanisms. */
    public Engine(RuleSet rules) {
        this(RuleCompiler.standard().compile(rules));
    }

    public Engine(List<CompiledRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Each rule's compiled {@code supersededBy}, by rule id, for the pipeline's {@link FoldSuperseded} step. */
    public Map<String, FoldSuperseded.Superseded> supersessions() {
        Map<String, FoldSuperseded.Superseded> out = new HashMap<>();
        for (CompiledRule rule : rules) {
            if (rule.supersededBy() != null) {
                out.put(rule.ruleId(), rule.supersededBy());
            }
        }
        return out;
    }

    /** Findings of every render-level check (all but {@code target: chart}) over one render and its values documents. */
    public List<Finding> run(ResourceGraph graph, List<ManifestDocument> valuesDocuments) {
        return run(graph, valuesDocuments, RenderGaps.none());
    }

    /**
     * Like {@link #run(ResourceGraph, List)} for a render some documents of which could not be read: violations that
     * claim an object is missing are withheld then ({@link RenderGaps}).
     */
    public List<Finding> run(ResourceGraph graph, List<ManifestDocument> valuesDocuments, RenderGaps gaps) {
        return runAll(new EvaluationContext(graph, valuesDocuments, new SecretScanner(), null, gaps), false);
    }

    /**
     * Findings of every chart-level check ({@code target: chart}) on one chart. Chart mode calls it once per chart,
     * however many environments it renders.
     */
    public List<Finding> runChart(ChartContext chart) {
        EvaluationContext context = new EvaluationContext(ResourceGraph.build(List.of(), "default"), List.of(),
                new SecretScanner(), chart);
        return runAll(context, true);
    }

    private List<Finding> runAll(EvaluationContext context, boolean chartLevel) {
        boolean inferred = context.graph().mcpServersInferred();
        List<CheckRun> checks = new ArrayList<>();
        for (CompiledRule rule : rules) {
            for (CompiledCheck check : rule.checks()) {
                if (check.chartLevel() == chartLevel) {
                    checks.add(new CheckRun(rule.ruleId(), check));
                }
            }
        }
        // Checks share only the render's facts, which compute each lazily and safely across threads; the results
        // come back in evaluation order however many threads ran them.
        int minChecks = context.graph().objects().size() >= PARALLEL_OBJECTS ? 2 : Integer.MAX_VALUE;
        List<List<Finding>> perCheck = InParallel.map(checks.size(), minChecks, i -> {
            List<Finding> found = new ArrayList<>();
            run(checks.get(i).ruleId(), checks.get(i).check(), context, inferred, found);
            return found;
        });
        List<Finding> findings = new ArrayList<>();
        perCheck.forEach(findings::addAll);
        return findings;
    }

    private record CheckRun(String ruleId, CompiledCheck check) {
    }

    private static void run(String ruleId, CompiledCheck check, EvaluationContext context, boolean inferred,
                            List<Finding> findings) {
        Certainty certainty = inferred && check.scope() == CompiledCheck.CheckScope.MCP_SERVER
                ? Certainty.INFERRED : Certainty.CERTAIN;
        Set<String> withheld = context.gaps().isEmpty() ? Set.of() : check.assertion().absenceKinds();
        for (Target target : check.selector().select(context, check.where())) {
            for (Violation violation : check.assertion().check(target, context)) {
                if (withheld.contains(violation.kind())) {
                    continue;
                }
                Map<String, String> values = new HashMap<>(check.parameterText());
                values.putAll(commonPlaceholders(target));
                values.putAll(target.placeholders());
                values.putAll(violation.placeholders());
                String message = MessageTemplate.render(check.message(violation.kind()), values);
                findings.add(FindingFactory.create(ruleId, check.id(), check.levels().of(violation.kind()), target,
                        violation, message).withCertainty(certainty));
            }
        }
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

package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.ConfigProblems;
import dev.mcpolicy.engine.mechanism.Selector;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.engine.mechanism.Where;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.pipeline.FoldSuperseded;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleLoader;
import dev.mcpolicy.rules.RuleSet;
import dev.mcpolicy.rules.Supersession;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles a rule's {@code check} into a {@link CompiledRule} against the {@link MechanismRegistry}: resolves the
 * target and the assertion, substitutes the parameters, binds and validates the assertion's configuration,
 * checks target compatibility, levels and message placeholders. The rule loader calls it (as its
 * {@link CheckValidator}) with the parameters' defaults, so a broken rule file is refused with the line of each
 * problem; the {@link Engine} calls it with the effective values ({@code --set-param}).
 */
public final class RuleCompiler implements CheckValidator {
    /** Placeholders every target fills, with what each holds. */
    public static final Map<String, String> COMMON_PLACEHOLDERS = commonPlaceholders();

    private final MechanismRegistry registry;
    private final boolean standardMechanisms;

    public RuleCompiler(MechanismRegistry registry) {
        this(registry, false);
    }

    private RuleCompiler(MechanismRegistry registry, boolean standardMechanisms) {
        this.registry = registry;
        this.standardMechanisms = standardMechanisms;
    }

    public static RuleCompiler standard() {
        return new RuleCompiler(MechanismRegistry.standard(), true);
    }

    /** A loader whose rule files are validated by this compiler. */
    public RuleLoader ruleLoader() {
        return new RuleLoader(this);
    }

    public MechanismRegistry registry() {
        return registry;
    }

    @Override
    public List<Problem> validate(JsonNode check, Map<String, RuleDefinition.Parameter> parameters) {
        List<Problem> problems = new ArrayList<>();
        compileChecks(check, parameters, Level.ERROR, problems);
        return problems;
    }

    /** Every rule of the set, compiled with its parameters' effective values. */
    public List<CompiledRule> compile(RuleSet rules) {
        List<CompiledRule> out = new ArrayList<>();
        for (RuleDefinition rule : rules.rules()) {
            out.add(compile(rule));
        }
        return out;
    }

    /**
     * @throws IllegalArgumentException naming the rule and the first problem when it does not compile
     */
    public CompiledRule compile(RuleDefinition rule) {
        if (standardMechanisms && rule.builtIn()) {
            CompiledRule precompiled = PrecompiledRules.lookup(rule);
            if (precompiled != null) {
                return precompiled;
            }
        }
        return compileHere(rule);
    }

    /** {@link #compile}, never taking the rule from {@link PrecompiledRules}. */
    CompiledRule compileHere(RuleDefinition rule) {
        Map<String, RuleDefinition.Parameter> parameters = new LinkedHashMap<>();
        rule.parameters().forEach(parameter -> parameters.put(parameter.name(), parameter));
        List<Problem> problems = new ArrayList<>();
        List<CompiledCheck> checks = compileChecks(rule.check(), parameters, rule.level(), problems);
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            throw new IllegalArgumentException("rule " + rule.id() + " does not compile with its parameters: "
                    + String.join(".", JsonPointers.tokens(first.pointer())) + ": " + first.message());
        }
        return new CompiledRule(rule.id(), checks, superseded(rule.supersededBy()));
    }

    /** A rule's {@code supersededBy} as the pipeline's fold step reads it; null when it names no rule. */
    private static FoldSuperseded.Superseded superseded(Supersession supersession) {
        if (supersession.isEmpty()) {
            return null;
        }
        return new FoldSuperseded.Superseded(supersession.rules().stream().map(FoldSuperseded.Source::parse).toList(),
                supersession.note());
    }

    /**
     * A pack's {@code supersededBy} must name rules of the pack, and checks of theirs that have that {@code id}, that
     * are not superseded themselves: folding is then one step and never circular.
     */
    @Override
    public List<PackProblem> validatePack(List<RuleDefinition> rules) {
        Map<String, RuleDefinition> byId = new LinkedHashMap<>();
        rules.forEach(rule -> byId.put(rule.id(), rule));
        List<PackProblem> problems = new ArrayList<>();
        for (RuleDefinition rule : rules) {
            List<String> named = rule.supersededBy().rules();
            for (int i = 0; i < named.size(); i++) {
                FoldSuperseded.Source source = FoldSuperseded.Source.parse(named.get(i));
                RuleDefinition superseding = byId.get(source.ruleId());
                String pointer = "/supersededBy/rules/" + i;
                if (superseding == null) {
                    problems.add(new PackProblem(rule, pointer, "no rule " + source.ruleId() + " in the pack"));
                } else if (source.checkId() != null && !checkIds(superseding.check()).contains(source.checkId())) {
                    List<String> ids = checkIds(superseding.check());
                    problems.add(new PackProblem(rule, pointer, "rule " + source.ruleId() + " has no check with id "
                            + source.checkId() + (ids.isEmpty() ? "; give the check an id"
                            : "; its check ids: " + String.join(", ", ids))));
                } else if (!superseding.supersededBy().isEmpty()) {
                    problems.add(new PackProblem(rule, pointer, source + " is superseded itself; name the rule that"
                            + " reports the root cause"));
                }
            }
        }
        return problems;
    }

    /** The {@code id}s the checks of a rule give themselves, in file order. */
    public static List<String> checkIds(JsonNode check) {
        List<String> ids = new ArrayList<>();
        for (JsonNode one : checks(check)) {
            if (one.path("id").isTextual()) {
                ids.add(one.path("id").asText());
            }
        }
        return ids;
    }

    /** The checks of a rule: its {@code check} is one check or a list of them. */
    public static List<JsonNode> checks(JsonNode check) {
        List<JsonNode> out = new ArrayList<>();
        if (check == null) {
            return out;
        }
        if (check.isArray()) {
            check.forEach(out::add);
        } else {
            out.add(check);
        }
        return out;
    }

    private List<CompiledCheck> compileChecks(JsonNode check, Map<String, RuleDefinition.Parameter> parameters,
                                              Level ruleLevel, List<Problem> problems) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Map<String, String> parameterText = new LinkedHashMap<>();
        parameters.values().forEach(parameter -> {
            values.put(parameter.name(), parameter.defaultValue());
            parameterText.put(parameter.name(), ParameterSubstitution.text(parameter.defaultValue()));
        });
        List<CompiledCheck> out = new ArrayList<>();
        List<JsonNode> checks = checks(check);
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < checks.size(); i++) {
            String pointer = check.isArray() ? "/check/" + i : "/check";
            JsonNode id = checks.get(i).path("id");
            if (id.isTextual() && !ids.add(id.asText())) {
                problems.add(new Problem(pointer + "/id", "another check of the rule has the id " + id.asText()
                        + "; check ids must differ so supersededBy names one check"));
            }
            compileOne(checks.get(i), pointer, values, parameterText, ruleLevel, problems).ifPresent(out::add);
        }
        return out;
    }

    private Optional<CompiledCheck> compileOne(JsonNode check, String pointer, Map<String, JsonNode> values,
                                               Map<String, String> parameterText, Level ruleLevel,
                                               List<Problem> problems) {
        String targetName = check.path("target").asText();
        Optional<Selector> found = registry.selector(targetName);
        if (found.isEmpty()) {
            problems.add(new Problem(pointer + "/target", "unknown target '" + targetName + "'; known: "
                    + String.join(", ", names(registry.selectors().stream().map(Selector::name).toList()))));
            return Optional.empty();
        }
        Selector selector = found.get();
        JsonNode where = ParameterSubstitution.apply(check.path("where"), values);
        int before = problems.size();
        Where.problems(where, selector, (filter, message) -> problems.add(
                new Problem(pointer + "/where/" + JsonPointers.escape(filter), message)));
        Iterator<String> assertNames = check.path("assert").fieldNames();
        String assertionName = assertNames.hasNext() ? assertNames.next() : "";
        String assertPointer = pointer + "/assert/" + JsonPointers.escape(assertionName);
        Optional<Assertion<?>> assertion = registry.assertion(assertionName);
        if (assertion.isEmpty()) {
            problems.add(new Problem(assertPointer, "unknown assertion mechanism '" + assertionName + "'; known: "
                    + String.join(", ", names(registry.assertions().stream().map(Assertion::name).toList()))));
            return Optional.empty();
        }
        JsonNode config = ParameterSubstitution.apply(check.path("assert").path(assertionName), values);
        Optional<CompiledCheck.Bound<?>> bound = bind(assertion.get(), config, selector, assertPointer, problems);
        if (bound.isEmpty() || problems.size() > before) {
            return Optional.empty();
        }
        CheckLevels levels = levels(check, pointer, bound.get().mechanism(), ruleLevel, problems);
        Map<String, String> messages = messages(check, pointer, bound.get(), selector, parameterText.keySet(),
                problems);
        CompiledCheck.CheckScope scope = "mcp-server".equals(check.path("scope").asText())
                ? CompiledCheck.CheckScope.MCP_SERVER : CompiledCheck.CheckScope.ANY;
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new CompiledCheck(selector, Where.of(where), bound.get(), levels, messages, scope,
                parameterText, check.path("id").isTextual() ? check.path("id").asText() : null));
    }

    private <C> Optional<CompiledCheck.Bound<?>> bind(Assertion<C> assertion, JsonNode config, Selector selector,
                                                      String pointer, List<Problem> problems) {
        ConfigProblems found = new ConfigProblems();
        Optional<C> bound = ConfigBinder.bind(assertion.name(), config, assertion.configType(), found);
        if (bound.isPresent()) {
            Set<TargetKind> accepted = assertion.accepts(bound.get());
            if (!accepted.contains(selector.yields())) {
                found.add(assertion.acceptsField(), assertion.subject(bound.get()) + " needs target "
                        + targetsYielding(accepted) + ", not " + selector.name());
            } else {
                assertion.validate(bound.get(), selector.yields(), found);
            }
        }
        for (ConfigProblems.Problem problem : found.all()) {
            problems.add(new Problem(problem.field() == null ? pointer : pointer + "/" + problem.field(),
                    problem.message()));
        }
        return found.isEmpty() ? bound.map(c -> new CompiledCheck.Bound<>(assertion, c)) : Optional.empty();
    }

    /** "workloads or mcp-servers": the targets whose kind is one of {@code kinds}. */
    private String targetsYielding(Set<TargetKind> kinds) {
        List<String> names = new ArrayList<>();
        for (Selector selector : registry.selectors()) {
            if (kinds.contains(selector.yields())) {
                names.add(selector.name());
            }
        }
        return String.join(" or ", names);
    }

    private static CheckLevels levels(JsonNode check, String pointer, Assertion<?> assertion, Level ruleLevel,
                                      List<Problem> problems) {
        Level checkLevel = check.path("level").isTextual() ? Level.parse(check.path("level").asText()) : ruleLevel;
        Map<String, Level> byKind = new LinkedHashMap<>();
        check.path("levels").properties().forEach(entry -> {
            String kind = entry.getKey();
            if (!kind.equals(Violation.DEFAULT) && !assertion.violationKinds().containsKey(kind)) {
                Set<String> kinds = new TreeSet<>(assertion.violationKinds().keySet());
                kinds.add(Violation.DEFAULT);
                problems.add(new Problem(pointer + "/levels/" + JsonPointers.escape(kind), "the " + assertion.name()
                        + " assertion has no violation kind '" + kind + "'; kinds: " + String.join(", ", kinds)));
            } else if (entry.getValue().isTextual()) {
                byKind.put(kind, Level.parse(entry.getValue().asText()));
            }
        });
        return new CheckLevels(checkLevel, byKind);
    }

    private static <C> Map<String, String> messages(JsonNode check, String pointer, CompiledCheck.Bound<C> bound,
                                                    Selector selector, Set<String> parameters,
                                                    List<Problem> problems) {
        Assertion<C> assertion = bound.mechanism();
        Set<String> known = new TreeSet<>(COMMON_PLACEHOLDERS.keySet());
        known.addAll(selector.placeholders().keySet());
        known.addAll(assertion.placeholders(bound.config()));
        known.addAll(parameters);
        String message = check.path("message").asText();
        checkPlaceholders(message, pointer + "/message", known, problems);
        check.path("messages").properties().forEach(entry -> {
            String messagePointer = pointer + "/messages/" + JsonPointers.escape(entry.getKey());
            if (!assertion.violationKinds().containsKey(entry.getKey())) {
                problems.add(new Problem(messagePointer, "the " + assertion.name() + " assertion has no message kind '"
                        + entry.getKey() + "'" + (assertion.violationKinds().isEmpty() ? ""
                        : "; kinds: " + String.join(", ", new TreeSet<>(assertion.violationKinds().keySet())))));
            } else {
                checkPlaceholders(entry.getValue().asText(), messagePointer, known, problems);
            }
        });
        Map<String, String> messages = new LinkedHashMap<>();
        messages.put(Violation.DEFAULT, message);
        for (String kind : assertion.violationKinds().keySet()) {
            JsonNode override = check.path("messages").get(kind);
            messages.put(kind, override != null && override.isTextual() ? override.asText()
                    : assertion.defaultMessage(kind).orElse(message));
        }
        return messages;
    }

    private static void checkPlaceholders(String template, String pointer, Set<String> known, List<Problem> problems) {
        for (String name : MessageTemplate.placeholders(template)) {
            if (!known.contains(name)) {
                problems.add(new Problem(pointer, "unknown placeholder {" + name + "}; known here: "
                        + String.join(", ", known)));
            }
        }
    }

    private static List<String> names(List<String> names) {
        return new ArrayList<>(new TreeSet<>(names));
    }

    private static Map<String, String> commonPlaceholders() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("object", "the target as Kind/name (Chart name for a chart; the file for a values document)");
        out.put("kind", "the target object's kind (\"values file\" for a values document)");
        out.put("name", "the target object's name (the file for a values document)");
        out.put("namespace", "the target object's namespace, \"(cluster)\" when it has none");
        out.put("apiVersion", "the target object's apiVersion");
        return java.util.Collections.unmodifiableMap(out);
    }
}

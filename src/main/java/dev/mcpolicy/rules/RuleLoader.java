package dev.mcpolicy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.manifest.Position;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads and validates rule files: the built-in pack from the classpath ({@code dev/mcpolicy/rules/index.yaml}
 * lists the ids) and user folders ({@code --rules DIR}, every {@code *.yaml} except {@code index.yaml}).
 * Every problem of every file is collected and reported as {@code file:line:col: message}.
 */
public final class RuleLoader {
    public static final String BUILT_IN_FOLDER = "dev/mcpolicy/rules/";
    public static final String INDEX_FILE = "index.yaml";
    private static final Pattern PARAMETER_REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    private static final int MAX_RULE_FILE_CHARS = 1 << 20;

    private final CheckValidator checkValidator;

    /** @param checkValidator the engine's knowledge of selectors, assertions and placeholders */
    public RuleLoader(CheckValidator checkValidator) {
        this.checkValidator = checkValidator;
    }

    /** The ids the built-in pack's index lists, in index order. */
    public static List<String> builtInIds() throws RuleLoadException {
        String display = "rules/" + INDEX_FILE;
        String text = readResource(INDEX_FILE, display);
        PositionedYaml.Parsed parsed = PositionedYaml.parse(display, text);
        if (!parsed.problems().isEmpty()) {
            throw new RuleLoadException(parsed.problems());
        }
        JsonNode rules = parsed.root().path("rules");
        if (!rules.isArray()) {
            throw new RuleLoadException(List.of(new RuleProblem(display, 1, 1, "the index must have a list 'rules' of rule ids")));
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : rules) {
            ids.add(id.asText());
        }
        return ids;
    }

    public RuleSet loadBuiltIn() throws RuleLoadException {
        List<RuleDefinition> rules = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (String id : builtInIds()) {
            String display = "rules/" + id + ".yaml";
            try {
                rules.add(parse(display, id, readResource(id + ".yaml", display)));
            } catch (RuleLoadException e) {
                problems.addAll(e.problems());
            }
        }
        problems.addAll(supersessionProblems(rules));
        return toRuleSet(rules, problems);
    }

    /**
     * A pack's {@code supersededBy} must name rules of the pack that are not superseded themselves, so folding is
     * one step and never circular.
     */
    private static List<String> checkIds(RuleDefinition rule) {
        List<String> ids = new ArrayList<>();
        JsonNode checks = rule.check();
        for (JsonNode check : checks.isArray() ? checks : List.of(checks)) {
            if (check.path("id").isTextual()) {
                ids.add(check.path("id").asText());
            }
        }
        return ids;
    }

    static List<RuleProblem> supersessionProblems(List<RuleDefinition> rules) {
        Map<String, RuleDefinition> byId = new LinkedHashMap<>();
        rules.forEach(rule -> byId.put(rule.id(), rule));
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleDefinition rule : rules) {
            for (String superseding : rule.supersededBy().rules()) {
                String[] ruleAndCheck = superseding.split("/", 2);
                RuleDefinition target = byId.get(ruleAndCheck[0]);
                if (target == null) {
                    problems.add(new RuleProblem(rule.sourceFile(), 1, 1,
                            "supersededBy.rules: no rule " + ruleAndCheck[0] + " in the pack"));
                } else if (ruleAndCheck.length == 2 && !checkIds(target).contains(ruleAndCheck[1])) {
                    problems.add(new RuleProblem(rule.sourceFile(), 1, 1, "supersededBy.rules: rule " + ruleAndCheck[0]
                            + " has no check with id " + ruleAndCheck[1]));
                } else if (!target.supersededBy().isEmpty()) {
                    problems.add(new RuleProblem(rule.sourceFile(), 1, 1, "supersededBy.rules: " + superseding
                            + " is superseded itself; name the rule that reports the root cause"));
                }
            }
        }
        return problems;
    }

    /** Every {@code *.yaml}/{@code *.yml} directly in {@code folder} (sorted by name), except the index. */
    public RuleSet loadFolder(Path folder) throws RuleLoadException {
        String shown = folder.toString().replace('\\', '/');
        if (!Files.isDirectory(folder)) {
            throw new RuleLoadException(List.of(new RuleProblem(shown, 1, 1, "not a folder of rule files")));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> {
                String name = p.getFileName().toString();
                return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.equals(INDEX_FILE)
                        && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new RuleLoadException(List.of(new RuleProblem(shown, 1, 1, "cannot list the folder: " + e.getMessage())));
        }
        List<RuleDefinition> rules = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (Path file : files) {
            String display = file.toString().replace('\\', '/');
            String name = file.getFileName().toString();
            String id = name.substring(0, name.lastIndexOf('.'));
            try {
                if (Files.size(file) > MAX_RULE_FILE_CHARS) {
                    problems.add(new RuleProblem(display, 1, 1, "rule file is larger than 1 MiB"));
                    continue;
                }
                rules.add(parse(display, id, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                problems.add(new RuleProblem(display, 1, 1, "cannot read the rule file: " + e.getMessage()));
            } catch (RuleLoadException e) {
                problems.addAll(e.problems());
            }
        }
        return toRuleSet(rules, problems);
    }

    /**
     * Parses and validates one rule file.
     *
     * @param expectedId the id the file name implies, or null to skip that check
     */
    public RuleDefinition parse(String displayPath, String expectedId, String text) throws RuleLoadException {
        PositionedYaml.Parsed parsed = PositionedYaml.parse(displayPath, text);
        List<RuleProblem> problems = new ArrayList<>(parsed.problems());
        if (!problems.isEmpty()) {
            throw new RuleLoadException(problems);
        }
        JsonNode root = parsed.root();
        if (!root.isObject()) {
            throw new RuleLoadException(List.of(new RuleProblem(displayPath, 1, 1, "a rule file must be a YAML mapping")));
        }
        List<CheckValidator.Problem> found = new ArrayList<>(RuleFileSchema.validate(root));
        if (found.isEmpty()) {
            found.addAll(semanticProblems(root, expectedId));
        }
        if (found.isEmpty()) {
            found.addAll(checkValidator.validate(root.get("check"), parameters(root)));
        }
        for (CheckValidator.Problem problem : found) {
            Position at = parsed.locate(problem.pointer());
            problems.add(new RuleProblem(displayPath, at.line(), at.column(), dotted(problem.pointer()) + problem.message()));
        }
        problems.sort(java.util.Comparator.comparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column)
                .thenComparing(RuleProblem::message));
        if (!problems.isEmpty()) {
            throw new RuleLoadException(problems);
        }
        return definition(root, displayPath);
    }

    private List<CheckValidator.Problem> semanticProblems(JsonNode root, String expectedId) {
        List<CheckValidator.Problem> problems = new ArrayList<>();
        String id = root.get("id").asText();
        if (expectedId != null && !expectedId.equals(id)) {
            problems.add(new CheckValidator.Problem("/id", "must equal the file name '" + expectedId + "'"));
        }
        JsonNode severity = root.get("securitySeverity");
        if (severity != null) {
            if (new BigDecimal(severity.asText()).signum() <= 0 || new BigDecimal(severity.asText()).compareTo(BigDecimal.TEN) > 0) {
                problems.add(new CheckValidator.Problem("/securitySeverity", "must be greater than 0 and at most 10"));
            }
            boolean tagged = false;
            for (JsonNode tag : root.get("tags")) {
                tagged |= tag.asText().equals("security");
            }
            if (!tagged) {
                problems.add(new CheckValidator.Problem("/tags", "a rule with securitySeverity must carry the tag 'security'"));
            }
        }
        JsonNode superseding = root.path("supersededBy").path("rules");
        for (int i = 0; i < superseding.size(); i++) {
            if (superseding.get(i).asText().split("/", 2)[0].equals(id)) {
                problems.add(new CheckValidator.Problem("/supersededBy/rules/" + i, "a rule cannot supersede itself"));
            }
        }
        JsonNode examples = root.get("examples");
        for (int i = 0; i < examples.size(); i++) {
            JsonNode example = examples.get(i);
            if (!example.has("manifests") && !example.has("values") && !example.has("chart")) {
                problems.add(new CheckValidator.Problem("/examples/" + i, "an example needs manifests, values, chart or several"));
            }
        }
        Map<String, RuleDefinition.Parameter> parameters = parameters(root);
        for (RuleDefinition.Parameter parameter : parameters.values()) {
            ParameterTypes.problem(parameter.type(), parameter.defaultValue()).ifPresent(message -> problems.add(
                    new CheckValidator.Problem("/parameters/" + JsonPointers.escape(parameter.name()) + "/default", message)));
        }
        collectParameterReferences(root.get("check"), "/check", parameters, problems);
        return problems;
    }

    private static void collectParameterReferences(JsonNode node, String pointer,
                                                   Map<String, RuleDefinition.Parameter> parameters,
                                                   List<CheckValidator.Problem> problems) {
        if (node.isTextual()) {
            Matcher reference = PARAMETER_REFERENCE.matcher(node.asText());
            while (reference.find()) {
                if (!parameters.containsKey(reference.group(1))) {
                    problems.add(new CheckValidator.Problem(pointer, "unknown parameter ${" + reference.group(1) + "}"
                            + (parameters.isEmpty() ? "; the rule declares no parameters"
                            : "; declared: " + String.join(", ", parameters.keySet()))));
                }
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                collectParameterReferences(field.getValue(), JsonPointers.child(pointer, field.getKey()), parameters, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectParameterReferences(node.get(i), JsonPointers.child(pointer, i), parameters, problems);
            }
        }
    }

    private static Map<String, RuleDefinition.Parameter> parameters(JsonNode root) {
        Map<String, RuleDefinition.Parameter> parameters = new LinkedHashMap<>();
        JsonNode declared = root.path("parameters");
        Iterator<Map.Entry<String, JsonNode>> fields = declared.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode p = field.getValue();
            parameters.put(field.getKey(), new RuleDefinition.Parameter(field.getKey(), p.path("type").asText(),
                    p.has("default") ? p.get("default") : JsonNodeFactory.instance.nullNode(), p.path("description").asText()));
        }
        return parameters;
    }

    private static RuleDefinition definition(JsonNode root, String displayPath) {
        String id = root.get("id").asText();
        List<String> tags = new ArrayList<>();
        root.get("tags").forEach(tag -> tags.add(tag.asText()));
        List<RuleDefinition.RuleExample> examples = new ArrayList<>();
        for (JsonNode example : root.get("examples")) {
            examples.add(new RuleDefinition.RuleExample(example.get("name").asText(),
                    example.get("expect").asText().equals("pass"),
                    example.has("manifests") ? example.get("manifests").asText() : "",
                    example.has("values") ? example.get("values").asText() : null,
                    exampleChart(example.get("chart"))));
        }
        return new RuleDefinition(id,
                root.has("name") ? root.get("name").asText() : pascalCase(id),
                root.get("title").asText(),
                Level.parse(root.get("level").asText()),
                tags,
                root.get("precision").asText(),
                root.has("securitySeverity") ? root.get("securitySeverity").asText() : null,
                root.get("rationale").asText().strip(),
                root.get("help").asText().strip(),
                List.copyOf(parameters(root).values()),
                root.get("check"),
                examples,
                displayPath,
                supersession(root.get("supersededBy")));
    }

    private static Supersession supersession(JsonNode node) {
        if (node == null) {
            return Supersession.NONE;
        }
        List<String> rules = new ArrayList<>();
        node.path("rules").forEach(id -> rules.add(id.asText()));
        return new Supersession(rules, node.has("note") ? node.get("note").asText().strip() : null);
    }

    private static RuleDefinition.ExampleChart exampleChart(JsonNode chart) {
        if (chart == null) {
            return null;
        }
        List<String> files = new ArrayList<>();
        chart.path("files").forEach(file -> files.add(file.asText()));
        return new RuleDefinition.ExampleChart(chart.path("Chart.yaml").asText(), files);
    }

    /** {@code sse-read-timeout} → {@code SseReadTimeout}. */
    public static String pascalCase(String kebabId) {
        StringBuilder out = new StringBuilder();
        for (String word : kebabId.split("-")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    /** {@code /check/assert/value/min} → {@code "check.assert.value.min: "}; the root gives "". */
    static String dotted(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        return String.join(".", JsonPointers.tokens(pointer)) + ": ";
    }

    private static RuleSet toRuleSet(List<RuleDefinition> rules, List<RuleProblem> problems) throws RuleLoadException {
        if (!problems.isEmpty()) {
            throw new RuleLoadException(problems);
        }
        try {
            return new RuleSet(rules);
        } catch (IllegalArgumentException e) {
            throw new RuleLoadException(List.of(new RuleProblem(rules.get(0).sourceFile(), 1, 1, e.getMessage())));
        }
    }

    private static String readResource(String name, String display) throws RuleLoadException {
        try (InputStream in = RuleLoader.class.getClassLoader().getResourceAsStream(BUILT_IN_FOLDER + name)) {
            if (in == null) {
                throw new RuleLoadException(List.of(new RuleProblem(display, 1, 1,
                        "missing from the built-in rule pack (is it listed in rules/index.yaml and present in rules/?)")));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleLoadException(List.of(new RuleProblem(display, 1, 1, "cannot read: " + e.getMessage())));
        }
    }
}

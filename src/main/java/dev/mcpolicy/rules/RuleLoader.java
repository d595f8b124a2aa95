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
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** The JSON Schema every rule file is validated with, on the class path. */
    public static final String SCHEMA_RESOURCE = "/dev/mcpolicy/rules/rule.schema.json";
    private static final Pattern PARAMETER_REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    private static final int MAX_RULE_FILE_CHARS = 1 << 20;

    /** Where built-in example fixtures live on the class path ({@code rules/fixtures/<name>.yaml} in the repository). */
    public static final String FIXTURE_FOLDER = "fixtures/";
    private static final Pattern FIXTURE_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final CheckValidator checkValidator;

    /** @param checkValidator the engine's knowledge of selectors, assertions and placeholders */
    public RuleLoader(CheckValidator checkValidator) {
        this.checkValidator = checkValidator;
    }

    /** The text of a named example fixture, if there is one. */
    @FunctionalInterface
    interface Fixtures {
        Optional<String> text(String name);
    }

    /** The built-in fixtures, from the class path. */
    static Optional<String> builtInFixture(String name) {
        if (!FIXTURE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try (InputStream in = RuleLoader.class.getClassLoader()
                .getResourceAsStream(BUILT_IN_FOLDER + FIXTURE_FOLDER + name + ".yaml")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A folder's own fixtures ({@code fixtures/<name>.yaml} beside its rules), else the built-in ones. */
    private static Fixtures folderFixtures(Path folder) {
        return name -> {
            Path file = folder.resolve(FIXTURE_FOLDER + name + ".yaml");
            if (FIXTURE_NAME.matcher(name).matches() && Files.isRegularFile(file)) {
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
            return builtInFixture(name);
        };
    }

    /** The ids the built-in pack's index lists, in index order. */
    public static List<String> builtInIds() throws RuleLoadException {
        String display = "rules/" + INDEX_FILE;
        String text = readResource(INDEX_FILE, display);
        RuleYaml.Parsed parsed = RuleYaml.parse(display, text);
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

    /**
     * The built-in pack: the one the build compiled ({@link CompiledRulePack}) when the class path holds it, else
     * read and validated from the YAML files.
     */
    public RuleSet loadBuiltIn() throws RuleLoadException {
        Optional<List<RuleDefinition>> compiled = CompiledRulePack.builtIn();
        return compiled.isPresent() ? toRuleSet(compiled.get(), List.of()) : loadBuiltInYaml();
    }

    /** The built-in pack read from its YAML files, every file and example fixture validated. */
    public RuleSet loadBuiltInYaml() throws RuleLoadException {
        List<RuleDefinition> rules = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        Map<RuleDefinition, RuleYaml.Parsed> parsed = new IdentityHashMap<>();
        for (String id : builtInIds()) {
            String display = "rules/" + id + ".yaml";
            try {
                rules.add(parse(display, id, readResource(id + ".yaml", display), RuleLoader::builtInFixture,
                        parsed, null));
            } catch (RuleLoadException e) {
                problems.addAll(e.problems());
            }
        }
        if (problems.isEmpty()) { // a rule that did not load would make every reference to it a problem too
            problems.addAll(packProblems(rules, parsed));
        }
        return toRuleSet(rules, problems);
    }

    /** What the validator finds between the rules of a pack, at the lines of the rule files that say it. */
    private List<RuleProblem> packProblems(List<RuleDefinition> rules, Map<RuleDefinition, RuleYaml.Parsed> parsed) {
        List<RuleProblem> problems = new ArrayList<>();
        for (CheckValidator.PackProblem problem : checkValidator.validatePack(rules)) {
            RuleYaml.Parsed file = parsed.get(problem.rule());
            Position at = file == null ? new Position(1, 1) : file.locate(problem.pointer());
            problems.add(new RuleProblem(problem.rule().sourceFile(), at.line(), at.column(),
                    dotted(problem.pointer()) + problem.message()));
        }
        return problems;
    }

    /**
     * Every {@code *.yaml}/{@code *.yml} directly in {@code folder} (sorted by name), except the index, as a pack of
     * its own: {@code supersededBy} may name only rules of the folder.
     */
    public RuleSet loadFolder(Path folder) throws RuleLoadException {
        Map<RuleDefinition, RuleYaml.Parsed> parsed = new IdentityHashMap<>();
        FolderRules loaded = readFolder(folder, parsed);
        List<RuleProblem> problems = new ArrayList<>(loaded.problems());
        if (problems.isEmpty()) {
            problems.addAll(packProblems(loaded.rules(), parsed));
        }
        return toRuleSet(loaded.rules(), problems);
    }

    /**
     * The built-in pack plus the rules of each folder ({@code --rules DIR}, in order; a folder named twice counts
     * once). An id defined twice, by a folder and the built-in pack or by two folders, is a problem at the later
     * file naming the earlier one; {@code supersededBy} may name built-in rules and rules of any folder.
     */
    public RuleSet loadWithFolders(List<Path> folders) throws RuleLoadException {
        RuleSet builtIn = loadBuiltIn();
        if (folders.isEmpty()) {
            return builtIn;
        }
        Map<String, RuleDefinition> byId = new LinkedHashMap<>();
        builtIn.rules().forEach(rule -> byId.put(rule.id(), rule));
        Map<RuleDefinition, RuleYaml.Parsed> parsed = new IdentityHashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (Path folder : folders) {
            if (!seen.add(folder.toAbsolutePath().normalize())) {
                continue;
            }
            FolderRules loaded = readFolder(folder, parsed);
            problems.addAll(loaded.problems());
            for (RuleDefinition rule : loaded.rules()) {
                RuleDefinition previous = byId.putIfAbsent(rule.id(), rule);
                if (previous != null) {
                    Position at = parsed.get(rule).locate("/id");
                    problems.add(new RuleProblem(rule.sourceFile(), at.line(), at.column(), "id: rule id " + rule.id()
                            + " is already defined " + (previous.builtIn() ? "by the built-in rule " : "in ")
                            + previous.sourceFile() + "; give this rule another id"));
                }
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(packProblems(List.copyOf(byId.values()), parsed));
        }
        return toRuleSet(List.copyOf(byId.values()), problems);
    }

    /** The rules of one folder that load, and the problems of those that do not. */
    private record FolderRules(List<RuleDefinition> rules, List<RuleProblem> problems) {
    }

    private FolderRules readFolder(Path folder, Map<RuleDefinition, RuleYaml.Parsed> parsed) {
        String shown = folder.toString().replace('\\', '/');
        if (!Files.isDirectory(folder)) {
            return new FolderRules(List.of(), List.of(new RuleProblem(shown, 1, 1, "not a folder of rule files")));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> {
                String name = p.getFileName().toString();
                return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.equals(INDEX_FILE)
                        && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            return new FolderRules(List.of(), List.of(new RuleProblem(shown, 1, 1, "cannot list the folder: "
                    + e.getMessage())));
        }
        if (files.isEmpty()) {
            return new FolderRules(List.of(), List.of(new RuleProblem(shown, 1, 1,
                    "no rule files (*.yaml, *.yml) in the folder")));
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
                rules.add(parse(display, id, Files.readString(file, StandardCharsets.UTF_8), folderFixtures(folder),
                        parsed, shown));
            } catch (IOException e) {
                problems.add(new RuleProblem(display, 1, 1, "cannot read the rule file: " + e.getMessage()));
            } catch (RuleLoadException e) {
                problems.addAll(e.problems());
            }
        }
        return new FolderRules(rules, problems);
    }

    /**
     * Parses and validates one rule file.
     *
     * @param expectedId the id the file name implies, or null to skip that check
     */
    public RuleDefinition parse(String displayPath, String expectedId, String text) throws RuleLoadException {
        return parse(displayPath, expectedId, text, RuleLoader::builtInFixture, new IdentityHashMap<>(), null);
    }

    /**
     * @param parsedFiles receives the parsed file of the rule, for problems found later between rules
     * @param pack        the rule folder of a custom rule; null for a built-in one
     */
    private RuleDefinition parse(String displayPath, String expectedId, String text, Fixtures fixtures,
                                 Map<RuleDefinition, RuleYaml.Parsed> parsedFiles, String pack)
            throws RuleLoadException {
        RuleYaml.Parsed parsed = RuleYaml.parse(displayPath, text);
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
            found.addAll(semanticProblems(root, expectedId, fixtures));
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
        RuleDefinition rule = definition(root, displayPath, fixtures, pack);
        parsedFiles.put(rule, parsed);
        return rule;
    }

    private List<CheckValidator.Problem> semanticProblems(JsonNode root, String expectedId, Fixtures fixtures) {
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
        Map<String, RuleDefinition.Parameter> parameters = parameters(root);
        JsonNode superseding = root.path("supersededBy").path("rules");
        for (int i = 0; i < superseding.size(); i++) {
            if (superseding.get(i).asText().split("/", 2)[0].equals(id)) {
                problems.add(new CheckValidator.Problem("/supersededBy/rules/" + i, "a rule cannot supersede itself"));
            }
        }
        JsonNode examples = root.get("examples");
        for (int i = 0; i < examples.size(); i++) {
            JsonNode example = examples.get(i);
            String pointer = "/examples/" + i;
            if (!example.has("manifests") && !example.has("fixture") && !example.has("values")
                    && !example.has("chart")) {
                problems.add(new CheckValidator.Problem(pointer, "an example needs a fixture, manifests, values, chart"
                        + " or several"));
            }
            if (example.has("fixture") && fixtures.text(example.get("fixture").asText()).isEmpty()) {
                problems.add(new CheckValidator.Problem(pointer + "/fixture", "unknown fixture '"
                        + example.get("fixture").asText() + "'; fixtures are rules/fixtures/<name>.yaml"));
            }
            example.path("parameters").properties().forEach(override -> {
                String at = pointer + "/parameters/" + JsonPointers.escape(override.getKey());
                RuleDefinition.Parameter parameter = parameters.get(override.getKey());
                if (parameter == null) {
                    problems.add(new CheckValidator.Problem(at, "the rule has no parameter " + override.getKey()));
                    return;
                }
                try {
                    ParameterTypes.parse(parameter.type(), exampleValue(override.getValue()));
                } catch (IllegalArgumentException e) {
                    problems.add(new CheckValidator.Problem(at, e.getMessage()));
                }
            });
        }
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

    /** An example's parameter override as the text {@code --set-param} would give. */
    private static String exampleValue(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(",", items);
        }
        return value.asText();
    }

    /**
     * The documents of the example: its fixture's (comment lines at the top left out), then its own
     * {@code manifests}, one YAML stream.
     */
    private static String composedManifests(JsonNode example, Fixtures fixtures) {
        String own = example.has("manifests") ? example.get("manifests").asText() : "";
        if (!example.has("fixture")) {
            return own;
        }
        String fixture = fixtures.text(example.get("fixture").asText()).orElseThrow()
                .replaceFirst("\\A(\\s*#[^\n]*\n)*\\s*", "").strip();
        return own.isBlank() ? fixture : fixture + "\n---\n" + own;
    }

    private static RuleDefinition.Expected expected(JsonNode example) {
        if (!example.has("count")) {
            return null;
        }
        List<Integer> lines = new ArrayList<>();
        example.path("lines").forEach(line -> lines.add(line.asInt()));
        List<String> messages = new ArrayList<>();
        example.path("messages").forEach(message -> messages.add(message.asText()));
        return new RuleDefinition.Expected(example.get("count").asInt(), lines, messages);
    }

    private static RuleDefinition definition(JsonNode root, String displayPath, Fixtures fixtures, String pack) {
        String id = root.get("id").asText();
        List<String> tags = new ArrayList<>();
        root.get("tags").forEach(tag -> tags.add(tag.asText()));
        List<RuleDefinition.RuleExample> examples = new ArrayList<>();
        for (JsonNode example : root.get("examples")) {
            Map<String, String> overrides = new LinkedHashMap<>();
            example.path("parameters").properties().forEach(o -> overrides.put(o.getKey(), exampleValue(o.getValue())));
            examples.add(new RuleDefinition.RuleExample(example.get("name").asText(),
                    example.get("expect").asText().equals("pass"),
                    composedManifests(example, fixtures),
                    example.has("values") ? example.get("values").asText() : null,
                    exampleChart(example.get("chart")),
                    example.has("fixture") ? example.get("fixture").asText() : null,
                    expected(example), overrides));
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
                supersession(root.get("supersededBy")),
                root.has("helpUri") ? root.get("helpUri").asText() : null,
                pack);
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

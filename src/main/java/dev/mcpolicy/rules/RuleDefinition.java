package dev.mcpolicy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.finding.Level;

import java.util.List;
import java.util.Map;

/**
 * One policy of the pack, as read from {@code rules/<id>.yaml}.
 *
 * @param id               stable kebab-case id (alert identity depends on it; never renamed)
 * @param name             PascalCase name for SARIF (derived from the id unless given)
 * @param title            one-line summary (SARIF shortDescription)
 * @param level            default level
 * @param tags             SARIF tags (at most 20)
 * @param precision        very-high | high | medium | low
 * @param securitySeverity SARIF security-severity ("7.5"), only for security rules; null otherwise
 * @param rationale        why it matters for MCP servers (plain text; SARIF fullDescription)
 * @param help             how to fix, markdown
 * @param parameters       tunable thresholds with defaults
 * @param check            the check, interpreted by the engine
 * @param examples         passing and failing examples; the test suite runs them
 * @param sourceFile       the rule file it came from (for error messages)
 * @param supersededBy     rules whose finding on the same object this rule's finding is folded into
 * @param helpUri          where the rule file says the rule is documented ({@code helpUri:}), or null
 * @param pack             the rule folder ({@code --rules DIR}) a custom rule came from; null for a built-in rule
 */
public record RuleDefinition(String id, String name, String title, Level level, List<String> tags,
                             String precision, String securitySeverity, String rationale, String help,
                             List<Parameter> parameters, JsonNode check, List<RuleExample> examples,
                             String sourceFile, Supersession supersededBy, String helpUri, String pack) {
    public RuleDefinition {
        tags = List.copyOf(tags);
        parameters = List.copyOf(parameters);
        examples = List.copyOf(examples);
        supersededBy = supersededBy == null ? Supersession.NONE : supersededBy;
    }

    /** A built-in rule (no {@code helpUri} of its own). */
    public RuleDefinition(String id, String name, String title, Level level, List<String> tags, String precision,
                          String securitySeverity, String rationale, String help, List<Parameter> parameters,
                          JsonNode check, List<RuleExample> examples, String sourceFile, Supersession supersededBy) {
        this(id, name, title, level, tags, precision, securitySeverity, rationale, help, parameters, check, examples,
                sourceFile, supersededBy, null, null);
    }

    /** A rule that supersedes none of its findings. */
    public RuleDefinition(String id, String name, String title, Level level, List<String> tags, String precision,
                          String securitySeverity, String rationale, String help, List<Parameter> parameters,
                          JsonNode check, List<RuleExample> examples, String sourceFile) {
        this(id, name, title, level, tags, precision, securitySeverity, rationale, help, parameters, check, examples,
                sourceFile, Supersession.NONE);
    }

    /** True for a rule of mcpolicy's own pack, false for one loaded with {@code --rules DIR}. */
    public boolean builtIn() {
        return pack == null;
    }

    /** The same rule from the rule folder {@code folder}, documented at {@code uri} (or nowhere). */
    public RuleDefinition fromPack(String folder, String uri) {
        return new RuleDefinition(id, name, title, level, tags, precision, securitySeverity, rationale, help,
                parameters, check, examples, sourceFile, supersededBy, uri, folder);
    }

    /**
     * Every level its findings can have, most severe first: the rule's {@code level}, a check's own {@code level} and
     * the per-kind {@code levels} (on renders whose MCP servers are only inferred, errors are reported as warnings).
     */
    public List<Level> levels() {
        return CheckSummary.levels(level, check);
    }

    /** @param type integer | number | duration | string | boolean | list */
    public record Parameter(String name, String type, JsonNode defaultValue, String description) {
    }

    /**
     * @param passing    true for an example that must produce no finding of this rule
     * @param manifests  rendered multi-document YAML: the fixture's documents, then the example's own
     * @param values     a values file's YAML, or null
     * @param chart      a chart folder for chart-level checks, or null
     * @param fixture    the named fixture ({@code rules/fixtures/<name>.yaml}) the manifests start with, or null
     * @param expected   what a failing example must produce (null for a passing one)
     * @param parameters parameter overrides for this example, as {@code --set-param} values
     */
    public record RuleExample(String name, boolean passing, String manifests, String values, ExampleChart chart,
                              String fixture, Expected expected, Map<String, String> parameters) {
        public RuleExample {
            parameters = Map.copyOf(parameters);
        }

        public RuleExample(String name, boolean passing, String manifests, String values) {
            this(name, passing, manifests, values, null, null, null, Map.of());
        }
    }

    /**
     * What a failing example produces.
     *
     * @param count    how many findings of the rule
     * @param lines    the lines they sit on, in order (empty: not checked)
     * @param messages fragments that some finding's message contains (empty: not checked)
     */
    public record Expected(int count, List<Integer> lines, List<String> messages) {
        public Expected {
            lines = List.copyOf(lines);
            messages = List.copyOf(messages);
        }
    }

    /**
     * A chart folder written out for an example.
     *
     * @param chartYaml the text of {@code Chart.yaml}
     * @param files     further entries at the chart root ({@code .helmignore}, {@code values.yaml}); written empty
     */
    public record ExampleChart(String chartYaml, List<String> files) {
        public ExampleChart {
            files = List.copyOf(files);
        }
    }
}

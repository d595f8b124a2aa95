package dev.mcpolicy.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * One rule explained for people: what it checks, why, how to fix it, its parameters and one passing and one
 * failing example. The same Markdown is {@code docs/rules/<id>.md}, the output of {@code mcpolicy rules show}
 * and the SARIF help text, so the three never disagree.
 */
public final class RuleDocs {
    private RuleDocs() {
    }

    public static String markdown(RuleDefinition rule) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(rule.id()).append('\n').append('\n');
        out.append("**").append(rule.title()).append("**").append('\n').append('\n');
        out.append("| | |\n|---|---|\n");
        out.append("| Level | ").append(CheckSummary.levelsText(rule.level(), rule.check())).append(" |\n");
        out.append("| Precision | ").append(rule.precision()).append(" |\n");
        if (rule.securitySeverity() != null) {
            out.append("| Security severity | ").append(rule.securitySeverity()).append(" |\n");
        }
        out.append("| Tags | ").append(String.join(", ", rule.tags())).append(" |\n");
        out.append("| SARIF name | `").append(rule.name()).append("` |\n");
        if (!rule.builtIn()) {
            out.append("| Source | `").append(rule.sourceFile()).append("` (custom rule) |\n");
        }
        if (rule.helpUri() != null) {
            out.append("| Documentation | <").append(rule.helpUri()).append("> |\n");
        }
        if (!rule.supersededBy().isEmpty()) {
            out.append("| Folded into | `").append(String.join("`, `", rule.supersededBy().rules()))
                    .append("` when that rule reports the same object |\n");
        }
        out.append('\n');

        out.append("## What it checks\n\n").append(rule.title().strip()).append(".\n\n");
        List<String> scope = CheckSummary.scopes(rule.check());
        if (!scope.isEmpty()) {
            out.append("Checked on: ").append(String.join("; ", scope)).append(".\n\n");
        }
        List<String> defaults = CheckSummary.assumedDefaults(rule.check());
        if (!defaults.isEmpty()) {
            out.append("Defaults it assumes when a setting is absent:\n\n");
            defaults.forEach(d -> out.append("- ").append(d).append('\n'));
            out.append('\n');
        }
        out.append("## Why it matters\n\n").append(rule.rationale().strip()).append("\n\n");
        out.append("## How to fix\n\n").append(rule.help().strip()).append("\n\n");

        out.append("## Parameters\n\n");
        if (rule.parameters().isEmpty()) {
            out.append("None.\n\n");
        } else {
            out.append("| Name | Type | Default | Meaning |\n|---|---|---|---|\n");
            for (RuleDefinition.Parameter parameter : rule.parameters()) {
                out.append("| `").append(parameter.name()).append("` | ").append(parameter.type()).append(" | `")
                        .append(text(parameter.defaultValue())).append("` | ")
                        .append(parameter.description() == null ? "" : parameter.description().strip()
                                .replace("\n", " ").replace("|", "\\|"))
                        .append(" |\n");
            }
            out.append("\nOverride with `--set-param ").append(rule.id()).append(".NAME=VALUE`.\n\n");
        }

        out.append("## Examples\n\n");
        example(rule, false).ifPresent(e -> appendExample(out, "Fails", e));
        example(rule, true).ifPresent(e -> appendExample(out, "Passes", e));
        out.append("All ").append(rule.examples().size()).append(" examples live in `").append(rule.sourceFile())
                .append("` and run as tests").append(rule.builtIn() ? "" : " (`mcpolicy rules test " + rule.pack() + "`)")
                .append(".\n");
        return out.toString();
    }

    private static Optional<RuleDefinition.RuleExample> example(RuleDefinition rule, boolean passing) {
        return rule.examples().stream().filter(e -> e.passing() == passing).findFirst();
    }

    private static void appendExample(StringBuilder out, String verdict, RuleDefinition.RuleExample example) {
        out.append("### ").append(verdict).append(": ").append(example.name()).append("\n\n");
        if (example.manifests() != null && !example.manifests().isBlank()) {
            out.append("```yaml\n").append(example.manifests().stripTrailing()).append("\n```\n\n");
        }
        if (example.values() != null && !example.values().isBlank()) {
            out.append("Values file:\n\n```yaml\n").append(example.values().stripTrailing()).append("\n```\n\n");
        }
        if (example.chart() != null) {
            out.append("`Chart.yaml`:\n\n```yaml\n").append(example.chart().chartYaml().stripTrailing()).append("\n```\n\n")
                    .append(example.chart().files().isEmpty() ? "Nothing else at the chart root."
                            : "Also at the chart root: `" + String.join("`, `", example.chart().files()) + "`.")
                    .append("\n\n");
        }
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isTextual() ? value.asText() : value.toString();
    }
}

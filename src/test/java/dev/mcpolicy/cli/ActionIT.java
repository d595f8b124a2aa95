package dev.mcpolicy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mcpolicy.chart.RealHelm;
import dev.mcpolicy.report.FormatValidators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The GitHub Action without GitHub: {@code action.yml} is validated against SchemaStore's action schema, and its shell
 * steps run in order as the runner runs them ({@code bash --noprofile --norc -eo pipefail}), with a simulated
 * {@code GITHUB_*} environment (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STEP_SUMMARY, GITHUB_ACTION_PATH…), the step
 * {@code env} expressions evaluated, and {@code uses} steps recorded instead of run. actions/cache is simulated as a
 * hit: the packaged jar is put where the cache would restore it.
 */
class ActionIT {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]*?)\\s*}}");

    @TempDir
    Path temp;

    static JsonNode action() throws IOException {
        return YAML.readTree(EndToEnd.repositoryRoot().resolve("action.yml").toFile());
    }

    @Test
    void actionYmlIsValidAgainstTheGithubActionSchema() throws IOException {
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(Files.readString(FormatValidators.SCHEMAS.resolve("github-action.json")));
        List<Error> errors = schema.validate(action());
        assertTrue(errors.isEmpty(), errors.toString());

        JsonNode broken = action();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/runs/steps/1")).remove("shell");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/inputs/paths")).remove("description");
        assertFalse(schema.validate(broken).isEmpty(), "the schema catches a run step without shell");
    }

    @Test
    void runStepsTakeInputsOnlyThroughTheirEnvironment() throws IOException {
        for (JsonNode step : action().at("/runs/steps")) {
            if (step.has("run")) {
                assertFalse(step.get("run").asText().contains("${{"),
                        "an expression in a script can inject shell code: " + step.get("name"));
                assertEquals("bash", step.get("shell").asText());
            }
        }
    }

    @Test
    void brokenRenderGivesAnnotationsSummaryAndSarifAndFailsTheJob() throws Exception {
        Path sarif = temp.resolve("out/mcpolicy.sarif");
        Simulation run = new Simulation(temp, Map.of(
                "paths", "examples/broken/rendered.yaml\n",
                "values", "examples/broken/values-leaky.yaml",
                "namespace", "mcp",
                "upload-sarif", "true",
                "sarif-file", sarif.toString(),
                "reports", "junit=" + temp.resolve("out/junit.xml")));
        run.run();

        assertEquals(1, run.failedWith, run.log.toString());
        assertEquals("1", run.outputs.get("check").get("exit-code"));
        assertEquals(sarif.toString(), run.outputs.get("check").get("sarif-file"));
        assertTrue(run.log.toString().contains("::error file=examples/broken/rendered.yaml,line="), run.log.toString());
        String summary = Files.readString(run.stepSummary);
        assertTrue(summary.startsWith("### mcpolicy: "), summary);
        JsonNode log = new ObjectMapper().readTree(sarif.toFile());
        assertTrue(log.at("/runs/0/tool/driver/rules/0/helpUri").asText()
                .startsWith("https://github.com/acme/mcpolicy/blob/v1/docs/rules/"), "links to the action's own docs");
        FormatValidators.junit(Files.readString(temp.resolve("out/junit.xml")));
        assertTrue(run.usedActions.contains("github/codeql-action/upload-sarif@v3"), run.usedActions.toString());
        assertTrue(run.usedActions.contains("actions/setup-java@v4"), run.usedActions.toString());
    }

    @Test
    void goodChartAcrossEnvironmentsPassesWithoutUploading() throws Exception {
        Simulation run = new Simulation(temp, Map.of(
                "paths", "examples/mcp-server",
                "envs", "staging=examples/mcp-server/values-staging.yaml\n"
                        + "production=examples/mcp-server/values-production.yaml",
                "namespace", "mcp",
                "setup-java", "false",
                "annotations", "false"));
        run.run();

        assertEquals(0, run.failedWith, run.log.toString());
        assertEquals("0", run.outputs.get("check").get("exit-code"));
        assertFalse(run.outputs.get("check").containsKey("sarif-file"));
        assertFalse(run.usedActions.contains("github/codeql-action/upload-sarif@v3"));
        assertFalse(run.usedActions.contains("actions/setup-java@v4"));
        assertTrue(run.log.toString().contains("0 errors"), "the text report is in the log:\n" + run.log);
        assertEquals("", Files.readString(run.stepSummary), "no annotations asked, no summary");
    }

    /** One run of the action's steps in a simulated runner. */
    static final class Simulation {
        final Path temp;
        final Map<String, String> inputs;
        final Path stepSummary;
        final Map<String, Map<String, String>> outputs = new HashMap<>();
        final Map<String, String> jobEnvironment = new LinkedHashMap<>();
        final List<String> usedActions = new ArrayList<>();
        final StringBuilder log = new StringBuilder();
        int failedWith;

        Simulation(Path temp, Map<String, String> given) throws IOException {
            this.temp = temp;
            this.stepSummary = Files.createFile(temp.resolve("step-summary.md"));
            this.inputs = new HashMap<>();
            Iterator<Map.Entry<String, JsonNode>> declared = action().get("inputs").fields();
            while (declared.hasNext()) {
                Map.Entry<String, JsonNode> input = declared.next();
                inputs.put(input.getKey(), input.getValue().path("default").asText(""));
            }
            given.forEach((name, value) -> {
                assertTrue(inputs.containsKey(name), "action.yml has no input " + name);
                inputs.put(name, value);
            });
        }

        void run() throws Exception {
            Path cache = temp.resolve("cache");
            jobEnvironment.put("MCPOLICY_CACHE", cache.toString());
            jobEnvironment.put("MCPOLICY_HELM", RealHelm.binary().toString());
            for (JsonNode step : action().at("/runs/steps")) {
                boolean always = step.path("if").asText().contains("always()");
                if (failedWith != 0 && !always) {
                    continue;
                }
                if (step.has("if") && !condition(step.get("if").asText())) {
                    continue;
                }
                if (step.has("uses")) {
                    usedActions.add(step.get("uses").asText());
                    if (step.get("uses").asText().startsWith("actions/cache@")) {
                        restoreCache(step);
                    }
                    continue;
                }
                int exit = runStep(step);
                if (exit != 0 && failedWith == 0) {
                    failedWith = exit;
                }
            }
        }

        /** A cache hit: the packaged jar where actions/cache would restore it. */
        private void restoreCache(JsonNode step) throws IOException {
            Path path = Path.of(evaluate(step.at("/with/path").asText()));
            Files.createDirectories(path);
            Files.copy(EndToEnd.jar(), path.resolve("mcpolicy.jar"));
        }

        private int runStep(JsonNode step) throws IOException, InterruptedException {
            Path script = Files.writeString(Files.createTempFile(temp, "step", ".sh"), step.get("run").asText());
            Path output = Files.createTempFile(temp, "output", ".txt");
            Path env = Files.createTempFile(temp, "env", ".txt");
            Path stdout = Files.createTempFile(temp, "stdout", ".txt");
            ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail",
                    script.toString()).directory(EndToEnd.repositoryRoot().toFile())
                    .redirectErrorStream(true).redirectOutput(stdout.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("GITHUB_") || name.startsWith("MCPOLICY_")
                    || name.startsWith("INPUT_") || name.equals("NO_COLOR"));
            environment.put("GITHUB_ACTIONS", "true");
            environment.put("GITHUB_WORKSPACE", EndToEnd.repositoryRoot().toString());
            environment.put("GITHUB_ACTION_PATH", EndToEnd.repositoryRoot().toString());
            environment.put("GITHUB_OUTPUT", output.toString());
            environment.put("GITHUB_ENV", env.toString());
            environment.put("GITHUB_STEP_SUMMARY", stepSummary.toString());
            environment.put("RUNNER_TEMP", temp.toString());
            environment.put("RUNNER_OS", "Linux");
            environment.putAll(jobEnvironment);
            step.path("env").fields().forEachRemaining(e -> environment.put(e.getKey(), evaluate(e.getValue().asText())));
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("step did not finish: " + step.get("name"));
            }
            log.append("## ").append(step.get("name").asText()).append(" → exit ").append(process.exitValue())
                    .append('\n').append(Files.readString(stdout, StandardCharsets.UTF_8));
            if (step.has("id")) {
                outputs.put(step.get("id").asText(), keyValues(output));
            }
            jobEnvironment.putAll(keyValues(env));
            return process.exitValue();
        }

        private static Map<String, String> keyValues(Path file) throws IOException {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return values;
        }

        /** The expressions action.yml uses, evaluated as the runner would. */
        String evaluate(String text) {
            Matcher matcher = EXPRESSION.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(value(matcher.group(1))));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        private String value(String expression) {
            if (expression.startsWith("inputs.")) {
                return inputs.get(expression.substring("inputs.".length()));
            }
            if (expression.startsWith("steps.")) {
                String[] parts = expression.split("\\.");
                return outputs.getOrDefault(parts[1], Map.of()).getOrDefault(parts[3], "");
            }
            return switch (expression) {
                case "github.action_path" -> EndToEnd.repositoryRoot().toString();
                case "github.action_repository" -> "acme/mcpolicy";
                case "github.action_ref" -> "v1";
                case "runner.os" -> "Linux";
                case "runner.temp" -> temp.toString();
                default -> fail("the simulation does not know the expression " + expression);
            };
        }

        /** Conditions of the forms action.yml uses: always(), X == 'v', X != 'v', joined by &&. */
        private boolean condition(String condition) {
            boolean result = true;
            for (String term : condition.split("&&")) {
                String t = term.strip();
                if (t.equals("always()")) {
                    continue;
                }
                Matcher comparison = Pattern.compile("([\\w.-]+)\\s*(==|!=)\\s*'([^']*)'").matcher(t);
                if (!comparison.matches()) {
                    fail("the simulation does not know the condition " + t);
                }
                boolean equal = value(comparison.group(1)).equals(comparison.group(3));
                result &= comparison.group(2).equals("==") == equal;
            }
            return result;
        }
    }
}

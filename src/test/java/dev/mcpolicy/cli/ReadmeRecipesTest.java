package dev.mcpolicy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every CI recipe of the README is copy-paste correct as far as it can be checked here: the YAML parses, the
 * workflow uses inputs that action.yml declares, the GitLab job publishes the reports it writes, the pre-commit hook
 * exists, and every {@code mcpolicy check} command line uses options that exist. No address of the project is
 * invented: the recipes use a placeholder owner the README says to replace.
 */
class ReadmeRecipesTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    record Block(String language, String text) {
    }

    static List<Block> blocks() throws IOException {
        List<Block> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(Files.readString(Path.of("README.md")));
        while (fence.find()) {
            blocks.add(new Block(fence.group(1), fence.group(2)));
        }
        return blocks;
    }

    private static JsonNode yamlBlock(String marker) throws IOException {
        List<Block> matching = blocks().stream()
                .filter(b -> b.language().equals("yaml") && b.text().contains(marker)).toList();
        assertEquals(1, matching.size(), "one README yaml block with " + marker);
        return YAML.readTree(matching.get(0).text());
    }

    /** Parses {@code mcpolicy check} arguments as the CLI would, without running anything. */
    static void assertCheckArguments(List<String> arguments) {
        CommandLine cli = new CommandLine(new CheckCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        assertDoesNotThrow(() -> cli.parseArgs(arguments.toArray(String[]::new)),
                () -> "not valid mcpolicy check arguments: " + arguments);
    }

    /** The words after {@code check} on a command line, up to a comment, pipe or another command. */
    static List<String> checkArguments(String commandLine) {
        List<String> words = new ArrayList<>(Arrays.asList(commandLine.strip().split("\\s+")));
        int check = words.indexOf("check");
        List<String> out = new ArrayList<>();
        for (String word : words.subList(check + 1, words.size())) {
            if (word.equals("#") || word.equals("|") || word.equals("&&") || word.equals(";")) {
                break;
            }
            out.add(word.replace("\"", ""));
        }
        return out;
    }

    @Test
    void theWorkflowUsesTheActionWithInputsItDeclares() throws IOException {
        JsonNode workflow = yamlBlock("upload-sarif: \"true\"");
        JsonNode inputs = ActionIT.action().get("inputs");
        int uses = 0;
        for (JsonNode job : workflow.get("jobs")) {
            for (JsonNode step : job.get("steps")) {
                String action = step.path("uses").asText();
                if (action.startsWith("<owner>/mcpolicy@")) {
                    uses++;
                    step.path("with").fieldNames().forEachRemaining(name ->
                            assertTrue(inputs.has(name), "action.yml has no input '" + name + "'"));
                }
            }
        }
        assertEquals(1, uses, "the workflow uses the action by <owner>/mcpolicy@<ref>");
        assertTrue(workflow.at("/permissions/security-events").asText().equals("write"), "upload-sarif needs it");
    }

    @Test
    void theGitlabJobPublishesTheReportsItWrites() throws IOException {
        JsonNode job = yamlBlock("codequality:").get("mcpolicy");
        assertEquals(List.of(""), YAML.convertValue(job.at("/image/entrypoint"), List.class),
                "GitLab needs a shell entrypoint");
        String script = job.get("script").get(0).asText();
        assertTrue(script.startsWith("mcpolicy check "), script);
        List<String> arguments = checkArguments(script);
        assertCheckArguments(arguments);
        assertTrue(arguments.contains("gitlab=" + job.at("/artifacts/reports/codequality").asText()), script);
        assertTrue(arguments.contains("junit=" + job.at("/artifacts/reports/junit").asText()), script);
        assertEquals("always", job.at("/artifacts/when").asText());
    }

    @Test
    void thePreCommitRecipeNamesAHookThatExists() throws IOException {
        JsonNode config = yamlBlock("repos:");
        JsonNode hooks = YAML.readTree(Path.of(".pre-commit-hooks.yaml").toFile());
        List<String> ids = new ArrayList<>();
        hooks.forEach(hook -> ids.add(hook.get("id").asText()));
        for (JsonNode repo : config.get("repos")) {
            assertTrue(repo.get("repo").asText().contains("<owner>"), "a placeholder owner, never an invented one");
            for (JsonNode hook : repo.get("hooks")) {
                assertTrue(ids.contains(hook.get("id").asText()), hook.toString());
                List<String> arguments = new ArrayList<>();
                hook.path("args").forEach(a -> arguments.add(a.asText()));
                assertCheckArguments(arguments);
            }
        }
        JsonNode hook = hooks.get(0);
        assertTrue(Files.isExecutable(Path.of(hook.get("entry").asText())), "the hook's entry must be executable");
    }

    @Test
    void everyCommandLineUsesOptionsThatExist() throws IOException {
        int checked = 0;
        for (Block block : blocks()) {
            if (!block.language().equals("sh")) {
                continue;
            }
            for (String line : block.text().lines().toList()) {
                if (line.matches(".*(mcpolicy(\\.jar)?|helm mcpolicy) .*") && line.contains(" check ")
                        || line.startsWith("helm mcpolicy ")) {
                    List<String> arguments = line.startsWith("helm mcpolicy ")
                            ? checkArguments(line.replace("helm mcpolicy", "check")) : checkArguments(line);
                    assertCheckArguments(arguments);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 5, "found only " + checked + " command lines");
    }

    /** The sharding recipes: check lines with --shard and merge lines parse; the workflow's action inputs exist. */
    @Test
    void theShardingRecipesUseOptionsThatExist() throws IOException {
        int merges = 0;
        for (Block block : blocks()) {
            for (String line : block.text().lines().map(String::strip).toList()) {
                String command = line.replaceFirst("^- (run: )?", "");
                if (command.matches("(java -jar \\S*mcpolicy\\.jar|(bin/)?mcpolicy) merge .*")) {
                    List<String> words = new ArrayList<>(Arrays.asList(command.split("\\s+")));
                    List<String> arguments = words.subList(words.indexOf("merge") + 1, words.size());
                    CommandLine cli = new CommandLine(new MergeCommand());
                    assertDoesNotThrow(() -> cli.parseArgs(arguments.toArray(String[]::new)), command);
                    merges++;
                }
            }
        }
        assertEquals(3, merges, "the sh, GitHub and GitLab merge lines");
        JsonNode workflow = yamlBlock("matrix:");
        JsonNode inputs = ActionIT.action().get("inputs");
        for (JsonNode step : workflow.at("/jobs/check/steps")) {
            if (step.path("uses").asText().startsWith("<owner>/mcpolicy@")) {
                step.path("with").fieldNames().forEachRemaining(name ->
                        assertTrue(inputs.has(name), "action.yml has no input '" + name + "'"));
                assertTrue(step.at("/with/args").asText().startsWith("--shard="), step.toString());
            }
        }
        JsonNode gitlab = yamlBlock("parallel:").get("mcpolicy-shard");
        assertCheckArguments(checkArguments(gitlab.get("script").get(0).asText()));
    }

    @Test
    void noInventedProjectAddress() throws IOException {
        for (Path file : List.of(Path.of("README.md"), Path.of("action.yml"), Path.of(".pre-commit-hooks.yaml"),
                Path.of("Dockerfile"), Path.of("docs/json-report.md"))) {
            assertFalse(Files.readString(file).contains("github.com/mcpolicy/mcpolicy"), file.toString());
        }
    }
}

package dev.mcpolicy.app;

import dev.mcpolicy.finding.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run that read no Kubernetes object checked nothing: it must say so and fail (exit 2), never pass. */
class NothingCheckedTest {
    private static final String SERVICE = "apiVersion: v1\nkind: Service\nmetadata: {name: mcp}\nspec:\n"
            + "  ports: [{port: 80}]\n";

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "   \n\n"})
    void emptyStandardInputIsAnError(String stdin) {
        RunResult result = CheckRuns.run(root, stdin, "-");
        assertFalse(result.successful());
        assertEquals(List.of("<stdin>:1:1: standard input is empty, so nothing was checked (did the command piped into"
                + " mcpolicy, e.g. helm template, fail?)"), CheckRuns.errors(result));
    }

    @Test
    void standardInputWithoutAnObjectIsAnError() {
        RunResult result = CheckRuns.run(root, "just: values\n---\n# a comment\n", "-");
        assertEquals(List.of("<stdin>:1:1: no Kubernetes object in standard input (1 document skipped), so nothing"
                + " was checked"), CheckRuns.errors(result));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "# only a comment\n", "---\n# Source: chart/templates/off.yaml\n---\n", "~\n"})
    void anEmptyOrCommentOnlyFileIsAnError(String text) throws IOException {
        Files.writeString(root.resolve("render.yaml"), text);
        RunResult result = CheckRuns.run(root, "", "render.yaml");
        assertFalse(result.successful());
        assertEquals(List.of("render.yaml:1:1: no YAML document in the file (only comments or nothing), so nothing"
                + " was checked"), CheckRuns.errors(result));
    }

    @Test
    void anEmptyFileNextToARenderIsStillAnErrorOfItsOwn() throws IOException {
        Files.writeString(root.resolve("render.yaml"), SERVICE);
        Files.writeString(root.resolve("empty.yaml"), "");
        RunResult result = CheckRuns.run(root, "", "render.yaml", "empty.yaml");
        assertEquals(List.of("empty.yaml:1:1: no YAML document in the file (only comments or nothing), so nothing"
                + " was checked"), CheckRuns.errors(result));
    }

    @Test
    void aFolderWithoutYamlIsAnError() throws IOException {
        Files.createDirectories(root.resolve("renders/sub"));
        Files.writeString(root.resolve("renders/README.md"), "no yaml here\n");
        RunResult result = CheckRuns.run(root, "", "renders");
        assertEquals(List.of("renders:1:1: the folder holds no *.yaml or *.yml files and no chart, so nothing was"
                + " checked"), CheckRuns.errors(result));
    }

    @Test
    void aFolderOfValuesFilesIsAnError() throws IOException {
        Files.createDirectories(root.resolve("values"));
        Files.writeString(root.resolve("values/a.yaml"), "replicas: 2\n");
        Files.writeString(root.resolve("values/b.yaml"), "# nothing\n");
        RunResult result = CheckRuns.run(root, "", "values");
        assertEquals(List.of("values:1:1: no Kubernetes object in its 2 YAML files (1 document skipped), so nothing"
                + " was checked"), CheckRuns.errors(result));
    }

    /** Empty files inside a folder that does hold a render are nothing to report. */
    @Test
    void anEmptyFileInsideAFolderWithObjectsIsFine() throws IOException {
        Files.createDirectories(root.resolve("renders"));
        Files.writeString(root.resolve("renders/a.yaml"), SERVICE);
        Files.writeString(root.resolve("renders/b.yaml"), "");
        RunResult result = CheckRuns.run(root, "", "renders");
        assertEquals(List.of(), CheckRuns.errors(result));
        assertTrue(result.successful());
    }

    /** A parse error already says what went wrong; no second error about the same input. */
    @Test
    void aFileThatDoesNotParseGetsOnlyItsParseError() throws IOException {
        Files.writeString(root.resolve("render.yaml"), "apiVersion: v1\nkind: [Service\n");
        RunResult result = CheckRuns.run(root, "", "render.yaml");
        assertEquals(1, CheckRuns.errors(result).size(), CheckRuns.errors(result).toString());
        assertTrue(CheckRuns.errors(result).get(0).contains("YAML"), CheckRuns.errors(result).toString());
    }

    /** Values files are checked next to a render; with an empty render the run still checked nothing. */
    @Test
    void valuesFilesAloneAreStillNothingChecked() throws IOException {
        Path values = Files.writeString(root.resolve("values.yaml"), "apiKey: \"sk-live-0123456789abcdefEXAMPLE\"\n");
        CheckRequest request = new CheckRequest(List.of("-"), List.of(values), "default", null, java.util.Map.of(),
                CheckRequest.ChartOptions.none(), null, root, java.util.Map.of(), dev.mcpolicy.finding.Level.ERROR);
        RunResult result = CheckRuns.run(request, "");
        assertFalse(result.successful());
        assertEquals(1, CheckRuns.errors(result).size(), CheckRuns.errors(result).toString());
        assertTrue(result.findings().stream().allMatch(f -> f.primary().file().equals("values.yaml")),
                result.findings().toString());
    }
}

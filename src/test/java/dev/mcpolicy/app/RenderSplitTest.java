package dev.mcpolicy.app;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One object identity from several files is never merged into one graph: such files are separate renders, each is
 * checked as one, and the overlap is an input error naming both places.
 */
class RenderSplitTest {
    private static final Path REPO = Path.of("").toAbsolutePath();

    @TempDir
    Path root;

    /** The folder of three environment renders gives exactly the findings of the three files checked one by one. */
    @Test
    void aFolderOfEnvironmentRendersIsCheckedAsOneRenderPerFile() {
        RunResult folder = CheckRuns.run(CheckRuns.request(REPO, List.of("examples/rendered")), "");

        Set<String> separately = new TreeSet<>();
        for (String file : List.of("default", "production", "staging")) {
            RunResult alone = CheckRuns.run(CheckRuns.request(REPO, List.of("examples/rendered/" + file + ".yaml")), "");
            assertEquals(List.of(), alone.problems());
            alone.findings().forEach(f -> separately.add(describe(f)));
        }
        Set<String> together = new TreeSet<>();
        folder.findings().forEach(f -> together.add(describe(f)));
        assertEquals(separately, together);
        assertFalse(together.isEmpty(), "staging's two warnings must stay");

        assertFalse(folder.successful());
        List<String> errors = CheckRuns.errors(folder);
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("examples/rendered/production.yaml:6:3: PodDisruptionBudget/mcp-server"
                + " (namespace default) is also defined in examples/rendered/default.yaml:6"), errors.get(0));
        assertTrue(errors.get(1).startsWith("examples/rendered/staging.yaml:6:3: PodDisruptionBudget/mcp-server"
                + " (namespace default) is also defined in examples/rendered/production.yaml:6"), errors.get(1));
    }

    /** Merged, production's copy of the Deployment would hide staging's and its single-replica warning with it. */
    @Test
    void stagingsOwnWarningSurvivesNextToProduction() {
        RunResult both = CheckRuns.run(CheckRuns.request(REPO,
                List.of("examples/rendered/staging.yaml", "examples/rendered/production.yaml")), "");
        assertTrue(both.findings().stream().anyMatch(f -> f.primary().file().endsWith("staging.yaml")
                && f.ruleId().equals("replica-count")), "staging's own warning is kept");
    }

    @Test
    void objectsSplitOverFilesWithoutOverlapStayOneRender() throws IOException {
        Files.createDirectories(root.resolve("render"));
        Files.writeString(root.resolve("render/service.yaml"), """
                apiVersion: v1
                kind: Service
                metadata: {name: mcp}
                spec:
                  selector: {app: mcp}
                  ports: [{port: 80}]
                """);
        Files.writeString(root.resolve("render/deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: mcp}
                spec:
                  selector: {matchLabels: {app: mcp}}
                  template:
                    metadata: {labels: {app: mcp}}
                    spec:
                      containers: [{name: mcp, image: "ghcr.io/acme/mcp:1.0.0"}]
                """);
        RunResult result = CheckRuns.run(root, "", "render");
        assertEquals(List.of(), result.problems());
        assertTrue(result.findings().stream().noneMatch(f -> f.ruleId().equals("service-selects-workload")),
                "the Service selects the Deployment of the other file");
    }

    /** A file that repeats an object of its own is one render, as before (the graph keeps the last copy). */
    @Test
    void aRepeatWithinOneFileIsNotASplit() throws IOException {
        String service = "apiVersion: v1\nkind: Service\nmetadata: {name: mcp}\nspec: {ports: [{port: 80}]}\n";
        Files.writeString(root.resolve("render.yaml"), service + "---\n" + service);
        RunResult result = CheckRuns.run(root, "", "render.yaml");
        assertEquals(List.of(), CheckRuns.errors(result));
    }

    private static String describe(Finding finding) {
        return finding.ruleId() + " " + finding.primary().shortText() + " " + finding.message();
    }
}

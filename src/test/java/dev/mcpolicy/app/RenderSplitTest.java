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
        assertFalse(together.isEmpty(), "staging's warning must stay");

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

    private static String server(int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: tools, namespace: default}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: tools}}
                  template:
                    metadata: {labels: {app: tools}}
                    spec:
                      containers: [{name: server, image: "ghcr.io/acme/mcp-server:1.0.0"}]
                """.formatted(replicas);
    }

    private static String budget(int minAvailable) {
        return """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: tools, namespace: default}
                spec:
                  minAvailable: %d
                  selector: {matchLabels: {app: tools}}
                """.formatted(minAvailable);
    }

    /** One render over two files: the blocking budget of one file folds into the other file's replica count. */
    @Test
    void aRenderOverSeveralFilesFoldsAcrossThem() throws IOException {
        Files.createDirectories(root.resolve("render"));
        Files.writeString(root.resolve("render/deployment.yaml"), server(1));
        Files.writeString(root.resolve("render/pdb.yaml"), budget(1));
        RunResult result = CheckRuns.run(root, "", "render");
        List<Finding> replicas = result.findings().stream().filter(f -> f.ruleId().equals("replica-count")).toList();
        assertEquals(1, replicas.size(), result.findings().toString());
        assertEquals("pdb-allows-eviction", replicas.get(0).properties().get("folded"));
        assertTrue(replicas.get(0).related().stream().anyMatch(r -> r.location().file().endsWith("pdb.yaml")));
        assertTrue(result.findings().stream().noneMatch(f -> f.ruleId().equals("pdb-allows-eviction")));
    }

    /** Two files that define the same objects are two renders: a finding of one never folds into the other's. */
    @Test
    void separateRendersFoldApart() throws IOException {
        Files.writeString(root.resolve("staging.yaml"), server(1) + "---\n" + budget(1));
        Files.writeString(root.resolve("production.yaml"), server(2) + "---\n" + budget(2));
        RunResult result = CheckRuns.run(root, "", "staging.yaml", "production.yaml");
        List<String> found = result.findings().stream()
                .filter(f -> f.ruleId().startsWith("pdb-") || f.ruleId().equals("replica-count"))
                .map(f -> f.ruleId() + " " + f.primary().file() + " " + f.properties().getOrDefault("folded", "-"))
                .sorted().toList();
        assertEquals(List.of(
                "pdb-allows-eviction " + root.relativize(root.resolve("production.yaml")) + " -",
                "replica-count " + root.relativize(root.resolve("staging.yaml")) + " pdb-allows-eviction"), found);
    }

    private static String describe(Finding finding) {
        return finding.ruleId() + " " + finding.primary().shortText() + " " + finding.message();
    }
}

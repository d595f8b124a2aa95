package dev.mcpolicy.app;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.manifest.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --shard}: every rendered input is read by exactly one shard, and the others say which one. */
class ShardedInputsTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: %s
            spec:
              selector: {matchLabels: {app: %s}}
              template:
                metadata: {labels: {app: %s}}
                spec:
                  containers:
                    - name: mcp
                      image: ghcr.io/acme/mcp:latest
            """;

    @Test
    void eachInputIsCheckedByOneShardAndNotedByTheOthers(@TempDir Path root) throws Exception {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "server-" + i;
            Files.writeString(root.resolve(name + ".yaml"), DEPLOYMENT.formatted(name, name, name));
            inputs.add(name + ".yaml");
        }
        CheckRequest all = CheckRuns.request(root, inputs);
        Set<String> checked = new HashSet<>();
        int notes = 0;
        for (int k = 1; k <= 3; k++) {
            CheckRequest request = new CheckRequest(all.inputs(), all.valuesFiles(), all.releaseNamespace(),
                    all.release(), all.environments(), all.chartOptions(), all.helmBinary(), all.sourceRoot(),
                    all.parameters(), all.failOn(), List.of(), null, new Shard(k, 3));
            RunResult result = CheckRuns.run(request, "");
            assertTrue(result.successful(), result.problems().toString());
            assertEquals(all.inputs().size(), result.inputs().size(), "every input is still named");
            for (Finding finding : result.findings()) {
                String file = finding.primary().file();
                assertTrue(new Shard(k, 3).includes(file), file + " checked by shard " + k);
                checked.add(file);
            }
            for (InputProblem problem : result.problems()) {
                assertEquals(InputProblem.Severity.NOTE, problem.severity());
                int owner = new Shard(1, 3).shardOf(problem.file());
                assertEquals("not checked here (--shard): shard " + owner + "/3 checks it", problem.message());
                assertTrue(owner != k);
                notes++;
            }
        }
        assertEquals(Set.copyOf(inputs), checked, "each input has findings (the image is not pinned) in its shard");
        assertEquals(inputs.size() * 2, notes, "each input is noted by the two shards that skip it");
    }
}

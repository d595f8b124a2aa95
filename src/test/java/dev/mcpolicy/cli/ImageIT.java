package dev.mcpolicy.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What can be tested of the image without a Docker daemon (CI lints the Dockerfile with scripts/lint-dockerfile.sh):
 * the Dockerfile's own rules, and the entrypoint launcher run against the packaged jar.
 */
class ImageIT {
    private static List<String> instructions() throws Exception {
        List<String> joined = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(EndToEnd.repositoryRoot().resolve("Dockerfile"))) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            current.append(line.strip());
            if (line.endsWith("\\")) {
                current.setLength(current.length() - 1);
                continue;
            }
            joined.add(current.toString());
            current.setLength(0);
        }
        return joined;
    }

    @Test
    void theImageIsBuiltFromSourceRunsAsNonRootWithMcpolicyAsEntrypoint() throws Exception {
        List<String> instructions = instructions();
        List<String> from = instructions.stream().filter(i -> i.startsWith("FROM ")).toList();
        assertTrue(from.size() >= 2, "multi-stage: " + from);
        for (String base : from) {
            String image = base.split("\\s+")[1];
            assertTrue(image.contains(":") && !image.endsWith(":latest"), "pin the base image: " + base);
        }
        assertTrue(from.get(from.size() - 1).matches("FROM eclipse-temurin:17-jre\\b.*"), "a Java 17 runtime: " + from);
        assertTrue(instructions.stream().anyMatch(i -> i.matches("RUN mvn .*package.*")), "the jar is built from source");
        String lastUser = instructions.stream().filter(i -> i.startsWith("USER ")).reduce((a, b) -> b).orElse("");
        assertFalse(lastUser.isEmpty() || lastUser.equals("USER root") || lastUser.equals("USER 0"),
                "runs as an unprivileged user: " + lastUser);
        assertTrue(instructions.contains("ENTRYPOINT [\"mcpolicy\"]"), "exec-form entrypoint mcpolicy");
        assertTrue(instructions.stream().anyMatch(i -> i.contains("sha256sum -c")), "helm is verified");
        assertTrue(instructions.stream().anyMatch(i -> i.startsWith("COPY bin/mcpolicy /opt/mcpolicy/mcpolicy")),
                "the launcher beside the jar");
        assertTrue(instructions.stream().anyMatch(i -> i.contains("/opt/mcpolicy/mcpolicy --train-cds-archive")),
                "the CDS archive is made by the runtime's own JVM");
    }

    @Test
    void theEntrypointRunsTheJarWithItsArguments() throws Exception {
        Path launcher = EndToEnd.repositoryRoot().resolve("bin/mcpolicy");
        assertTrue(Files.isExecutable(launcher), "the launcher must be executable in git");
        String javaHome = System.getProperty("java.home");
        EndToEnd.Run rules = EndToEnd.run(List.of(launcher.toString(), "rules"),
                Map.of("MCPOLICY_JAR", EndToEnd.jar().toString(), "JAVA_HOME", javaHome, "JAVA_OPTS", "-Xmx256m -Xss2m"));
        assertEquals(0, rules.exitCode(), rules.describe());
        assertTrue(rules.stdout().contains("sse-read-timeout"), rules.stdout());

        EndToEnd.Run check = EndToEnd.run(List.of(launcher.toString(), "check", "-n", "mcp",
                        "examples/broken/rendered.yaml", "--format", "gitlab"),
                Map.of("MCPOLICY_JAR", EndToEnd.jar().toString(), "JAVA_HOME", javaHome));
        assertEquals(1, check.exitCode(), check.describe());
        dev.mcpolicy.report.FormatValidators.gitlab(check.stdout());

        EndToEnd.Run missing = EndToEnd.run(List.of(launcher.toString(), "--version"),
                Map.of("MCPOLICY_JAR", "/nonexistent/mcpolicy.jar"));
        assertEquals(2, missing.exitCode());
        assertEquals(1, missing.stderr().lines().count(), missing.stderr());
    }
}

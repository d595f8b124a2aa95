package dev.mcpolicy.cli;

import org.junit.jupiter.api.Assertions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end runs of the packaged {@code target/mcpolicy.jar} (and of helm) as real processes, from the repository
 * root. Integration tests ({@code *IT}) run after {@code mvn package}; a missing jar fails them with that advice.
 */
public final class EndToEnd {
    private static final long TIMEOUT_SECONDS = 300;

    private EndToEnd() {
    }

    /** The finished process: exit code and what it wrote. */
    public record Run(List<String> command, int exitCode, String stdout, String stderr) {
        public String describe() {
            return String.join(" ", command) + " → exit " + exitCode + "\nstderr:\n" + stderr;
        }
    }

    /** The repository root: the folder holding pom.xml (Maven runs tests from there). */
    public static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            return Assertions.fail("end-to-end tests must run from the repository root (no pom.xml in " + root + ")");
        }
        return root;
    }

    /** The packaged jar; fails clearly when {@code mvn package} has not built it. */
    public static Path jar() {
        Path jar = repositoryRoot().resolve("target/mcpolicy.jar");
        if (!Files.isRegularFile(jar)) {
            return Assertions.fail(jar + " is missing: run 'mvn package' (or 'mvn verify') before the integration tests");
        }
        return jar;
    }

    /** {@code java -jar target/mcpolicy.jar ARGS…} with the JVM running the tests. */
    public static List<String> mcpolicy(String... arguments) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar().toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code command} in the repository root. The environment is the current one without any {@code HELM_*} or
     * {@code MCPOLICY_*} variable (so the developer's helm setup cannot leak in), plus {@code environment}.
     */
    public static Run run(List<String> command, Map<String, String> environment) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("mcpolicy-e2e-", ".out");
            stderr = Files.createTempFile("mcpolicy-e2e-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(repositoryRoot().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("HELM_") || name.startsWith("MCPOLICY_"));
            builder.environment().remove("NO_COLOR");
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Assertions.fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Run(List.copyOf(command), process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Assertions.fail("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Assertions.fail("interrupted while running " + String.join(" ", command));
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}

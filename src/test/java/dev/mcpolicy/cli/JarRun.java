package dev.mcpolicy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the packaged {@code target/mcpolicy.jar} as a user would: a separate JVM, real files, real exit codes. */
record JarRun(int exitCode, String stdout, String stderr) {
    static final Path REPO = Path.of("").toAbsolutePath();
    static final Path JAR = REPO.resolve("target/mcpolicy.jar");

    static JarRun run(String stdin, Map<String, String> environment, String... args) throws IOException,
            InterruptedException {
        return runIn(REPO, stdin, environment, args);
    }

    static JarRun runIn(Path directory, String stdin, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn package): " + JAR);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().remove("GITHUB_STEP_SUMMARY");
        builder.environment().remove("SOURCE_DATE_EPOCH");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("mcpolicy-out", ".txt");
        Path err = Files.createTempFile("mcpolicy-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process process = builder.start();
        if (stdin != null) {
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "mcpolicy did not finish: " + command);
        try {
            return new JarRun(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Copies a folder of the repository (an example chart, say) into a test's own tree. */
    static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    static JarRun run(String... args) throws IOException, InterruptedException {
        return run(null, Map.of(), args);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

package dev.mcpolicy.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/mcpolicy against a copy of the packaged jar: it passes arguments and exit codes through, starts from its CDS
 * archive when the archive is fresh, and without one (missing, older than the jar, written for another jar) it runs
 * just the same, printing nothing more.
 */
class LauncherIT {
    private static final Path LAUNCHER = EndToEnd.repositoryRoot().resolve("bin/mcpolicy");
    private static final String BROKEN = "examples/broken/rendered.yaml";

    @TempDir
    Path folder;

    @Test
    void theCheckoutLauncherFindsTheJarAndItsArchiveInTarget() {
        assertTrue(Files.isExecutable(LAUNCHER), "the launcher must be executable in git");
        assertTrue(Files.isRegularFile(EndToEnd.repositoryRoot().resolve("target/mcpolicy.jsa")),
                "mvn package writes the CDS archive");
        EndToEnd.Run run = EndToEnd.run(List.of(LAUNCHER.toString(), "check", BROKEN, "--format", "json"),
                Map.of("JAVA_HOME", System.getProperty("java.home")));
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals("", run.stderr());
        assertEquals(EndToEnd.run(EndToEnd.mcpolicy("check", BROKEN, "--format", "json"), Map.of()).stdout(),
                run.stdout(), "the launcher and java -jar report the same");
    }

    @Test
    void aFreshArchiveIsUsedAndAnyOtherIsSkippedSilently() throws Exception {
        Path jar = Files.copy(EndToEnd.jar(), folder.resolve("mcpolicy.jar"));
        Path archive = folder.resolve("mcpolicy.jsa");
        Map<String, String> environment = Map.of("MCPOLICY_JAR", jar.toString(),
                "JAVA_HOME", System.getProperty("java.home"));
        EndToEnd.Run without = check(environment);

        EndToEnd.Run training = EndToEnd.run(List.of(LAUNCHER.toString(), "--train-cds-archive"), environment);
        assertEquals(0, training.exitCode(), training.describe());
        assertTrue(Files.size(archive) > 0);
        assertTrue(mainClassSource(environment).contains("shared objects file"), "the fresh archive is used");
        assertEquals(without.stdout(), check(environment).stdout());

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 60_000));
        assertFalse(mainClassSource(environment).contains("shared objects file"), "an archive older than the jar");
        assertEquals(without.stdout(), check(environment).stdout());

        // an archive written for another jar file (same name and size, another path and time) is refused by the JVM
        Path moved = Files.createDirectories(folder.resolve("moved"));
        Files.copy(jar, moved.resolve("mcpolicy.jar"));
        Files.copy(archive, moved.resolve("mcpolicy.jsa"));
        Map<String, String> movedEnvironment = Map.of("MCPOLICY_JAR", moved.resolve("mcpolicy.jar").toString(),
                "JAVA_HOME", System.getProperty("java.home"));
        assertEquals(without.stdout(), check(movedEnvironment).stdout());

        Files.delete(archive);
        assertEquals(without.stdout(), check(environment).stdout());
    }

    /** Java 25 and later: the launcher trains and uses an AOT cache (mcpolicy.aot) instead of the CDS archive. */
    @Test
    void onJava25TheLauncherKeepsAnAotCache() throws Exception {
        Optional<Path> java25 = newerJdk(25);
        Assumptions.assumeTrue(java25.isPresent(), "no JDK 25 or later under /usr/lib/jvm");
        Path jar = Files.copy(EndToEnd.jar(), folder.resolve("mcpolicy.jar"));
        Map<String, String> environment = Map.of("MCPOLICY_JAR", jar.toString(), "JAVA_HOME", java25.get().toString());
        EndToEnd.Run without = check(environment);

        EndToEnd.Run training = EndToEnd.run(List.of(LAUNCHER.toString(), "--train-cds-archive"), environment);
        assertEquals(0, training.exitCode(), training.describe());
        assertEquals("", training.stdout() + training.stderr(), "training prints nothing when it works");
        assertTrue(Files.size(folder.resolve("mcpolicy.aot")) > 0);
        assertFalse(Files.exists(folder.resolve("mcpolicy.jsa")));
        assertTrue(mainClassSource(environment).contains("shared objects file"), "the fresh cache is used");
        assertEquals(without.stdout(), check(environment).stdout());

        Files.setLastModifiedTime(jar, FileTime.fromMillis(
                Files.getLastModifiedTime(folder.resolve("mcpolicy.aot")).toMillis() + 60_000));
        assertFalse(mainClassSource(environment).contains("shared objects file"), "a cache older than the jar");
        assertEquals(without.stdout(), check(environment).stdout());
    }

    /** A JDK under /usr/lib/jvm whose release file names this feature version or a later one. */
    private static Optional<Path> newerJdk(int feature) throws java.io.IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (var homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> featureVersion(home) >= feature).sorted().findFirst();
        }
    }

    private static int featureVersion(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                var version = java.util.regex.Pattern.compile("^JAVA_VERSION=\"(\\d+)").matcher(line);
                if (version.find()) {
                    return Integer.parseInt(version.group(1));
                }
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            return 0;
        }
        return 0;
    }

    @Test
    void argumentsStdinAndExitCodesPassThroughAndALinkToTheLauncherWorks() throws Exception {
        Path link = Files.createSymbolicLink(folder.resolve("mcpolicy"), LAUNCHER);
        Map<String, String> environment = Map.of("JAVA_HOME", System.getProperty("java.home"));
        EndToEnd.Run version = EndToEnd.run(List.of(link.toString(), "--version"), environment);
        assertEquals(0, version.exitCode(), version.describe());
        assertTrue(version.stdout().startsWith("mcpolicy "), version.stdout());
        EndToEnd.Run clean = EndToEnd.run(List.of(link.toString(), "check", "examples/rendered/production.yaml",
                "-n", "mcp", "-q"), environment);
        assertEquals(0, clean.exitCode(), clean.describe());
        EndToEnd.Run usage = EndToEnd.run(List.of(link.toString(), "check", "--no-such-option", "x y"), environment);
        assertEquals(2, usage.exitCode(), usage.describe());
        assertEquals(1, usage.stderr().lines().count(), usage.stderr());
        EndToEnd.Run missing = EndToEnd.run(List.of(LAUNCHER.toString(), "--version"),
                Map.of("MCPOLICY_JAR", folder.resolve("none.jar").toString()));
        assertEquals(2, missing.exitCode());
        assertEquals(1, missing.stderr().lines().count(), missing.stderr());
    }

    /**
     * The launcher's collector settings, and how they yield to the user's: by default the parallel collector with a
     * capped young generation and a small initial heap, the whole heap from the start for a file of 100 MB or more; a
     * collector of the user's replaces them all (two collectors would stop the JVM), a size of the user's replaces the
     * launcher's, and a small maximum heap lifts the cap (a 100 MB young generation in 96 MB would make the JVM warn).
     */
    @Test
    void theCollectorSettingsYieldToTheUsersOwn() {
        Map<String, String> byDefault = finalFlags("");
        assertEquals("true", byDefault.get("UseParallelGC"));
        assertEquals(String.valueOf(100L << 20), byDefault.get("MaxNewSize"));

        Map<String, String> serial = finalFlags("-XX:+UseSerialGC");
        assertEquals("true", serial.get("UseSerialGC"));
        assertEquals("false", serial.get("UseParallelGC"));

        Map<String, String> smallHeap = finalFlags("-Xmx96m");
        assertEquals("true", smallHeap.get("UseParallelGC"));
        assertEquals(String.valueOf(96L << 20), smallHeap.get("MaxHeapSize"));
        assertTrue(Long.parseLong(smallHeap.get("MaxNewSize")) < 96L << 20 >> 1, smallHeap.toString());

        Map<String, String> largerHeap = finalFlags("-Xmx1g");
        assertEquals(String.valueOf(1L << 30), largerHeap.get("MaxHeapSize"));
        assertEquals(String.valueOf(100L << 20), largerHeap.get("MaxNewSize"), "a heap of 1 GB keeps the cap");

        assertEquals("4.000000", byDefault.get("InitialRAMPercentage"));
        Map<String, String> largeFile = finalFlags("", sparseFile("large.yaml", 101L << 20).toString());
        assertEquals("25.000000", largeFile.get("InitialRAMPercentage"), "a 100 MB file starts with the whole heap");
        Map<String, String> smallFile = finalFlags("", sparseFile("small.yaml", 99L << 20).toString());
        assertEquals("4.000000", smallFile.get("InitialRAMPercentage"));

        Map<String, String> ownInitialHeap = finalFlags("-XX:InitialRAMPercentage=25");
        assertEquals("25.000000", ownInitialHeap.get("InitialRAMPercentage"));
        assertEquals(String.valueOf(100L << 20), ownInitialHeap.get("MaxNewSize"), "only the size set is replaced");
    }

    /** A file of that size that takes no disk space. */
    private Path sparseFile(String name, long size) {
        Path file = folder.resolve(name);
        try (var out = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(size);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    /**
     * The JVM's final flags under the launcher with these options added, for {@code --version} with these arguments
     * (the launcher reads them; picocli prints the version whatever follows); the run must print nothing to stderr.
     */
    private static Map<String, String> finalFlags(String options, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString(), "--version"));
        command.addAll(List.of(arguments));
        EndToEnd.Run run = EndToEnd.run(command,
                Map.of("JAVA_HOME", System.getProperty("java.home"),
                        "MCPOLICY_JAVA_OPTS", (options + " -XX:+PrintFlagsFinal").trim()));
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("", run.stderr(), options);
        Map<String, String> flags = new java.util.HashMap<>();
        var flag = java.util.regex.Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s+(\\S+)");
        run.stdout().lines().map(flag::matcher).filter(java.util.regex.Matcher::find)
                .forEach(matcher -> flags.put(matcher.group(1), matcher.group(2)));
        return flags;
    }

    private static EndToEnd.Run check(Map<String, String> environment) {
        EndToEnd.Run run = EndToEnd.run(List.of(LAUNCHER.toString(), "check", BROKEN, "--format", "sarif"), environment);
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals("", run.stderr(), "nothing but the report");
        return run;
    }

    /** Where the JVM took mcpolicy's main class from, as its class-loading log says. */
    private static String mainClassSource(Map<String, String> environment) {
        Map<String, String> logging = new java.util.HashMap<>(environment);
        logging.put("MCPOLICY_JAVA_OPTS", "-Xlog:class+load=info");
        EndToEnd.Run run = EndToEnd.run(List.of(LAUNCHER.toString(), "--version"), logging);
        assertEquals(0, run.exitCode(), run.describe());
        return run.stdout().lines().filter(line -> line.contains(" dev.mcpolicy.cli.Main ")).findFirst().orElse("");
    }
}

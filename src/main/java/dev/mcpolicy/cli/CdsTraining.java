package dev.mcpolicy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the class-data-sharing archive ({@code scripts/cds-archive.sh}, run by {@code mvn package}):
 * checks the broken example that ships inside the jar, writing every report format, and lists the rules, so the
 * archive holds the classes a real run loads. Its output is discarded; it exits 0 when the runs behaved as usual.
 */
public final class CdsTraining {
    static final String FOLDER = "dev/mcpolicy/training/";

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("mcpolicy-cds-");
        PrintStream out = System.out;
        try {
            Path manifests = copy("rendered.yaml", work);
            Path values = copy("values-leaky.yaml", work);
            List<String> check = new ArrayList<>(List.of("check", manifests.toString(), "-f", values.toString(),
                    "--fail-on", "never", "--verbose", "--color", "always"));
            for (String format : List.of("text", "json", "sarif", "junit", "github", "gitlab", "markdown")) {
                check.addAll(List.of("--report", format + "=" + work.resolve("report." + format)));
            }
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8));
            int checked = Main.run(check.toArray(String[]::new));
            int listed = Main.run("rules");
            int shown = Main.run("rules", "show", "sse-read-timeout");
            if (checked != ExitCodes.CLEAN || listed != ExitCodes.CLEAN || shown != ExitCodes.CLEAN) {
                throw new IllegalStateException("the training runs failed: exit codes " + checked + ", " + listed
                        + ", " + shown);
            }
        } finally {
            System.setOut(out);
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static Path copy(String name, Path folder) throws IOException {
        try (InputStream in = CdsTraining.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IOException("the training input " + FOLDER + name + " is missing from the jar");
            }
            Path target = folder.resolve(name);
            Files.copy(in, target);
            return target;
        }
    }
}

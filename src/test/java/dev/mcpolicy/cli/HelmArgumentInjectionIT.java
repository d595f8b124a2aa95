package dev.mcpolicy.cli;

import dev.mcpolicy.chart.RealHelm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A chart, or a name on the command line, must never steer helm: the packaged jar with the real helm against each
 * shape of argument injection the hostile corpus found. Each run happens in a folder of its own that holds the chart
 * and a file of "secret" text; after it, the folder must hold exactly what it held before, no connection may have
 * reached a local port named in the attack, the secret text must be in no output, and no run may pass unchecked.
 *
 * <p>The chart routes {@code .Values.k} into a Service selector that a finding quotes, so a value helm took from a
 * file would show in the report: the runs that render prove that channel works.
 */
class HelmArgumentInjectionIT {
    private static final String SECRET_TEXT = "plantedsecretfiletext";

    @TempDir
    Path work;

    private ServerSocket listener;
    private String repo;

    @BeforeEach
    void plantTheChartAndTheSecret() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(300);
        repo = "http://127.0.0.1:" + listener.getLocalPort();
        Files.writeString(work.resolve("secret.txt"), SECRET_TEXT + "\n");
        writeChart("mcp");
    }

    @AfterEach
    void stopListening() throws IOException {
        listener.close();
    }

    private void writeChart(String name) throws IOException {
        Path templates = Files.createDirectories(work.resolve("chart/templates"));
        Files.writeString(work.resolve("chart/Chart.yaml"),
                "apiVersion: v2\nname: \"" + name.replace("\"", "\\\"") + "\"\nversion: 0.1.0\nappVersion: \"1.0.0\"\n");
        Files.writeString(work.resolve("chart/values.yaml"), "k: fromchartvalues\n");
        Files.writeString(templates.resolve("app.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app
                spec:
                  selector: {matchLabels: {app: app}}
                  template:
                    metadata: {labels: {app: app}}
                    spec:
                      containers:
                        - name: app
                          image: ghcr.io/acme/app:1.0.0
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: app
                spec:
                  selector:
                    app: {{ .Values.k | quote }}
                  ports: [{port: 80}]
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--output-dir=x", "--repo=REPO", "--set-file=k=secret.txt"})
    void aChartNameThatIsAFlagIsRefused(String name) throws Exception {
        writeChart(name.replace("REPO", repo));
        JarRun run = check("chart");
        assertEquals(2, run.exitCode(), run.stderr());
        assertTrue(run.stderr().startsWith("chart/Chart.yaml:2:7: chart name "), run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
    }

    @Test
    void aChartNameThatReadsAFileLeaksItInNoFormat() throws Exception {
        writeChart("--set-file=k=secret.txt");
        for (String format : List.of("json", "sarif")) {
            assertEquals(2, check("chart", "--format", format).exitCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--output-dir=x", "--repo=REPO", "--set-file=k=secret.txt"})
    void aReleaseNameThatIsAFlagIsAUsageError(String release) throws Exception {
        JarRun run = check("chart", "--release=" + release.replace("REPO", repo));
        assertEquals(2, run.exitCode(), run.stderr());
        assertTrue(run.stderr().startsWith("mcpolicy check: --release '"), run.stderr());
        assertTrue(run.stderr().strip().endsWith("see 'mcpolicy check --help'"), run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--output-dir=x=", "--repo=REPO", "--set-file=k=secret.txt"})
    void anEnvironmentNameThatIsAFlagIsAUsageError(String environment) throws Exception {
        JarRun run = check("chart", "--env=" + environment.replace("REPO", repo));
        assertEquals(2, run.exitCode(), run.stderr());
        assertTrue(run.stderr().startsWith("mcpolicy check: --env '"), run.stderr());
    }

    /** A values file whose name looks like a flag is read as the values file it is, nothing more. */
    @ParameterizedTest
    @ValueSource(strings = {"--set-file=k=secret.txt", "--output-dir=x", "--repo=REPO"})
    void aValuesFileNamedLikeAFlagIsOnlyAValuesFile(String fileName) throws Exception {
        Path values = work.resolve(fileName.replace("REPO", repo).replace("/", "_"));
        Files.writeString(values, "k: fromoddlynamedfile\n");
        JarRun run = check("chart", "--values=" + values.getFileName(), "--format", "json");
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("app=fromoddlynamedfile"), "the values file was used: " + run.stdout());
    }

    /** --set values are values: a flag inside one stays text in a values key. */
    @Test
    void setValuesThatLookLikeFlagsStayValues() throws Exception {
        JarRun run = check("chart", "--set=--output-dir=x", "--set-string=--set-file=k=secret.txt",
                "--set=x=--repo=" + repo, "--format", "json");
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("app=fromchartvalues"), run.stdout());
    }

    /** The control: a valid name renders, and the finding quotes the value, so a stolen file would have shown. */
    @Test
    void aValidChartRendersAndItsValueReachesTheReport() throws Exception {
        JarRun run = check("chart", "--release", "demo", "--format", "json");
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("app=fromchartvalues"), run.stdout());
    }

    /** Runs the jar in the work folder and checks what no run may do, whatever it was asked. */
    private JarRun check(String... arguments) throws Exception {
        List<String> before = tree();
        List<String> args = new ArrayList<>(List.of("check", "--fail-on", "warning"));
        args.addAll(List.of(arguments));
        JarRun run = JarRun.runIn(work, null, Map.of("MCPOLICY_HELM", RealHelm.binary().toString()),
                args.toArray(String[]::new));
        assertNotEquals(0, run.exitCode(), "never a pass: " + run.stderr());
        assertEquals(before, tree(), "the run changed the work folder");
        assertFalse(run.stdout().contains(SECRET_TEXT) || run.stderr().contains(SECRET_TEXT),
                "the secret file's text was printed");
        assertFalse(run.stderr().contains("Exception"), run.stderr());
        try {
            listener.accept().close();
            fail("helm connected to " + repo);
        } catch (SocketTimeoutException expected) {
            // nothing connected
        }
        return run;
    }

    private List<String> tree() throws IOException {
        try (Stream<Path> paths = Files.walk(work)) {
            return paths.map(path -> work.relativize(path).toString()).sorted().toList();
        }
    }
}

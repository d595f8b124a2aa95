package dev.mcpolicy.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelmRunnerTest {
    private static final Path CHARTS = RealHelm.chartsDirectory();

    @Test
    void explicitPathWinsOverVariableAndPath(@TempDir Path dir) throws IOException {
        Path explicit = executable(dir.resolve("explicit-helm"), "#!/bin/sh\n");
        Path fromVariable = executable(dir.resolve("variable-helm"), "#!/bin/sh\n");
        Path onPath = executable(dir.resolve("bin/helm"), "#!/bin/sh\n");
        Map<String, String> env = Map.of("MCPOLICY_HELM", fromVariable.toString(), "PATH", onPath.getParent().toString());

        assertEquals(new HelmLocation.Found(explicit), HelmLocation.locate(explicit, env));
        assertEquals(new HelmLocation.Found(fromVariable), HelmLocation.locate(null, env));
        assertEquals(new HelmLocation.Found(onPath),
                HelmLocation.locate(null, Map.of("PATH", dir + java.io.File.pathSeparator + onPath.getParent())));
    }

    @Test
    void noHelmAnywhereGivesTheOneLineAdvice(@TempDir Path dir) {
        HelmLocation none = HelmLocation.locate(null, Map.of("PATH", dir.toString()));
        String advice = ((HelmLocation.Missing) none).message();
        assertTrue(advice.startsWith("helm not found:"), advice);
        assertTrue(advice.contains("scripts/install-helm.sh") && advice.contains("MCPOLICY_HELM")
                && advice.contains("--helm PATH"), advice);
        assertFalse(advice.contains("\n"), advice);

        HelmLocation badExplicit = HelmLocation.locate(dir.resolve("nope"), Map.of());
        assertTrue(((HelmLocation.Missing) badExplicit).message().startsWith("helm not found:"));
        assertTrue(((HelmLocation.Missing) badExplicit).message().contains("nope"));
        assertFalse(((HelmLocation.Missing) badExplicit).message().contains("\n"));
    }

    @Test
    void argumentsCarryTheirValuesAndEndWithPositionalsAfterDoubleDash() {
        Environment env = new Environment("prod", List.of(Path.of("a.yaml"), Path.of("b.yaml")));
        RenderRequest request = new RenderRequest("rel", Path.of("chart"), "ns", env, List.of("x=1; rm -rf /"),
                List.of("tag=007"), "1.30.0", List.of("monitoring.coreos.com/v1"));
        Path here = Path.of("").toAbsolutePath();
        assertEquals(List.of("template", "--namespace=ns", "--values=" + here.resolve("a.yaml"),
                "--values=" + here.resolve("b.yaml"), "--set=x=1; rm -rf /", "--set-string=tag=007",
                "--kube-version=1.30.0", "--api-versions=monitoring.coreos.com/v1", "--", "rel",
                here.resolve("chart").toString()), request.arguments());
    }

    @Test
    void valuesThatLookLikeFlagsStayInsideTheirFlag() {
        Environment env = new Environment("prod", List.of(Path.of("--set-file=k=secret.txt")));
        RenderRequest request = new RenderRequest("rel", Path.of("--output-dir=x"), "--repo=http://127.0.0.1:1", env,
                List.of("--output-dir=x"), List.of("--set-file=k=secret.txt"), "--repo=x", List.of("--debug"));
        List<String> arguments = request.arguments();
        int end = arguments.indexOf("--");
        assertEquals(arguments.size() - 3, end, "the release and the chart path come after --");
        for (String argument : arguments.subList(1, end)) {
            assertTrue(argument.matches("--(namespace|values|set|set-string|kube-version|api-versions)=.*"), argument);
        }
        assertTrue(arguments.get(end + 2).startsWith("/"), "the chart path is absolute: " + arguments);
    }

    @Test
    void aReleaseNameHelmWouldRefuseNeverReachesHelm(@TempDir Path dir) throws IOException {
        Path marker = dir.resolve("helm-ran");
        Path fake = executable(dir.resolve("fake-helm"), "#!/bin/sh\ntouch '" + marker + "'\n");
        for (String release : List.of("--output-dir=x", "--repo=http://127.0.0.1:9", "-x", "Upper", "")) {
            RenderOutcome outcome = new HelmRunner(fake).render(RenderRequest.of(release, CHARTS.resolve("mcp-gateway"),
                    Environment.defaults()));
            RenderFailure failure = assertInstanceOf(RenderFailure.class, outcome, release);
            assertTrue(failure.message().contains("is not valid"), failure.message());
            assertFalse(failure.message().contains("\n"));
        }
        assertFalse(Files.exists(marker), "helm must not run for an invalid release name");
    }

    /** helm runs with a fresh home, no inherited variable, refusing proxies, and from a folder of its own. */
    @Test
    void helmRunsInASandboxWithoutTheUsersEnvironment(@TempDir Path dir) throws IOException {
        Path dump = dir.resolve("env.txt");
        Path fake = executable(dir.resolve("fake-helm"), "#!/bin/sh\n/usr/bin/env > '" + dump + "'\n"
                + "echo \"CWD=$(pwd)\" >> '" + dump + "'\necho 'kind: ConfigMap'\n");
        Path relative = Path.of("").toAbsolutePath().relativize(fake); // --helm may be relative to the working folder
        assertInstanceOf(RenderResult.class, new HelmRunner(relative).render(RenderRequest.of("rel",
                CHARTS.resolve("mcp-gateway"), Environment.defaults())));

        Map<String, String> env = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(dump)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        Path home = Path.of(env.get("HOME"));
        assertTrue(home.getFileName().toString().startsWith("mcpolicy-helm-home-"), env.toString());
        assertFalse(Files.exists(home), "the sandbox is removed after the run");
        assertEquals(home.toString(), env.get("CWD"));
        for (String variable : List.of("HELM_CONFIG_HOME", "HELM_CACHE_HOME", "HELM_DATA_HOME", "HELM_REPOSITORY_CONFIG",
                "HELM_REPOSITORY_CACHE", "HELM_REGISTRY_CONFIG", "HELM_PLUGINS", "KUBECONFIG", "TMPDIR")) {
            assertTrue(env.get(variable).startsWith(home + "/"), variable + "=" + env.get(variable));
        }
        for (String proxy : List.of("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")) {
            assertEquals(HelmSandbox.REFUSING_PROXY, env.get(proxy), proxy);
        }
        assertEquals("", env.get("NO_PROXY"));
        assertEquals("1", env.get("HELM_NO_PLUGINS"));
        java.util.Set<String> allowed = new java.util.HashSet<>(new HelmSandbox(home).environment().keySet());
        allowed.addAll(List.of("PWD", "SHLVL", "_", "CWD")); // set by the shell that runs the fake helm, and ours
        java.util.Set<String> unexpected = new java.util.TreeSet<>(env.keySet());
        unexpected.removeAll(allowed);
        assertEquals(java.util.Set.of(), unexpected, "variables helm must not inherit");
    }

    @Test
    void setFileAndSetJsonFollowTheOtherSets() {
        Environment env = new Environment("prod", List.of());
        RenderRequest request = new RenderRequest("rel", Path.of("chart"), null, env, List.of("a=1"), List.of(),
                null, List.of(), List.of("config=files/app.conf"), List.of("ports=[80,443]"));
        String file = Path.of("files/app.conf").toAbsolutePath().normalize().toString();
        assertEquals(List.of("template", "--set=a=1", "--set-file=config=" + file, "--set-json=ports=[80,443]", "--",
                "rel", Path.of("chart").toAbsolutePath().normalize().toString()), request.arguments());
    }

    @Test
    void rendersARealChartWithSetFileAndSetJson(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        Path chart = CHARTS.resolve("mcp-gateway");
        Path tag = java.nio.file.Files.writeString(temp.resolve("tag.txt"), "0456");
        RenderRequest request = new RenderRequest("demo", chart, "tools", new Environment("default", List.of()),
                List.of(), List.of(), null, List.of(), List.of("image.tag=" + tag), List.of("service.port=7778"));
        RenderResult result = assertInstanceOf(RenderResult.class, new HelmRunner(RealHelm.binary()).render(request));
        assertTrue(result.text().contains("containerPort: 7778"), result.text());
        assertTrue(result.text().contains("mcp-server:0456\""), "--set-file reads the value from the file");
    }

    @Test
    void rendersARealChartWithEnvironmentFilesAndSets() {
        Path chart = CHARTS.resolve("mcp-gateway");
        Environment staging = new Environment("staging", List.of(chart.resolve("values-staging.yaml")));
        RenderRequest request = new RenderRequest("demo", chart, "tools", staging, List.of("service.port=7777"),
                List.of("image.tag=0123"), null, List.of());
        RenderOutcome outcome = new HelmRunner(RealHelm.binary()).render(request);

        RenderResult result = assertInstanceOf(RenderResult.class, outcome);
        assertEquals(0, result.exitCode());
        assertTrue(result.text().contains("# Source: mcp-server/templates/deployment.yaml"));
        assertTrue(result.text().contains("containerPort: 7777"));
        assertTrue(result.text().contains("mcp-server:0123\""), "--set-string keeps the leading zero");
        assertTrue(result.text().contains("replicas: 1"), "staging file applied");
    }

    @Test
    void missingDependenciesAreDetectedBeforeHelmRuns() {
        Path chart = CHARTS.resolve("needs-deps");
        Path unusedHelm = Path.of("/nonexistent/helm");
        RenderOutcome outcome = new HelmRunner(unusedHelm).render(RenderRequest.of("r", chart, new Environment("prod", List.of())));

        RenderFailure failure = assertInstanceOf(RenderFailure.class, outcome);
        assertEquals("prod", failure.environment());
        assertEquals(chart.toString(), failure.chart());
        assertTrue(failure.message().contains("helm dependency build"), failure.message());
        assertTrue(failure.message().contains("postgresql"), failure.message());
        assertEquals(-1, failure.exitCode());
    }

    @Test
    void helmsOwnMissingDependencyErrorGetsTheSameAdvice() throws Exception {
        Path chart = CHARTS.resolve("needs-deps");
        Process process = new ProcessBuilder(RealHelm.binary().toString(), "template", "r", chart.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertTrue(process.exitValue() != 0);

        String message = HelmRunner.failureMessage(chart.toString(), stderr, process.exitValue());
        assertTrue(message.contains("helm dependency build " + chart), message + " / helm said: " + stderr);
    }

    @Test
    void aTemplateErrorIsAFailureValueWithHelmsMessage() {
        Path chart = CHARTS.resolve("broken-template");
        RenderOutcome outcome = new HelmRunner(RealHelm.binary()).render(RenderRequest.of("r", chart, Environment.defaults()));

        RenderFailure failure = assertInstanceOf(RenderFailure.class, outcome);
        assertTrue(failure.exitCode() > 0);
        assertTrue(failure.stderr().contains("apiToken must be set"), failure.stderr());
        assertTrue(failure.message().contains("apiToken must be set"), failure.message());
        assertFalse(failure.oneLine().contains("\n"));
        assertTrue(failure.oneLine().startsWith(chart + " [default]: "));
    }

    @Test
    void aMissingValuesFileIsReportedWithoutRunningHelm() {
        Path chart = CHARTS.resolve("mcp-gateway");
        Environment env = new Environment("qa", List.of(chart.resolve("values-qa.yaml")));
        RenderFailure failure = assertInstanceOf(RenderFailure.class,
                new HelmRunner(Path.of("/nonexistent/helm")).render(RenderRequest.of("r", chart, env)));
        assertTrue(failure.message().contains("values-qa.yaml"), failure.message());
    }

    @Test
    void aHangingHelmIsStoppedAtTheTimeout(@TempDir Path dir) throws IOException {
        Path slow = executable(dir.resolve("slow-helm"), "#!/bin/sh\nexec sleep 30\n");
        long start = System.nanoTime();
        RenderOutcome outcome = new HelmRunner(slow, Duration.ofMillis(500))
                .render(RenderRequest.of("r", CHARTS.resolve("mcp-gateway"), Environment.defaults()));

        RenderFailure failure = assertInstanceOf(RenderFailure.class, outcome);
        assertTrue(failure.message().contains("did not finish"), failure.message());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20);
    }

    @Test
    void helmStderrIsCapturedAndTrimmedOnSuccess(@TempDir Path dir) throws IOException {
        Path chatty = executable(dir.resolve("chatty-helm"),
                "#!/bin/sh\necho 'kind: ConfigMap'\necho '  WARNING: something deprecated  ' >&2\n");
        RenderResult result = assertInstanceOf(RenderResult.class, new HelmRunner(chatty)
                .render(RenderRequest.of("r", CHARTS.resolve("mcp-gateway"), Environment.defaults())));
        assertEquals("kind: ConfigMap\n", result.text());
        assertEquals("WARNING: something deprecated", result.stderr());
    }

    private static Path executable(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}

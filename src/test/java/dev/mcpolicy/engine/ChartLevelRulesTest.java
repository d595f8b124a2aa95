package dev.mcpolicy.engine;

import dev.mcpolicy.engine.mechanism.ChartContext;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.rules.RuleLoadException;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chart-level checks (Chart.yaml, chart root) and the Helm test hook rule, through the real loader and engine. */
class ChartLevelRulesTest {
    private static final String SERVER = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: %s}
            spec:
              selector: {matchLabels: {app: %<s}}
              template:
                metadata: {labels: {app: %<s}}
                spec:
                  containers:
                    - name: server
                      image: ghcr.io/acme/mcp-server:1.0.0
            """;

    @TempDir
    Path chartFolder;

    private static RuleSet pack(String... ids) throws RuleLoadException {
        RuleSet all = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        return new RuleSet(Stream.of(ids).map(id -> all.byId(id).orElseThrow()).toList());
    }

    private ChartContext chart(String chartYaml, String... rootFiles) throws Exception {
        Files.writeString(chartFolder.resolve("Chart.yaml"), chartYaml);
        for (String file : rootFiles) {
            Files.writeString(chartFolder.resolve(file), "");
        }
        return ExampleCharts.load(chartFolder, "chart/Chart.yaml");
    }

    private static List<Finding> render(RuleSet rules, String manifests) {
        List<ManifestDocument> documents = RuleExamplesTest.load("rendered.yaml", manifests);
        return new Engine(rules).run(ResourceGraph.build(documents, "default"), List.of());
    }

    private static List<String> placed(List<Finding> findings) {
        return findings.stream().map(f -> f.primary().shortText() + " " + f.primary().mapping() + " " + f.level()
                + " " + f.ruleId()).toList();
    }

    @Test
    void chartFindingsSitOnChartYamlLinesOrItsFirstLine() throws Exception {
        ChartContext chart = chart("""
                # The MCP server chart.
                # Versions below.
                name: mcp-server
                apiVersion: v1
                version: v1.0
                appVersion: 1.10
                """);
        List<Finding> findings = EngineTest.ordered(
                new Engine(pack("chart-api-version", "chart-versions", "chart-helmignore")).runChart(chart));
        assertEquals(List.of(
                "chart/Chart.yaml:1:1 document NOTE chart-helmignore",
                "chart/Chart.yaml:4:1 exact WARNING chart-api-version",
                "chart/Chart.yaml:5:1 exact WARNING chart-versions",
                "chart/Chart.yaml:6:1 exact WARNING chart-versions"), placed(findings));
        findings.forEach(f -> assertTrue(f.message().startsWith("Chart mcp-server "), f.message()));
        findings.forEach(f -> assertEquals(null, f.object()));
        assertTrue(findings.get(0).message().contains("no .helmignore next to chart/Chart.yaml"), findings.get(0).message());
    }

    @Test
    void aMissingKeyIsReportedOnTheFirstKeyOfChartYaml() throws Exception {
        ChartContext chart = chart("""
                # comment
                name: mcp-server
                """, ".helmignore");
        List<Finding> findings = new Engine(pack("chart-api-version", "chart-versions")).runChart(chart);
        assertEquals(List.of(
                "chart/Chart.yaml:2:1 parent-key WARNING chart-api-version",
                "chart/Chart.yaml:2:1 parent-key WARNING chart-versions",
                "chart/Chart.yaml:2:1 parent-key WARNING chart-versions"), placed(findings));
    }

    @Test
    void chartChecksRunOnlyPerChartAndRenderChecksOnlyPerRender() throws Exception {
        RuleSet rules = pack("chart-helmignore", "helm-test-hook");
        ChartContext chart = chart("apiVersion: v2\nname: mcp-server\nversion: 0.1.0\nappVersion: \"1\"\n");
        assertEquals(List.of("chart-helmignore"), new Engine(rules).runChart(chart).stream().map(Finding::ruleId).toList());
        assertEquals(List.of("helm-test-hook"), render(rules, SERVER.formatted("mcp")).stream().map(Finding::ruleId).toList());
    }

    @Test
    void aLibraryChartNeedsNoAppVersion() throws Exception {
        ChartContext library = chart("apiVersion: v2\nname: helpers\ntype: library\nversion: 1.0.0\n", ".helmignore");
        assertEquals(List.of(), new Engine(pack("chart-versions")).runChart(library));
    }

    @Test
    void aRenderWithoutTestsIsReportedOnceOnTheFirstMcpServer() throws Exception {
        String render = SERVER.formatted("mcp-a") + "---\n" + SERVER.formatted("mcp-b");
        List<Finding> findings = render(pack("helm-test-hook"), render);
        assertEquals(List.of("rendered.yaml:3:12 exact WARNING helm-test-hook"), placed(findings));
        assertTrue(findings.get(0).message().startsWith("Deployment/mcp-a is an MCP server"), findings.get(0).message());
        assertTrue(findings.get(0).message().contains("--skip-tests"), findings.get(0).message());
    }

    @Test
    void hookListsAreReadItemByItem() throws Exception {
        String hook = """
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: probe
                  annotations: {"helm.sh/hook": "post-install, test"}
                spec:
                  containers: [{name: probe, image: busybox:1.36, command: [wget, http://mcp/healthz]}]
                """;
        List<Finding> findings = render(pack("helm-test-hook"), SERVER.formatted("mcp") + hook);
        assertEquals(List.of("rendered.yaml:19:51 exact WARNING helm-test-hook"), placed(findings));
        assertTrue(findings.get(0).message().startsWith("Pod/probe is a Helm test hook that never sends"));
    }

    /** How a test could write the request, the check, and where it keeps them; with the expected finding. */
    static Stream<Arguments> testHookVariants() {
        String[] requests = {
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
                "{ \"jsonrpc\": \"2.0\", \"id\": 1, \"method\" :  \"initialize\", \"params\": { \"protocolVersion\" : \"2025-06-18\" } }",
                "{\\\"jsonrpc\\\":\\\"2.0\\\",\\\"method\\\":\\\"initialize\\\",\\\"params\\\":{\\\"protocolVersion\\\":\\\"2025-06-18\\\"}}",
                "{'jsonrpc': '2.0', 'id': 1, 'method': 'initialize', 'params': {'protocolVersion': '2025-06-18'}}",
        };
        String[] notInitialize = {
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "GET /healthz",
        };
        String[] checks = {"| grep -q '\"protocolVersion\"'", "| jq -e .result.protocolVersion",
                "assert answer['result']['protocolVersion']", "| grep -q protocolVersion"};
        String[] noChecks = {"", "| cat", "-o /dev/null -w '%{http_code}'"};
        Random random = new Random(20250618L);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int shape = random.nextInt(3);
            String request = shape == 0 ? pick(random, notInitialize) : pick(random, requests);
            String check = shape == 2 ? pick(random, noChecks) : pick(random, checks);
            String expected = shape == 0 ? "never sends" : shape == 2 ? "never checks protocolVersion" : "";
            cases.add(Arguments.of(request, check, Placement.values()[random.nextInt(Placement.values().length)], expected));
        }
        return cases.stream();
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    enum Placement { ARGS, COMMAND, ENV, CONFIG_MAP }

    @ParameterizedTest(name = "{index}: {2} {0} {1}")
    @MethodSource("testHookVariants")
    void theHandshakeIsRecognisedInAnyQuotingAndPlace(String request, String check, Placement placement,
                                                       String expected) throws Exception {
        String script = "curl -sf -X POST http://mcp:8080/mcp -d '" + request + "' " + check;
        String quoted = "'" + script.replace("'", "''") + "'";
        String container = switch (placement) {
            case ARGS -> "command: [sh, -c]\n      args: [" + quoted + "]";
            case COMMAND -> "command: [sh, -c, " + quoted + "]";
            case ENV -> "command: [sh, -c, 'sh /probe.sh']\n      env: [{name: PROBE, value: " + quoted + "}]";
            case CONFIG_MAP -> "command: [sh, /scripts/probe.sh]\n      volumeMounts: [{name: s, mountPath: /scripts}]";
        };
        String configMap = placement != Placement.CONFIG_MAP ? "" : """
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: probe-script}
                data:
                  probe.sh: %s
                """.formatted(quoted);
        String volumes = placement != Placement.CONFIG_MAP ? "" : "\n  volumes: [{name: s, configMap: {name: probe-script}}]";
        String hook = """
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: probe
                  annotations: {"helm.sh/hook": test}
                spec:
                  restartPolicy: Never
                  containers:
                    - name: probe
                      image: curlimages/curl:8.11.1
                      %s%s
                """.formatted(container, volumes);
        List<Finding> findings = render(pack("helm-test-hook"), SERVER.formatted("mcp") + configMap + hook);
        if (expected.isEmpty()) {
            assertEquals(List.of(), findings.stream().map(Finding::message).toList());
        } else {
            assertEquals(1, findings.size(), () -> findings.toString());
            assertTrue(findings.get(0).message().contains(expected), findings.get(0).message());
            assertEquals(Location.EXACT, findings.get(0).primary().mapping());
        }
    }

    @Test
    void mechanismsRejectConfigurationsThatCannotWork() {
        String base = """
                id: custom
                title: custom
                level: warning
                tags: [x]
                precision: high
                rationale: r
                help: h
                examples: [{name: e, expect: pass, manifests: ""}]
                """;
        RuleLoadException badRegex = assertThrows(RuleLoadException.class, () -> RuleCompiler.standard().ruleLoader()
                .parse("custom.yaml", null, base + "check: {target: workloads, assert: {command-text: {matches: '(unclosed'}}, message: m}\n"));
        assertTrue(badRegex.getMessage().contains("not a valid regular expression"), badRegex.getMessage());
        RuleLoadException fileOnWorkloads = assertThrows(RuleLoadException.class, () -> RuleCompiler.standard().ruleLoader()
                .parse("custom.yaml", null, base + "check: {target: workloads, assert: {chart-file-exists: {file: .helmignore}}, message: m}\n"));
        assertTrue(fileOnWorkloads.getMessage().contains("needs target chart"), fileOnWorkloads.getMessage());
        RuleLoadException unknownFilter = assertThrows(RuleLoadException.class, () -> RuleCompiler.standard().ruleLoader()
                .parse("custom.yaml", null, base + "check: {target: mcp-servers, assert: {exists: {target: workloads, where: {colour: red}}}, message: m}\n"));
        assertTrue(unknownFilter.getMessage().contains("unknown filter 'colour'"), unknownFilter.getMessage());
        RuleLoadException acrossScopes = assertThrows(RuleLoadException.class, () -> RuleCompiler.standard().ruleLoader()
                .parse("custom.yaml", null, base + "check: {target: mcp-servers, assert: {exists: {target: chart}}, message: m}\n"));
        assertTrue(acrossScopes.getMessage().contains("per chart"), acrossScopes.getMessage());
    }
}

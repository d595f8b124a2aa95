package dev.mcpolicy.app;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.manifest.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A render with a document that could not be read does not report what only its absence causes: a Service selecting
 * no pods because its Deployment did not parse, an autoscaler without target, an MCP server without budget, a route
 * to a missing Service. A note says so once; everything else is still checked.
 */
class IncompleteRenderTest {
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: mcp}
            spec:
              selector: {app: mcp}
              ports: [{name: http, port: 80, targetPort: 8080}]
            """;
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: mcp
              annotations: {mcpolicy.dev/mcp-server: "true"}
            spec:
              replicas: 2
              selector: {matchLabels: {app: mcp}}
              template:
                metadata: {labels: {app: mcp}}
                spec:
                  containers:
                    - name: mcp
                      image: ghcr.io/acme/mcp:1.0.0
                      ports: [{name: http, containerPort: 8080}]
            """;
    private static final String BUDGET = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: mcp}
            spec:
              maxUnavailable: 1
              selector: {matchLabels: {app: mcp}}
            """;
    private static final String AUTOSCALER = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: mcp}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: mcp}
              minReplicas: 2
              maxReplicas: 4
            """;
    private static final String INGRESS = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: mcp}
            spec:
              ingressClassName: traefik
              rules:
                - host: mcp.example.com
                  http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend: {service: {name: mcp, port: {name: http}}}
            """;
    /** Another workload of the namespace, so that selectors there are judged at all. */
    private static final String JOB = """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            spec:
              template:
                metadata: {labels: {app: migrate}}
                spec:
                  restartPolicy: Never
                  containers: [{name: migrate, image: "ghcr.io/acme/migrate:1.0.0"}]
            """;
    private static final String ABSENCE_RULES = "service-selects-workload pdb-selects-pods hpa-target-exists"
            + " pdb-coverage route-backend-exists helm-test-hook";

    @TempDir
    Path root;

    /** The control: each object missing for real gives its absence findings. */
    @ParameterizedTest
    @ValueSource(strings = {"deployment:hpa-target-exists,pdb-selects-pods,service-selects-workload",
            "budget:helm-test-hook,pdb-coverage", "service:helm-test-hook,route-backend-exists"})
    void anObjectThatIsReallyMissingIsReported(String missingAndRules) {
        String missing = missingAndRules.substring(0, missingAndRules.indexOf(':'));
        RunResult result = CheckRuns.run(root, render(missing, null), "-");
        assertEquals(List.of(), result.problems());
        assertEquals(List.of(missingAndRules.substring(missing.length() + 1).split(",")),
                absenceFindings(result).stream().distinct().sorted().toList());
    }

    /** The same object, present but unparseable: nothing claims it is missing. */
    @ParameterizedTest
    @ValueSource(strings = {"deployment", "budget", "service"})
    void anObjectThatDidNotParseIsNotReportedMissing(String broken) {
        RunResult result = CheckRuns.run(root, render(null, broken), "-");
        assertEquals(List.of(), absenceFindings(result), "findings caused by the unreadable " + broken);
        assertFalse(result.successful(), "the parse error still fails the run");
        List<InputProblem> notes = result.problems().stream()
                .filter(p -> p.severity() == InputProblem.Severity.NOTE).toList();
        assertEquals(1, notes.size(), result.problems().toString());
        assertTrue(notes.get(0).message().startsWith("a document of this render could not be read, so findings that"
                + " an object is missing"), notes.get(0).message());
        InputProblem error = result.problems().stream()
                .filter(p -> p.severity() == InputProblem.Severity.ERROR).findFirst().orElseThrow();
        assertEquals(error.line(), notes.get(0).line(), "the note points at the unread document");
    }

    /** Findings that do not depend on what is missing are still reported. */
    @Test
    void otherFindingsAreStillReported() {
        RunResult result = CheckRuns.run(root, render(null, "service"), "-");
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("container-probes")),
                result.findings().toString());
    }

    /** An error that leaves its document loaded (a duplicate key) is no gap. */
    @Test
    void anErrorInsideALoadedDocumentWithholdsNothing() {
        String render = render("deployment", null).replace("kind: Service\n", "kind: Service\nkind: Service\n");
        RunResult result = CheckRuns.run(root, render, "-");
        assertFalse(result.successful());
        assertFalse(absenceFindings(result).isEmpty(), result.problems().toString());
        assertTrue(result.problems().stream().noneMatch(p -> p.severity() == InputProblem.Severity.NOTE),
                result.problems().toString());
    }

    /** The render of the whole folder is incomplete when one of its files could not be read at all. */
    @Test
    void anUnreadableFileOfTheRenderIsAGapToo() throws Exception {
        java.nio.file.Files.createDirectories(root.resolve("render"));
        java.nio.file.Files.writeString(root.resolve("render/a.yaml"), SERVICE + "---\n" + INGRESS);
        java.nio.file.Files.write(root.resolve("render/b.yaml"), new byte[]{(byte) 0xff, (byte) 0xfe, 0, 0, (byte) 0xc3});
        RunResult result = CheckRuns.run(root, "", "render");
        assertEquals(List.of(), absenceFindings(result), result.problems().toString());
    }

    /** Every object of the render, with {@code missing} left out and {@code broken} made unparseable. */
    private static String render(String missing, String broken) {
        StringBuilder out = new StringBuilder();
        for (String[] part : new String[][]{{"service", SERVICE}, {"deployment", DEPLOYMENT}, {"budget", BUDGET},
                {"autoscaler", AUTOSCALER}, {"ingress", INGRESS}, {"job", JOB}}) {
            if (part[0].equals(missing)) {
                continue;
            }
            String text = part[1];
            if (part[0].equals(broken)) {
                text = text.replaceFirst("metadata:", "metadata: {name: [unclosed\n  x:");
            }
            out.append("---\n").append(text);
        }
        return out.toString();
    }

    private static List<String> absenceFindings(RunResult result) {
        return result.findings().stream().filter(f -> ABSENCE_RULES.contains(f.ruleId()))
                .map(Finding::ruleId).toList();
    }
}

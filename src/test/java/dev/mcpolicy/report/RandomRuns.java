package dev.mcpolicy.report;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.ServerDecision;
import dev.mcpolicy.manifest.InputProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random runs with every optional part sometimes missing, for schema and robustness tests. */
final class RandomRuns {
    private static final String[] RULES = {"sse-proxy-buffering", "sse-read-timeout", "sse-send-timeout",
            "termination-grace-period", "hpa-scale-down-stabilization", "pdb-coverage", "values-no-secrets",
            "rule-without-metadata"};
    private static final String[] FILES = {SampleRun.MANIFESTS, SampleRun.TEMPLATE, SampleRun.VALUES,
            "<stdin>", "../elsewhere/outside.yaml", "dir with space/ünïcode.yaml", "missing/file.yaml"};
    private static final String[] MAPPINGS = {Location.EXACT, Location.PARENT_KEY, Location.INCLUDE_CALL,
            Location.VALUES, Location.DOCUMENT};

    private RandomRuns() {
    }

    static RunResult generate(long seed) {
        Random random = new Random(seed);
        List<Finding> findings = new ArrayList<>();
        int count = random.nextInt(40);
        for (int i = 0; i < count; i++) {
            findings.add(finding(random));
        }
        findings.sort(Comparator.comparing((Finding f) -> f.primary().file())
                .thenComparingInt(f -> f.primary().line())
                .thenComparingInt(f -> f.primary().column())
                .thenComparing(Finding::ruleId));
        List<ServerDecision> decisions = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            decisions.add(new ServerDecision(object(random), random.nextBoolean() ? location(random) : null,
                    random.nextBoolean(), "reason " + i));
        }
        List<InputProblem> problems = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            String file = pick(random, FILES);
            problems.add(random.nextBoolean()
                    ? InputProblem.error(file, random.nextInt(30), random.nextInt(20), "broken " + i)
                    : InputProblem.note(file, random.nextInt(30), random.nextInt(20), "skipped " + i));
        }
        return new RunResult(List.of("input"), findings, decisions, problems);
    }

    private static Finding finding(Random random) {
        List<Finding.RelatedLocation> related = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            related.add(new Finding.RelatedLocation(location(random), random.nextBoolean() ? "see here" : null));
        }
        List<String> environments = random.nextBoolean() ? List.of() : List.of("staging", "production");
        Map<String, String> properties = random.nextBoolean() ? Map.of() : Map.of("k", "v" + random.nextInt(9));
        return new Finding(pick(random, RULES), Level.values()[random.nextInt(3)], "message \"" + random.nextInt()
                + "\"\twith\ncontrol", location(random), random.nextBoolean() ? location(random) : null,
                random.nextBoolean() ? object(random) : null, random.nextBoolean() ? "" : "/spec/x~1y/0",
                random.nextBoolean() ? "mcp-server/templates/t.yaml" : null, related, environments, properties);
    }

    private static Location location(Random random) {
        int column = 1 + random.nextInt(30);
        int end = random.nextBoolean() ? 0 : column + 1 + random.nextInt(10);
        return new Location(pick(random, FILES), random.nextInt(90), column, end, pick(random, MAPPINGS));
    }

    private static ObjectRef object(Random random) {
        return new ObjectRef("apps/v1", "Deployment", "app-" + random.nextInt(5),
                random.nextBoolean() ? null : "ns");
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}

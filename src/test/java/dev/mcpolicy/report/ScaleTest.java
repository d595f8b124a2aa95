package dev.mcpolicy.report;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.ServerDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 100k findings in 1,000 files must render in all formats in well under a minute (quadratic code would not). */
class ScaleTest {
    private static final int FILES = 1_000;
    private static final int FINDINGS_PER_FILE = 100;

    @TempDir
    Path repository;

    @Test
    void hundredThousandFindingsRenderInEveryFormat() throws IOException {
        String text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\n".repeat(FINDINGS_PER_FILE / 4 + 1);
        List<Finding> findings = new ArrayList<>();
        List<ServerDecision> decisions = new ArrayList<>();
        for (int f = 0; f < FILES; f++) {
            String file = "deploy/part-" + f + ".yaml";
            Path path = repository.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
            for (int i = 0; i < FINDINGS_PER_FILE; i++) {
                ObjectRef object = new ObjectRef("v1", "Service", "svc-" + f + "-" + i, "ns");
                findings.add(new Finding("sse-read-timeout", Level.values()[i % 3], "Service/svc is odd.",
                        new Location(file, i + 1, 1, 0, Location.EXACT), null, object, "/metadata/name", null,
                        List.of(), List.of(), Map.of()));
            }
            decisions.add(new ServerDecision(new ObjectRef("apps/v1", "Deployment", "d" + f, "ns"),
                    new Location(file, 1, 1, 0, Location.DOCUMENT), f % 2 == 0, "reason"));
        }
        RunResult run = new RunResult(List.of("deploy/"), findings, decisions, List.of());
        ReportContext context = ReportContext.of(SampleRun.TOOL, SampleRun.rules()).withBaseDirectory(repository);

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (ReportFormat format : ReportFormat.values()) {
                CountingWriter out = new CountingWriter();
                format.create().write(run, context, out);
                assertTrue(out.count > findings.size() * 20L, format + " wrote too little");
            }
        });
    }

    private static final class CountingWriter extends Writer {
        long count;

        @Override
        public void write(char[] buffer, int offset, int length) {
            count += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

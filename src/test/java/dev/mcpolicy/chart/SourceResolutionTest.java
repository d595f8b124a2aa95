package dev.mcpolicy.chart;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.finding.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where {@code # Source:} paths may and may not lead. */
class SourceResolutionTest {

    @Test
    void aPackedSubchartCannotBeMappedAndSaysSo(@TempDir Path work) throws Exception {
        Path chart = work.resolve("umbrella");
        copyTree(RealHelm.chartsDirectory().resolve("umbrella"), chart);
        Process pack = new ProcessBuilder(RealHelm.binary().toString(), "package", chart.resolve("charts/cache").toString(),
                "-d", chart.resolve("charts").toString()).redirectErrorStream(true).start();
        String packOutput = new String(pack.getInputStream().readAllBytes());
        assertTrue(pack.waitFor(60, TimeUnit.SECONDS) && pack.exitValue() == 0, packOutput);
        deleteTree(chart.resolve("charts/cache"));

        Environment env = Environment.defaults();
        RenderResult result = RealHelm.render(RenderRequest.of("rel", chart, env));
        RenderedStream stream = RenderedStream.parse(result.text());
        SourceMapper mapper = SourceMapper.create(ChartInfo.read(chart), env, List.of(), work);

        int sessions = stream.find("StatefulSet", "rel-sessions").orElseThrow();
        MappedLocation packed = mapper.map(MappingQuery.of(stream.identities().get(sessions),
                stream.contents().get(sessions), "/spec/template/spec/containers/0/image"));
        assertEquals(new Location("umbrella/Chart.yaml", 1, 1, 0, Location.DOCUMENT), packed.primary());
        assertNotNull(packed.note());
        assertTrue(packed.note().contains("session-cache-0.2.0.tgz") && packed.note().contains("unpack"), packed.note());

        int gateway = stream.find("Deployment", "rel-gateway").orElseThrow();
        MappedLocation mapped = mapper.map(MappingQuery.of(stream.identities().get(gateway),
                stream.contents().get(gateway), "/spec/replicas"));
        assertEquals(new Location("umbrella/values.yaml", 3, 3, 11, Location.VALUES), mapped.primary());
        assertNull(mapped.note());
    }

    @Test
    void sourcePathsNeverLeaveTheChart(@TempDir Path work) throws Exception {
        Path chart = work.resolve("app");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\n");
        Path outside = Files.writeString(work.resolve("outside.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
        Files.createSymbolicLink(chart.resolve("templates/linked.yaml"), outside);
        Files.writeString(chart.resolve("templates/ok.yaml"), "# leading comment\n\napiVersion: v1\nkind: ConfigMap\n");
        SourceMapper mapper = SourceMapper.create(ChartInfo.read(chart), Environment.defaults(), List.of(), work);
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("kind", "ConfigMap");

        for (String source : List.of("app/templates/../../outside.yaml", "app/templates/linked.yaml",
                "app/templates/absent.yaml", "app/charts/nope/templates/x.yaml", "app")) {
            MappedLocation mapped = mapper.map(MappingQuery.of(new DocumentIdentity(source, "ConfigMap", null, 0, 0), doc, "/data"));
            assertEquals("app/Chart.yaml", mapped.primary().file(), source);
            assertEquals(Location.DOCUMENT, mapped.primary().mapping(), source);
            assertNotNull(mapped.note(), source);
        }
        MappedLocation noSource = mapper.map(MappingQuery.of(new DocumentIdentity(null, "ConfigMap", null, 0, 0), doc, ""));
        assertTrue(noSource.note().contains("Source"), noSource.note());

        MappedLocation ok = mapper.map(MappingQuery.of(new DocumentIdentity("app/templates/ok.yaml", "ConfigMap", null, 0, 0), doc, "/data"));
        assertEquals(new Location("app/templates/ok.yaml", 3, 1, 0, Location.DOCUMENT), ok.primary(),
                "a missing key with no parent in the template lands on the document's first YAML line");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

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

    @Test
    void aBrokenValuesFileIsAProblemAndMappingCarriesOn(@TempDir Path work) throws Exception {
        Path chart = RealHelm.chartsDirectory().resolve("mcp-gateway");
        Path broken = Files.writeString(work.resolve("broken.yaml"), "replicaCount: 3\nimage: [unclosed\n");
        Environment env = new Environment("broken", List.of(broken));
        SourceMapper mapper = SourceMapper.create(ChartInfo.read(chart), env, List.of(), RealHelm.chartsDirectory());

        assertEquals(1, mapper.problems().size());
        assertTrue(mapper.problems().get(0).startsWith(broken + ":"), mapper.problems().get(0));
        assertTrue(mapper.problems().get(0).matches(".*broken\\.yaml:\\d+:\\d+: .*"), mapper.problems().get(0));

        RenderedStream stream = RenderedStream.parse(RealHelm.render(RenderRequest.of("rel", chart, Environment.defaults())).text());
        int deployment = stream.find("Deployment", "rel-mcp-server").orElseThrow();
        MappedLocation mapped = mapper.map(MappingQuery.of(stream.identities().get(deployment),
                stream.contents().get(deployment), "/spec/replicas"));
        assertEquals("mcp-gateway/values.yaml:7 values",
                mapped.primary().file() + ":" + mapped.primary().line() + " " + mapped.primary().mapping());
    }

    @Test
    void documentIdentitiesCountPerSourceAndPerKind() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<DocumentIdentity> ids = DocumentIdentity.assign(
                java.util.Arrays.asList("c/templates/a.yaml", "c/templates/b.yaml", "c/templates/a.yaml", "c/templates/a.yaml", null),
                java.util.Arrays.asList(f.objectNode().put("kind", "Service"), f.objectNode().put("kind", "Service"),
                        f.objectNode().put("kind", "Deployment"), f.objectNode().put("kind", "Service"), null));
        assertEquals(new DocumentIdentity("c/templates/a.yaml", "Service", null, 0, 0), ids.get(0));
        assertEquals(new DocumentIdentity("c/templates/b.yaml", "Service", null, 0, 0), ids.get(1));
        assertEquals(new DocumentIdentity("c/templates/a.yaml", "Deployment", null, 1, 0), ids.get(2));
        assertEquals(new DocumentIdentity("c/templates/a.yaml", "Service", null, 2, 1), ids.get(3));
        assertEquals(new DocumentIdentity(null, null, null, 0, 0), ids.get(4));
    }

    @Test
    void inconsistentHandMadeQueriesStillMap(@TempDir Path work) throws Exception {
        Path chart = RealHelm.chartsDirectory().resolve("mcp-gateway");
        SourceMapper mapper = SourceMapper.create(ChartInfo.read(chart), Environment.defaults(), List.of(), RealHelm.chartsDirectory());
        com.fasterxml.jackson.databind.node.ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.putObject("spec").putObject("template").putObject("spec").putArray("containers").addObject().put("name", "mcp-server");
        DocumentIdentity id = new DocumentIdentity("mcp-server/templates/deployment.yaml", "Deployment", null, 0, 0);
        MappedLocation mapped = mapper.map(new MappingQuery(id,
                List.of("spec", "template", "spec", "containers", "first", "image"), 6, null, doc));
        assertEquals("mcp-gateway/templates/deployment.yaml:24 parent-key",
                mapped.primary().file() + ":" + mapped.primary().line() + " " + mapped.primary().mapping());
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

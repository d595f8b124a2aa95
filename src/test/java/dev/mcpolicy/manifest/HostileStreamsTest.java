package dev.mcpolicy.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.mcpolicy.manifest.LoaderTestSupport.LOADER;
import static dev.mcpolicy.manifest.LoaderTestSupport.onlyProblem;
import static dev.mcpolicy.manifest.LoaderTestSupport.pos;
import static dev.mcpolicy.manifest.LoaderTestSupport.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input that used to hang the loader or lose whole files: FIFOs and devices, one huge scalar, a bad byte in one
 * document, a byte order mark in the middle of a stream. Timeouts only catch a hang; speed is measured in bench/.
 */
class HostileStreamsTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = fifo("input.yaml");
        LoadResult result = LOADER.loadFile(fifo, "input.yaml");
        assertEquals(List.of(), result.documents());
        InputProblem problem = onlyProblem(result);
        assertEquals(InputProblem.Severity.ERROR, problem.severity());
        assertEquals("input.yaml:1:1: " + InputReader.NOT_A_REGULAR_FILE, problem.oneLine());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aDeviceIsRefused() {
        InputProblem problem = onlyProblem(LOADER.loadFile(Path.of("/dev/zero"), "/dev/zero"));
        assertTrue(problem.message().startsWith("is not a regular file"), problem.message());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aFolderScanSkipsAFifoWithANoteAndListsTheFiles() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "kind: Pod\n");
        fifo("b.yaml");
        Files.writeString(dir.resolve("c.yml"), "kind: Service\n");
        FolderScan scan = ManifestLoader.scanFolder(dir, "rendered");
        assertEquals(List.of(dir.resolve("a.yaml"), dir.resolve("c.yml")), scan.files());
        InputProblem note = scan.problems().get(0);
        assertEquals(1, scan.problems().size());
        assertEquals(InputProblem.Severity.NOTE, note.severity());
        assertEquals("rendered/b.yaml", note.file());
        assertEquals(List.of(dir.resolve("a.yaml"), dir.resolve("c.yml")), ManifestLoader.expandFolder(dir));
    }

    /** 32 MB in one plain scalar: snakeyaml's chunked reader used to copy the unread rest with every 1 KB chunk. */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void oneHugeScalarLoadsInLinearTime() {
        int length = 32 * 1024 * 1024;
        StringBuilder text = new StringBuilder(length + 100).append("kind: ConfigMap\ndata:\n  big: ");
        text.append("x".repeat(length)).append("\n  after: 1\n");
        LoadResult result = LOADER.loadText("big.yaml", text.toString());
        assertEquals(List.of(), result.problems());
        ManifestDocument document = result.documents().get(0);
        assertEquals(length, document.content().path("data").path("big").textValue().length());
        assertEquals(pos(4, 3), span(document, "/data/after").key());
    }

    @Test
    void aBadUtf8ByteCostsOnlyItsDocument() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8("kind: Pod\nmetadata: {name: one}\n---\nkind: Pod\nmetadata: {name: t"));
        bytes.write(0xC3); // a lead byte followed by an ASCII byte: invalid
        bytes.writeBytes(utf8("wo}\n---\nkind: Pod\nmetadata: {name: three}\n"));
        Path file = dir.resolve("mixed.yaml");
        Files.write(file, bytes.toByteArray());

        LoadResult result = LOADER.loadFile(file, "mixed.yaml");
        assertEquals(List.of("one", "three"), names(result));
        assertEquals(List.of(0, 2), result.documents().stream().map(ManifestDocument::index).toList());
        InputProblem problem = onlyProblem(result);
        assertEquals(InputProblem.Severity.ERROR, problem.severity());
        assertEquals(pos(5, 19), new Position(problem.line(), problem.column()));
        assertTrue(problem.message().contains("UTF-8"), problem.message());
        assertEquals(pos(8, 18), span(result.documents().get(1), "/metadata/name").valueStart(),
                "positions after the bad byte stay exact");
    }

    @Test
    void aLoneUtf16SurrogateCostsOnlyItsDocument() throws IOException {
        String first = "kind: Pod\nmetadata: {name: one}\n---\nkind: Pod\nmetadata: {name: ";
        String rest = "two}\n---\nkind: Pod\nmetadata: {name: three}\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xFE});
        bytes.writeBytes(first.getBytes(StandardCharsets.UTF_16LE));
        bytes.writeBytes(new byte[]{0x00, (byte) 0xDC}); // a low surrogate with no high one before it
        bytes.writeBytes(rest.getBytes(StandardCharsets.UTF_16LE));
        Path file = dir.resolve("utf16.yaml");
        Files.write(file, bytes.toByteArray());

        LoadResult result = LOADER.loadFile(file, "utf16.yaml");
        assertEquals(List.of("one", "three"), names(result));
        InputProblem problem = onlyProblem(result);
        assertEquals(5, problem.line());
        assertTrue(problem.message().contains("UTF-16"), problem.message());
    }

    @Test
    void binaryInputIsStillRefusedAsAWholeFile() throws IOException {
        byte[] bytes = new byte[8 * InputReader.MAX_BAD_SEQUENCES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 2 == 0 ? 0xFF : 'a');
        }
        Path file = dir.resolve("binary.yaml");
        Files.write(file, bytes);
        LoadResult result = LOADER.loadFile(file, "binary.yaml");
        assertEquals(List.of(), result.documents());
        InputProblem problem = onlyProblem(result);
        assertEquals(pos(1, 1), new Position(problem.line(), problem.column()));
        assertTrue(problem.message().contains("not valid UTF-8"), problem.message());
    }

    /** What {@code cat a.yaml b.yaml c.yaml} gives when b and c were saved with a byte order mark. */
    @Test
    void byteOrderMarksOfConcatenatedFilesAreDropped() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(utf8("kind: Pod\nmetadata: {name: one}\n"));
        bytes.writeBytes(BOM);
        bytes.writeBytes(utf8("---\nkind: Pod\nmetadata: {name: two}\n"));
        bytes.writeBytes(BOM);
        bytes.writeBytes(utf8("---\n# Source: chart/templates/three.yaml\nkind: Pod\nmetadata: {name: three}\n"));
        Path file = dir.resolve("all.yaml");
        Files.write(file, bytes.toByteArray());

        LoadResult result = LOADER.loadFile(file, "all.yaml");
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("one", "two", "three"), names(result), "a mark no longer hides a '---' marker");
        assertEquals("chart/templates/three.yaml", result.documents().get(2).helmSource());
        LoadResult separate = LOADER.loadText("s.yaml", "kind: Pod\n---\n\uFEFFkind: Service\n---\n\uFEFF---\nkind: X\n");
        assertEquals(List.of(), separate.problems());
        assertEquals(List.of("Pod", "Service", "X"),
                separate.documents().stream().map(d -> d.content().path("kind").asText()).toList());
        assertEquals(pos(3, 1), span(separate.documents().get(1), "/kind").key(), "columns count after the mark");
    }

    @Test
    void aByteOrderMarkInsideALineIsLeftAlone() {
        LoadResult result = LOADER.loadText("in.yaml", "kind: Pod\nnote: a\uFEFFb\n");
        assertEquals("a\uFEFFb", result.documents().get(0).content().path("note").asText());
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo failed");
        return fifo;
    }

    private static List<String> names(LoadResult result) {
        return result.documents().stream().map(ManifestDocument::content)
                .map(content -> content.path("metadata").path("name")).map(JsonNode::asText).toList();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

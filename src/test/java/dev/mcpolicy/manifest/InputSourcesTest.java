package dev.mcpolicy.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.mcpolicy.manifest.LoaderTestSupport.LOADER;
import static dev.mcpolicy.manifest.LoaderTestSupport.assertOneLineWithoutJavaNames;
import static dev.mcpolicy.manifest.LoaderTestSupport.onlyProblem;
import static dev.mcpolicy.manifest.LoaderTestSupport.pos;
import static dev.mcpolicy.manifest.LoaderTestSupport.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputSourcesTest {
    @TempDir
    Path dir;

    @Test
    void loadsAFileUnderItsDisplayPath() throws IOException {
        Path file = write("deploy.yaml", "kind: Deployment\n---\nkind: Service\n");
        LoadResult result = LOADER.loadFile(file, "charts/deploy.yaml");
        assertEquals(List.of(), result.problems());
        assertEquals(2, result.documents().size());
        assertEquals("charts/deploy.yaml", result.documents().get(1).file());
        assertEquals(pos(3, 1), span(result.documents().get(1), "/kind").key());
    }

    @Test
    void missingFileIsAProblemAtLineOne() {
        assertReadProblem(LOADER.loadFile(dir.resolve("nope.yaml"), "nope.yaml"), "nope.yaml", "not found");
    }

    @Test
    void folderIsAProblem() {
        assertReadProblem(LOADER.loadFile(dir, "some/dir"), "some/dir", "is a folder");
    }

    @Test
    void unreadablePathIsAProblem() throws IOException {
        Path file = write("plain.yaml", "a: 1\n");
        assertReadProblem(LOADER.loadFile(file.resolve("child.yaml"), "plain.yaml/child.yaml"),
                "plain.yaml/child.yaml", "");
    }

    @Test
    void invalidUtf8IsAProblemAtTheBadByte() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[]{'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xE9, '\n'});
        LoadResult result = LOADER.loadFile(file, "latin1.yaml");
        assertEquals(List.of(), result.documents());
        InputProblem problem = onlyProblem(result);
        assertEquals(InputProblem.Severity.ERROR, problem.severity());
        assertEquals(pos(2, 4), new Position(problem.line(), problem.column()));
        assertTrue(problem.message().contains("UTF-8"), problem.message());
        assertOneLineWithoutJavaNames(problem.message());
    }

    @Test
    void aWrittenReplacementCharacterIsTextAndOnlyABadByteIsAProblem() throws IOException {
        Path file = dir.resolve("replacement.yaml");
        Files.writeString(file, "a: \uFFFD\n");
        LoadResult clean = LOADER.loadFile(file, "replacement.yaml");
        assertEquals(List.of(), clean.problems());
        assertEquals("\uFFFD", clean.documents().get(0).content().path("a").textValue());

        java.io.ByteArrayOutputStream both = new java.io.ByteArrayOutputStream();
        both.writeBytes("a: \uFFFD\n---\nb: ".getBytes(StandardCharsets.UTF_8));
        both.write(0xE9);
        both.writeBytes("\n---\nc: 1\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, both.toByteArray());
        LoadResult mixed = LOADER.loadFile(file, "replacement.yaml");
        assertEquals(List.of("\uFFFD", "1"), mixed.documents().stream()
                .map(doc -> doc.content().elements().hasNext() ? doc.content().elements().next().asText() : "")
                .toList());
        InputProblem problem = onlyProblem(mixed);
        assertEquals(pos(3, 4), new Position(problem.line(), problem.column()));
    }

    @Test
    void tooLargeFileIsAProblem() throws IOException {
        Path file = write("big.yaml", "a: 12345678901234567890\n");
        ManifestLoader small = new ManifestLoader(LoaderLimits.DEFAULTS.withMaxFileBytes(10));
        assertReadProblem(small.loadFile(file, "big.yaml"), "big.yaml", "too large");
    }

    @Test
    void utf8ByteOrderMarkAndUtf16AreRead() throws IOException {
        Path utf8 = dir.resolve("bom.yaml");
        byte[] body = "kind: Pod\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(utf8, withBom);
        LoadResult fromUtf8 = LOADER.loadFile(utf8, "bom.yaml");
        assertEquals(pos(1, 7), span(fromUtf8.documents().get(0), "/kind").valueStart());

        Path utf16 = dir.resolve("utf16.yaml");
        Files.write(utf16, "\uFEFFkind: Pod\n".getBytes(StandardCharsets.UTF_16LE));
        LoadResult fromUtf16 = LOADER.loadFile(utf16, "utf16.yaml");
        assertEquals(List.of(), fromUtf16.problems());
        assertEquals("Pod", fromUtf16.documents().get(0).content().get("kind").textValue());
    }

    @Test
    void standardInputIsNamedStdin() {
        InputStream in = new ByteArrayInputStream("a: 1\n---\nb: [\n".getBytes(StandardCharsets.UTF_8));
        LoadResult result = LOADER.loadStdin(in);
        assertEquals(1, result.documents().size());
        assertEquals("<stdin>", result.documents().get(0).file());
        InputProblem problem = onlyProblem(result);
        assertEquals("<stdin>", problem.file());
        assertEquals(3, problem.line());
    }

    @Test
    void failingStandardInputIsAProblem() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("device gone");
            }
        };
        assertReadProblem(LOADER.loadStdin(broken), "<stdin>", "device gone");
    }

    @Test
    void tooLargeStandardInputIsAProblem() {
        ManifestLoader small = new ManifestLoader(LoaderLimits.DEFAULTS.withMaxFileBytes(4));
        InputStream in = new ByteArrayInputStream("a: 12345\n".getBytes(StandardCharsets.UTF_8));
        assertReadProblem(small.loadStdin(in), "<stdin>", "too large");
    }

    @Test
    void folderExpansionIsSortedByRelativePathAndSkipsHiddenEntries() throws IOException {
        write("b.yaml", "");
        write("a.yml", "");
        write("a-b.yaml", "");
        write("a/b.yaml", "");
        write("sub/deeper/c.YAML", "");
        write("sub/notes.txt", "");
        write(".hidden/x.yaml", "");
        write("sub/.cache/y.yaml", "");
        write(".dotfile.yaml", "");
        Files.createDirectories(dir.resolve("empty"));
        List<String> relative = ManifestLoader.expandFolder(dir).stream()
                .map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
        assertEquals(List.of("a-b.yaml", "a.yml", "a/b.yaml", "b.yaml", "sub/deeper/c.YAML"), relative);
    }

    @Test
    void folderGivenAsASymbolicLinkIsListedUnderTheLink() throws IOException {
        write("real/x.yaml", "");
        write("real/sub/y.yml", "");
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
        assertEquals(List.of(link.resolve("sub/y.yml"), link.resolve("x.yaml")), ManifestLoader.expandFolder(link));
    }

    @Test
    void folderExpansionOfAHiddenRootStillLists() throws IOException {
        write(".config/app.yaml", "");
        assertEquals(1, ManifestLoader.expandFolder(dir.resolve(".config")).size());
    }

    @Test
    void folderExpansionOfAMissingFolderFailsClearly() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ManifestLoader.expandFolder(dir.resolve("missing")));
        assertTrue(e.getMessage().contains("folder not found"), e.getMessage());
        FolderScan scan = ManifestLoader.scanFolder(dir.resolve("missing"), "missing");
        assertEquals(List.of(InputProblem.error("missing", 1, 1, "folder not found")), scan.problems());
    }

    @Test
    void chartFoldersAreRecognised() throws IOException {
        write("chart/Chart.yaml", "apiVersion: v2\nname: mcp\n");
        write("plain/x.yaml", "");
        assertTrue(ManifestLoader.isChartFolder(dir.resolve("chart")));
        assertFalse(ManifestLoader.isChartFolder(dir.resolve("plain")));
        assertFalse(ManifestLoader.isChartFolder(dir.resolve("missing")));
    }

    private InputProblem assertReadProblem(LoadResult result, String file, String messagePart) {
        assertEquals(List.of(), result.documents());
        InputProblem problem = onlyProblem(result);
        assertEquals(InputProblem.Severity.ERROR, problem.severity());
        assertEquals(file, problem.file());
        assertEquals(1, problem.line());
        assertEquals(1, problem.column());
        assertTrue(problem.message().contains(messagePart), problem.message());
        assertOneLineWithoutJavaNames(problem.message());
        return problem;
    }

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}

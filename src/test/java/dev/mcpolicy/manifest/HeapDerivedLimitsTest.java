package dev.mcpolicy.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.mcpolicy.manifest.LoaderTestSupport.assertOneLineWithoutJavaNames;
import static dev.mcpolicy.manifest.LoaderTestSupport.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loader's size limits follow the maximum heap, and a refusal says how large, what limit, and what to do. */
class HeapDerivedLimitsTest {
    private static final long MB = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void theFileLimitGrowsWithTheHeap() {
        LoaderLimits small = LoaderLimits.forHeap(512 * MB);
        LoaderLimits large = LoaderLimits.forHeap(6144 * MB);
        assertEquals((512 * MB - LoaderLimits.HEAP_RESERVE) / LoaderLimits.HEAP_PER_INPUT_BYTE, small.maxFileBytes());
        assertTrue(large.maxFileBytes() > 75_000_000L, "10,000 copies of an MCP render (75 MB) fit a 6 GB heap");
        assertEquals(large.maxFileBytes(), large.maxCodePoints());
        assertTrue(LoaderLimits.heapFor(large.maxFileBytes()) <= 6144 * MB);
    }

    @Test
    void theLimitStaysWithinWhatOneTextCanHold() {
        LoaderLimits huge = LoaderLimits.forHeap(1L << 40);
        assertEquals(Integer.MAX_VALUE - 16, huge.maxFileBytes());
        assertEquals(MB, LoaderLimits.forHeap(16 * MB).maxFileBytes(), "a tiny heap still reads small files");
    }

    @Test
    void theDefaultsFollowThisJvmsHeap() {
        assertEquals(LoaderLimits.forHeap(Runtime.getRuntime().maxMemory()), LoaderLimits.DEFAULTS);
        assertEquals(Runtime.getRuntime().maxMemory(), LoaderLimits.DEFAULTS.heapBytes());
    }

    @Test
    void aFileAboveTheHeapsLimitIsRefusedWithTheSizeTheLimitAndTheFix() throws IOException {
        LoaderLimits limits = LoaderLimits.forHeap(LoaderLimits.heapFor(2 * MB));
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, "a: b\n".repeat((int) (3 * MB / 5)));
        InputProblem problem = onlyProblem(new ManifestLoader(limits).loadFile(file, "big.yaml"));
        assertEquals(1, problem.line());
        assertEquals("the input is too large (" + Files.size(file) + " bytes); the limit is 2097152 bytes with Java's maximum heap of "
                + "80 MB: split the input into several files, or give Java more heap, e.g. MCPOLICY_JAVA_OPTS=-Xmx1g",
                problem.message());
        assertOneLineWithoutJavaNames(problem.message());
    }

    @Test
    void standardInputAboveTheLimitNamesTheLimitAndTheHeapItNeeds() {
        LoaderLimits limits = LoaderLimits.forHeap(LoaderLimits.heapFor(2 * MB));
        byte[] input = "a: b\n".repeat((int) (3 * MB / 5)).getBytes();
        InputProblem problem = onlyProblem(new ManifestLoader(limits).loadStdin(new ByteArrayInputStream(input)));
        assertTrue(problem.message().startsWith("the input is too large (more than 2097152 bytes); the limit is 2097152"
                + " bytes with Java's maximum heap of 80 MB"), problem.message());
    }

    @Test
    void aFileJustWithinTheLimitIsRead() throws IOException {
        LoaderLimits limits = LoaderLimits.forHeap(LoaderLimits.heapFor(2 * MB));
        Path file = dir.resolve("fits.yaml");
        Files.writeString(file, "a: b\n".repeat((int) (2 * MB / 5)));
        assertEquals(1, new ManifestLoader(limits).loadFile(file, "fits.yaml").documents().size());
    }

    @Test
    void aTextAboveTheCharacterLimitIsRefusedTheSameWay() {
        LoaderLimits limits = LoaderLimits.forHeap(LoaderLimits.heapFor(2 * MB));
        InputProblem problem = onlyProblem(new ManifestLoader(limits).loadText("render", "a: b\n".repeat(500_000)));
        assertTrue(problem.message().startsWith("the input is too large (2500000 characters); the limit is 2097152"
                + " characters"), problem.message());
        assertTrue(problem.message().endsWith("MCPOLICY_JAVA_OPTS=-Xmx1g"), problem.message());
    }

    @Test
    void theDocumentLimitGrowsWithTheHeapAndItsMessageSaysSo() {
        assertEquals(200_000, LoaderLimits.forHeap(256 * MB).maxDocuments(), "never below the bound of old");
        LoaderLimits sixGigabytes = LoaderLimits.forHeap(6144 * MB);
        assertTrue(sixGigabytes.maxDocuments() > 700_000, "100,000 copies of a 7-document render");
        assertEquals("the stream has more than " + sixGigabytes.maxDocuments() + " documents; the rest were not read"
                + " (the limit with Java's maximum heap of 6144 MB): split the input into several files, or give Java"
                + " more heap, e.g. MCPOLICY_JAVA_OPTS=-Xmx12g", sixGigabytes.tooManyDocuments());
        assertEquals("the stream has more than 2 documents; the rest were not read",
                sixGigabytes.withMaxDocuments(2).tooManyDocuments(), "a bound set by the caller is not the heap's");
    }

    @Test
    void aBoundSetByTheCallerIsRefusedWithoutTalkOfHeap() throws IOException {
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, "a: 12345678901234567890\n");
        InputProblem problem = onlyProblem(new ManifestLoader(LoaderLimits.DEFAULTS.withMaxFileBytes(10))
                .loadFile(file, "small.yaml"));
        assertEquals("the input is too large (24 bytes); the limit is 10 bytes", problem.message());
    }
}

package dev.mcpolicy.manifest;

/**
 * Bounds that keep hostile or broken input from exhausting memory or time. Input beyond a bound becomes an
 * {@link InputProblem}, never an exception.
 *
 * <p>The size bounds of {@link #DEFAULTS} follow the JVM's maximum heap ({@link #forHeap}): a file is read whole, and
 * checking it holds its text, its documents' trees and positions and the resource graph at once.
 *
 * @param maxFileBytes      largest file or standard input read, in bytes
 * @param maxCodePoints     largest text stream parsed, in characters
 * @param maxDocuments      documents read from one stream; the rest are reported and ignored
 * @param maxDepth          deepest nesting of collections in a document, counted after alias expansion
 * @param maxAliases        alias uses ({@code *name}) allowed in one document
 * @param maxAliasExpansion nodes that aliases and merge keys may add to a document beyond the ones written
 *                          out in its text (the defence against "billion laughs" alias bombs)
 * @param heapBytes         the maximum heap the bounds were derived from ({@link #forHeap}), or 0; a bound set with a
 *                          {@code with…} method is not the heap's, and its refusal does not suggest more heap
 */
public record LoaderLimits(long maxFileBytes, int maxCodePoints, int maxDocuments, int maxDepth, int maxAliases,
                           int maxAliasExpansion, long heapBytes) {

    /** Heap a run needs whatever its input: the JVM's own objects, the rule pack, report buffers. */
    static final long HEAP_RESERVE = 64L << 20;
    /**
     * Heap per byte of input. A check of 8,000 copies of an MCP render (60 MB) needed 250 MB of heap at its peak
     * (4.2 bytes per input byte; with less it ran out of memory or spent most of its time collecting): doubled, so
     * that the collector has room and denser YAML (shorter scalars, more nodes per byte) still fits.
     */
    static final int HEAP_PER_INPUT_BYTE = 8;
    /**
     * Heap per document, for streams of many small documents: 200,000 ConfigMaps of 60 bytes each needed 200 MB, about
     * 1 KB a document (its tree, positions, graph object) beside the bytes; doubled as above.
     */
    static final int HEAP_PER_DOCUMENT = 2048;
    /** The document bound of a small heap is never below the bound of earlier versions. */
    private static final int MIN_DOCUMENTS = 200_000;
    /** The largest array, and so the largest text, the JVM holds. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;
    private static final long MIN_FILE_BYTES = 1L << 20;

    public static final LoaderLimits DEFAULTS = forHeap(Runtime.getRuntime().maxMemory());

    public LoaderLimits {
        requirePositive(maxFileBytes, "maxFileBytes");
        requirePositive(maxCodePoints, "maxCodePoints");
        requirePositive(maxDocuments, "maxDocuments");
        requirePositive(maxDepth, "maxDepth");
        requirePositive(maxAliases, "maxAliases");
        requirePositive(maxAliasExpansion, "maxAliasExpansion");
        if (heapBytes < 0) {
            throw new IllegalArgumentException("heapBytes must not be negative, was " + heapBytes);
        }
    }

    /** The default bounds for a JVM whose maximum heap is {@code heapBytes}. */
    public static LoaderLimits forHeap(long heapBytes) {
        long fileBytes = Math.max(MIN_FILE_BYTES, Math.min(MAX_ARRAY, (heapBytes - HEAP_RESERVE) / HEAP_PER_INPUT_BYTE));
        int documents = (int) Math.max(MIN_DOCUMENTS,
                Math.min(Integer.MAX_VALUE, (heapBytes - HEAP_RESERVE) / HEAP_PER_DOCUMENT));
        // A UTF-8 file holds at most as many characters as bytes.
        return new LoaderLimits(fileBytes, (int) fileBytes, documents, 256, 10_000, 250_000, heapBytes);
    }

    /** The maximum heap that lets a run read a file of this size. */
    static long heapFor(long inputBytes) {
        return HEAP_RESERVE + inputBytes * HEAP_PER_INPUT_BYTE;
    }

    /**
     * Why an input was refused, with the fix.
     *
     * @param size   the input's size, {@code -1} when unknown (standard input is read only up to the limit)
     * @param unit   "bytes" or "characters"
     * @param limit  the bound it broke
     */
    String tooLarge(long size, String unit, long limit) {
        String actual = size >= 0 ? " (" + size + " " + unit + ")" : " (more than " + limit + " " + unit + ")";
        LoaderLimits heapDefaults = heapDefaults();
        if (heapDefaults == null || (limit != heapDefaults.maxFileBytes() && limit != heapDefaults.maxCodePoints())) {
            return "the input is too large" + actual + "; the limit is " + limit + " " + unit;
        }
        long needed = heapFor(Math.max(size, limit + 1));
        return "the input is too large" + actual + "; the limit is " + limit + " " + unit + " with Java's maximum heap of "
                + megabytes(heapBytes) + ": split the input into several files, or give Java more heap, e.g. "
                + "MCPOLICY_JAVA_OPTS=-Xmx" + gigabytes(needed) + "g";
    }

    /** Why a stream's documents after the first {@link #maxDocuments} were not read, with the fix. */
    String tooManyDocuments() {
        String problem = "the stream has more than " + maxDocuments + " documents; the rest were not read";
        LoaderLimits heapDefaults = heapDefaults();
        if (heapDefaults == null || maxDocuments != heapDefaults.maxDocuments()) {
            return problem;
        }
        long needed = HEAP_RESERVE + (maxDocuments + 1L) * 2 * HEAP_PER_DOCUMENT;
        return problem + " (the limit with Java's maximum heap of " + megabytes(heapBytes) + "): split the input into"
                + " several files, or give Java more heap, e.g. MCPOLICY_JAVA_OPTS=-Xmx" + gigabytes(needed) + "g";
    }

    /** The bounds this heap gives, or null when the bounds were not derived from a heap. */
    private LoaderLimits heapDefaults() {
        return heapBytes == 0 ? null : forHeap(heapBytes);
    }

    private static long gigabytes(long bytes) {
        return (bytes + (1L << 30) - 1) >> 30;
    }

    private static String megabytes(long bytes) {
        return (bytes >> 20) + " MB";
    }

    public LoaderLimits withMaxFileBytes(long value) {
        return new LoaderLimits(value, maxCodePoints, maxDocuments, maxDepth, maxAliases, maxAliasExpansion,
                heapBytes);
    }

    public LoaderLimits withMaxCodePoints(int value) {
        return new LoaderLimits(maxFileBytes, value, maxDocuments, maxDepth, maxAliases, maxAliasExpansion,
                heapBytes);
    }

    public LoaderLimits withMaxDocuments(int value) {
        return new LoaderLimits(maxFileBytes, maxCodePoints, value, maxDepth, maxAliases, maxAliasExpansion, heapBytes);
    }

    public LoaderLimits withMaxDepth(int value) {
        return new LoaderLimits(maxFileBytes, maxCodePoints, maxDocuments, value, maxAliases, maxAliasExpansion,
                heapBytes);
    }

    public LoaderLimits withMaxAliases(int value) {
        return new LoaderLimits(maxFileBytes, maxCodePoints, maxDocuments, maxDepth, value, maxAliasExpansion,
                heapBytes);
    }

    public LoaderLimits withMaxAliasExpansion(int value) {
        return new LoaderLimits(maxFileBytes, maxCodePoints, maxDocuments, maxDepth, maxAliases, value, heapBytes);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}

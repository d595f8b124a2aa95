package dev.mcpolicy.manifest;

/**
 * Bounds that keep hostile or broken input from exhausting memory or time. Input beyond a bound becomes an
 * {@link InputProblem}, never an exception.
 *
 * @param maxFileBytes      largest file or standard input read, in bytes
 * @param maxCodePoints     largest text stream parsed, in characters
 * @param maxDocuments      documents read from one stream; the rest are reported and ignored
 * @param maxDepth          deepest nesting of collections in a document, counted after alias expansion
 * @param maxAliases        alias uses ({@code *name}) allowed in one document
 * @param maxAliasExpansion nodes that aliases and merge keys may add to a document beyond the ones written
 *                          out in its text (the defence against "billion laughs" alias bombs)
 */
public record LoaderLimits(long maxFileBytes, int maxCodePoints, int maxDocuments, int maxDepth, int maxAliases,
                           int maxAliasExpansion) {

    public static final LoaderLimits DEFAULTS =
            new LoaderLimits(64L * 1024 * 1024, 64 * 1024 * 1024, 200_000, 256, 10_000, 250_000);

    public LoaderLimits {
        requirePositive(maxFileBytes, "maxFileBytes");
        requirePositive(maxCodePoints, "maxCodePoints");
        requirePositive(maxDocuments, "maxDocuments");
        requirePositive(maxDepth, "maxDepth");
        requirePositive(maxAliases, "maxAliases");
        requirePositive(maxAliasExpansion, "maxAliasExpansion");
    }

    public LoaderLimits withMaxFileBytes(long value) {
        return new LoaderLimits(value, maxCodePoints, maxDocuments, maxDepth, maxAliases, maxAliasExpansion);
    }

    public LoaderLimits withMaxCodePoints(int value) {
        return new LoaderLimits(maxFileBytes, value, maxDocuments, maxDepth, maxAliases, maxAliasExpansion);
    }

    public LoaderLimits withMaxDocuments(int value) {
        return new LoaderLimits(maxFileBytes, maxCodePoints, value, maxDepth, maxAliases, maxAliasExpansion);
    }

    public LoaderLimits withMaxDepth(int value) {
        return new LoaderLimits(maxFileBytes, maxCodePoints, maxDocuments, value, maxAliases, maxAliasExpansion);
    }

    public LoaderLimits withMaxAliases(int value) {
        return new LoaderLimits(maxFileBytes, maxCodePoints, maxDocuments, maxDepth, value, maxAliasExpansion);
    }

    public LoaderLimits withMaxAliasExpansion(int value) {
        return new LoaderLimits(maxFileBytes, maxCodePoints, maxDocuments, maxDepth, maxAliases, value);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}

package dev.mcpolicy.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the file names of findings into SARIF uris relative to the source root.
 *
 * <p>A file inside the root becomes its root-relative path: forward slashes, no {@code ./}, symlinks resolved,
 * percent-encoded. A file outside the root (or {@code <stdin>}) keeps the name as given, percent-encoded, and is
 * marked so the SARIF report can say that code scanning cannot show it. Results are cached per name, so a run with
 * many findings in few files touches the file system once per file.
 */
final class SourcePaths {
    static final String STDIN = "<stdin>";

    private final Path baseDirectory;
    private final Path sourceRoot;
    private final Map<String, RepoPath> cache = new HashMap<>();

    /**
     * @param uri          percent-encoded, for SARIF
     * @param path         the same path as plain text, for formats that take a file name (GitHub, GitLab)
     * @param inRepository false for files outside the source root and for standard input
     */
    record RepoPath(String uri, String path, boolean inRepository) {
    }

    SourcePaths(Path baseDirectory, Path sourceRoot) {
        this.baseDirectory = baseDirectory;
        this.sourceRoot = realOrNormal(sourceRoot);
    }

    RepoPath locate(String file) {
        return cache.computeIfAbsent(file, this::resolve);
    }

    private RepoPath resolve(String file) {
        if (file == null || file.isBlank() || file.equals(STDIN)) {
            String name = file == null ? "" : file;
            return new RepoPath(percentEncode(name), name, false);
        }
        Path absolute;
        try {
            absolute = realOrNormal(baseDirectory.resolve(file));
        } catch (InvalidPathException e) {
            return new RepoPath(percentEncode(file), file, false);
        }
        if (absolute.startsWith(sourceRoot) && !absolute.equals(sourceRoot)) {
            String relative = slashed(sourceRoot.relativize(absolute));
            return new RepoPath(percentEncode(relative), relative, true);
        }
        String given = file.replace('\\', '/');
        return new RepoPath(percentEncode(given), given, false);
    }

    private static Path realOrNormal(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            try {
                return absolute.toRealPath();
            } catch (IOException | SecurityException e) {
                return absolute;
            }
        }
        return absolute;
    }

    private static String slashed(Path relative) {
        StringBuilder text = new StringBuilder();
        for (Path name : relative) {
            if (!text.isEmpty()) {
                text.append('/');
            }
            text.append(name);
        }
        return text.toString();
    }

    /** Percent-encodes everything except RFC 3986 unreserved characters and the path separator. */
    static String percentEncode(String path) {
        StringBuilder encoded = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c) || c == '/') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}

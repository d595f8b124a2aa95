package dev.mcpolicy.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The texts of the files findings point into, read once per file: captured texts (standard input) first, then the
 * disk. Gives the line hash of a line and the end of the token at a position.
 */
final class SourceTexts {
    private final Path baseDirectory;
    private final Map<String, String> capturedTexts;
    private final Map<String, Optional<FileText>> cache = new HashMap<>();

    SourceTexts(Path baseDirectory, Map<String, String> capturedTexts) {
        this.baseDirectory = baseDirectory;
        this.capturedTexts = capturedTexts;
    }

    /** True when the file's text is known (captured or readable). */
    boolean available(String file) {
        return text(file).isPresent();
    }

    /** GitHub's {@code primaryLocationLineHash} of {@code line}, or empty when the text or the line is missing. */
    Optional<String> lineHash(String file, int line) {
        return text(file).flatMap(text -> text.lineHash(line));
    }

    /**
     * Exclusive end column of the YAML token (key or scalar) starting at {@code column}, or 0 when unknown.
     * Quoted tokens end after their closing quote; plain ones before {@code ": "}, {@code " #"} or the line end.
     */
    int tokenEnd(String file, int line, int column) {
        return text(file).flatMap(text -> text.line(line)).map(lineText -> tokenEnd(lineText, column)).orElse(0);
    }

    static int tokenEnd(String line, int column) {
        int start = column - 1;
        if (start < 0 || start >= line.length()) {
            return 0;
        }
        char first = line.charAt(start);
        if (first == '"' || first == '\'') {
            int close = closingQuote(line, start, first);
            return close < 0 ? line.length() + 1 : close + 2;
        }
        int end = start;
        while (end < line.length()) {
            char c = line.charAt(end);
            boolean nextIsBlank = end + 1 >= line.length() || Character.isWhitespace(line.charAt(end + 1));
            if (c == ':' && nextIsBlank) {
                break;
            }
            if (Character.isWhitespace(c) && !nextIsBlank && line.charAt(end + 1) == '#') {
                break;
            }
            end++;
        }
        while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return end > start ? end + 1 : 0;
    }

    private static int closingQuote(String line, int open, char quote) {
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private Optional<FileText> text(String file) {
        return cache.computeIfAbsent(file, this::load);
    }

    private Optional<FileText> load(String file) {
        String captured = capturedTexts.get(file);
        if (captured != null) {
            return Optional.of(new FileText(captured));
        }
        try {
            Path path = baseDirectory.resolve(file);
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            return Optional.of(new FileText(decodeLikeNode(Files.readAllBytes(path))));
        } catch (IOException | InvalidPathException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** UTF-8 with malformed bytes replaced, as the upload action's Node stream decoding does. */
    private static String decodeLikeNode(byte[] bytes) throws IOException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static final class FileText {
        private final String text;
        private LineHash.Fingerprints hashes;
        private int[] lineStarts;

        FileText(String text) {
            this.text = text;
        }

        Optional<String> lineHash(int line) {
            if (hashes == null) {
                hashes = LineHash.fingerprints(text);
            }
            return line >= 1 && line <= hashes.size() ? Optional.of(hashes.line(line)) : Optional.empty();
        }

        Optional<String> line(int line) {
            if (lineStarts == null) {
                lineStarts = lineStarts(text);
            }
            int lines = lineStarts.length - 1;
            if (line < 1 || line > lines) {
                return Optional.empty();
            }
            int start = lineStarts[line - 1];
            int end = line == lines ? text.length() : lineStarts[line];
            // Cut the line break off: LF, CRLF or CR.
            if (line < lines) {
                end--;
                if (text.charAt(end) == '\n' && end > start && text.charAt(end - 1) == '\r') {
                    end--;
                }
            }
            return Optional.of(text.substring(start, end));
        }

        /**
         * Where each line starts, as YAML counts lines (LF, CRLF and CR each end one), plus the text's length at the
         * end; kept as offsets, since a large render has millions of lines and a report reads a few.
         */
        private static int[] lineStarts(String text) {
            int[] starts = new int[1024];
            int count = 0;
            starts[count++] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (count + 1 >= starts.length) {
                        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
            starts[count++] = text.length();
            return java.util.Arrays.copyOf(starts, count);
        }
    }
}

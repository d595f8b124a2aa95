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
        private List<String> hashes;
        private List<String> lines;

        FileText(String text) {
            this.text = text;
        }

        Optional<String> lineHash(int line) {
            if (hashes == null) {
                hashes = LineHash.of(text);
            }
            return line >= 1 && line <= hashes.size() ? Optional.of(hashes.get(line - 1)) : Optional.empty();
        }

        Optional<String> line(int line) {
            if (lines == null) {
                lines = splitLines(text);
            }
            return line >= 1 && line <= lines.size() ? Optional.of(lines.get(line - 1)) : Optional.empty();
        }

        /** Lines as YAML counts them: LF, CRLF and CR each end a line. */
        private static List<String> splitLines(String text) {
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    lines.add(text.substring(start, i));
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    start = i + 1;
                }
            }
            lines.add(text.substring(start));
            return lines;
        }
    }
}

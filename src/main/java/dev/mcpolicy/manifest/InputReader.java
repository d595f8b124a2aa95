package dev.mcpolicy.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a file or a stream into text, turning every failure into a one-line reason. */
final class InputReader {
    private InputReader() {
    }

    /** Either the text or why it could not be read. */
    record Outcome(String text, String failure) {
        static Outcome text(String text) {
            return new Outcome(text, null);
        }

        static Outcome failure(String reason) {
            return new Outcome(null, reason);
        }
    }

    static Outcome readFile(Path path, long maxBytes) {
        if (Files.isDirectory(path)) {
            return Outcome.failure("is a folder, not a file");
        }
        if (!Files.exists(path)) {
            return Outcome.failure("file not found");
        }
        try {
            if (Files.isRegularFile(path) && Files.size(path) > maxBytes) {
                return tooLarge(Files.size(path), maxBytes);
            }
            try (InputStream in = Files.newInputStream(path)) {
                return readStream(in, maxBytes);
            }
        } catch (AccessDeniedException e) {
            return Outcome.failure("cannot read the file: permission denied");
        } catch (NoSuchFileException e) {
            return Outcome.failure("file not found");
        } catch (FileSystemException e) {
            return Outcome.failure("cannot read the file: " + (e.getReason() != null ? e.getReason() : "I/O error"));
        } catch (IOException e) {
            return Outcome.failure("cannot read the file: " + oneLine(e.getMessage()));
        }
    }

    static Outcome readStream(InputStream in, long maxBytes) throws IOException {
        int cap = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1);
        byte[] bytes = in.readNBytes(cap);
        if (bytes.length > maxBytes) {
            return tooLarge(-1, maxBytes);
        }
        return decode(bytes);
    }

    /** UTF-8 (with or without a byte order mark), or UTF-16 when a UTF-16 byte order mark says so. */
    static Outcome decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return decodeStrict(bytes, 2, StandardCharsets.UTF_16BE.newDecoder(), "UTF-16");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return decodeStrict(bytes, 2, StandardCharsets.UTF_16LE.newDecoder(), "UTF-16");
        }
        return decodeStrict(bytes, 0, StandardCharsets.UTF_8.newDecoder(), "UTF-8");
    }

    private static Outcome decodeStrict(byte[] bytes, int skip, CharsetDecoder decoder, String encoding) {
        decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16,
                (long) (bytes.length * (double) decoder.maxCharsPerByte()) + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            return Outcome.failure("the file is not valid " + encoding + " text (first bad byte at line "
                    + lineOf(bytes, offset) + ", byte offset " + offset + ")");
        }
        out.flip();
        return Outcome.text(out.toString());
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Outcome tooLarge(long size, long maxBytes) {
        String actual = size >= 0 ? " (" + size + " bytes)" : "";
        return Outcome.failure("the input is too large" + actual + "; the limit is " + maxBytes + " bytes");
    }

    static String oneLine(String text) {
        return text == null ? "I/O error" : text.replaceAll("\\s+", " ").trim();
    }
}

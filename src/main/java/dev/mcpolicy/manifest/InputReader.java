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
import java.util.Arrays;

/** Reads a file or a stream into text, turning every failure into a one-line reason. */
final class InputReader {
    static final String NOT_A_REGULAR_FILE = "is not a regular file (a FIFO, device or socket); give a file, a folder"
            + " or '-' for standard input";
    /** Decoding errors beyond this many mean binary input, not text with a few bad bytes: the file is refused. */
    static final int MAX_BAD_SEQUENCES = 1000;
    private static final char REPLACEMENT = '\uFFFD';
    /** The largest array the JVM allocates. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private InputReader() {
    }

    /**
     * Either the text or why it could not be read.
     *
     * @param badOffsets offsets in {@code text}, ascending, where a byte sequence that is not valid in
     *                   {@code encoding} was replaced by U+FFFD; the documents holding one are reported, not read
     */
    record Outcome(String text, String failure, int[] badOffsets, String encoding) {
        static Outcome text(String text) {
            return new Outcome(text, null, new int[0], "UTF-8");
        }

        static Outcome failure(String reason) {
            return new Outcome(null, reason, new int[0], null);
        }
    }

    static Outcome readFile(Path path, LoaderLimits limits) {
        long maxBytes = limits.maxFileBytes();
        if (Files.isDirectory(path)) {
            return Outcome.failure("is a folder, not a file");
        }
        if (!Files.exists(path)) {
            return Outcome.failure("file not found");
        }
        if (!Files.isRegularFile(path)) {
            // Opening a FIFO blocks until a writer comes, and a device may never end: only files are read.
            return Outcome.failure(NOT_A_REGULAR_FILE);
        }
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                return tooLarge(size, limits);
            }
            try (InputStream in = Files.newInputStream(path)) {
                return readStream(in, size, limits);
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

    static Outcome readStream(InputStream in, LoaderLimits limits) throws IOException {
        return readStream(in, -1, limits);
    }

    /**
     * Reads at most the limit's bytes. A file's size, when known, sizes the array at once: {@code readNBytes} alone
     * collects chunks and copies them into the result, twice the input's memory at the peak.
     */
    private static Outcome readStream(InputStream in, long expectedSize, LoaderLimits limits) throws IOException {
        long maxBytes = limits.maxFileBytes();
        int cap = (int) Math.min(MAX_ARRAY, maxBytes + 1);
        byte[] bytes;
        if (expectedSize >= 0 && expectedSize < cap) {
            bytes = new byte[(int) expectedSize];
            int read = in.readNBytes(bytes, 0, bytes.length);
            if (read < bytes.length) {
                bytes = Arrays.copyOf(bytes, read); // the file shrank while being read
            } else {
                byte[] more = in.readNBytes(cap - bytes.length); // or grew
                if (more.length > 0) {
                    bytes = concat(bytes, more);
                }
            }
        } else {
            bytes = in.readNBytes(cap);
        }
        if (bytes.length > maxBytes) {
            return tooLarge(-1, limits);
        }
        return decode(bytes);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** UTF-8 (with or without a byte order mark), or UTF-16 when a UTF-16 byte order mark says so. */
    static Outcome decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return decodeStrict(bytes, 2, StandardCharsets.UTF_16BE.newDecoder(), "UTF-16");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return decodeStrict(bytes, 2, StandardCharsets.UTF_16LE.newDecoder(), "UTF-16");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf(REPLACEMENT) < 0) {
            // No replacement character, so no invalid byte: the common case needs neither a char buffer (two bytes
            // per character) nor the strict decoder's second copy of the text.
            return Outcome.text(text);
        }
        // U+FFFD stands for a bad byte, or was written in the file: the strict decoder tells which, and where.
        return decodeStrict(bytes, 0, StandardCharsets.UTF_8.newDecoder(), "UTF-8");
    }

    /**
     * Decodes, replacing each invalid byte sequence with U+FFFD and remembering where, so that one bad byte costs only
     * the document holding it. Input with more than {@link #MAX_BAD_SEQUENCES} bad sequences is not text: refused.
     */
    private static Outcome decodeStrict(byte[] bytes, int skip, CharsetDecoder decoder, String encoding) {
        decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate((int) Math.min(MAX_ARRAY,
                (long) (bytes.length * (double) decoder.maxCharsPerByte()) + 16));
        int[] bad = new int[8];
        int badCount = 0;
        int firstBadByte = -1;
        boolean flushed = false;
        while (true) {
            CoderResult result = flushed ? decoder.flush(out) : decoder.decode(in, out, true);
            if (result.isError()) {
                if (badCount == 0) {
                    firstBadByte = in.position();
                }
                if (badCount == MAX_BAD_SEQUENCES) {
                    return Outcome.failure("the file is not valid " + encoding + " text (more than "
                            + MAX_BAD_SEQUENCES + " invalid byte sequences; the first at line "
                            + lineOf(bytes, firstBadByte) + ", byte offset " + firstBadByte + ")");
                }
                if (badCount == bad.length) {
                    bad = Arrays.copyOf(bad, bad.length * 2);
                }
                bad[badCount++] = out.position();
                in.position(in.position() + result.length());
                out = ensureRoom(out, 1);
                out.put(REPLACEMENT);
            } else if (result.isOverflow()) {
                out = ensureRoom(out, 16);
            } else if (!flushed) {
                flushed = true;
            } else {
                break;
            }
        }
        out.flip();
        return new Outcome(out.toString(), null, Arrays.copyOf(bad, badCount), encoding);
    }

    private static CharBuffer ensureRoom(CharBuffer out, int room) {
        if (out.remaining() >= room) {
            return out;
        }
        CharBuffer larger = CharBuffer.allocate(out.capacity() + Math.max(room, out.capacity() / 8));
        out.flip();
        return larger.put(out);
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

    private static Outcome tooLarge(long size, LoaderLimits limits) {
        return Outcome.failure(limits.tooLarge(size, "bytes", limits.maxFileBytes()));
    }

    static String oneLine(String text) {
        return text == null ? "I/O error" : text.replaceAll("\\s+", " ").trim();
    }
}

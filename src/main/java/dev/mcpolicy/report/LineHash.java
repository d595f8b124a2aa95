package dev.mcpolicy.report;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code primaryLocationLineHash} of GitHub's SARIF upload action, reproduced code unit for code unit so that
 * alerts keep their identity whether the fingerprint comes from us or from the action.
 *
 * <p>The text is read as UTF-16 code units; spaces and tabs are skipped, CR and CRLF count as one LF. A rolling hash
 * runs over a window of {@value #WINDOW} kept units; a line's hash is the value reached once the window that starts
 * at the line's first kept unit is full. Identical hashes are told apart by a running count ({@code hash:n}).
 */
public final class LineHash {
    private static final int WINDOW = 100;
    private static final long MULTIPLIER = 37;
    /** 37^WINDOW mod 2^64: the weight of the unit that leaves the window. */
    private static final long LEAVING_WEIGHT = power(MULTIPLIER, WINDOW);
    private static final char END_OF_TEXT = 65535;
    private static final char LF = '\n';
    private static final char CR = '\r';

    private LineHash() {
    }

    /** The fingerprint of every line of {@code text}; element 0 belongs to line 1. */
    public static List<String> of(CharSequence text) {
        Fingerprints fingerprints = fingerprints(text);
        List<String> out = new ArrayList<>(fingerprints.size());
        for (int line = 1; line <= fingerprints.size(); line++) {
            out.add(fingerprints.line(line));
        }
        return out;
    }

    /**
     * The fingerprints of every line of {@code text}, kept as numbers: a large file has millions of lines and a
     * report needs the strings of the few that hold findings.
     */
    public static Fingerprints fingerprints(CharSequence text) {
        Hasher hasher = new Hasher();
        for (int i = 0; i < text.length(); i++) {
            hasher.accept(text.charAt(i));
        }
        hasher.accept(END_OF_TEXT);
        hasher.flush();
        return new Fingerprints(Arrays.copyOf(hasher.hashes, hasher.size), Arrays.copyOf(hasher.counts, hasher.size));
    }

    /** Line fingerprints: the rolling hash of each line and how often that hash occurred up to it. */
    public static final class Fingerprints {
        private final long[] hashes;
        private final int[] counts;

        private Fingerprints(long[] hashes, int[] counts) {
            this.hashes = hashes;
            this.counts = counts;
        }

        public int size() {
            return hashes.length;
        }

        /** The fingerprint of a 1-based line ({@code hash:n}). */
        public String line(int line) {
            return Long.toUnsignedString(hashes[line - 1], 16) + ":" + counts[line - 1];
        }
    }

    private static long power(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base; // wraps modulo 2^64, as the action's 64-bit arithmetic does
        }
        return result;
    }

    private static final class Hasher {
        private final char[] window = new char[WINDOW];
        /** Line number starting at each window slot, or -1. */
        private final int[] lineStarts = new int[WINDOW];
        private final TimesSeen timesSeen = new TimesSeen();
        private long[] hashes = new long[256];
        private int[] counts = new int[256];
        private int size;
        private long hash;
        private int index;
        private int lineNumber;
        private boolean atLineStart = true;
        private boolean previousWasCr;

        Hasher() {
            java.util.Arrays.fill(lineStarts, -1);
        }

        void accept(char unit) {
            if (unit == ' ' || unit == '\t' || (previousWasCr && unit == LF)) {
                previousWasCr = false;
                return;
            }
            char kept = unit;
            if (unit == CR) {
                kept = LF;
                previousWasCr = true;
            } else {
                previousWasCr = false;
            }
            if (lineStarts[index] != -1) {
                emit();
            }
            if (atLineStart) {
                atLineStart = false;
                lineNumber++;
                lineStarts[index] = lineNumber;
            }
            if (kept == LF) {
                atLineStart = true;
            }
            roll(kept);
        }

        void flush() {
            for (int i = 0; i < WINDOW; i++) {
                if (lineStarts[index] != -1) {
                    emit();
                }
                roll((char) 0);
            }
        }

        private void roll(char entering) {
            char leaving = window[index];
            window[index] = entering;
            hash = MULTIPLIER * hash + entering - LEAVING_WEIGHT * leaving;
            index = (index + 1) % WINDOW;
        }

        private void emit() {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            hashes[size] = hash;
            counts[size] = timesSeen.increment(hash);
            size++;
            lineStarts[index] = -1;
        }
    }

    /** How often each hash was seen: an open-addressing table of longs, no object per line. */
    private static final class TimesSeen {
        private long[] keys = new long[1024];
        private int[] values = new int[1024];
        private int used;

        int increment(long key) {
            if (used * 2 >= keys.length) {
                grow();
            }
            int slot = slot(keys, values, key);
            if (values[slot] == 0) {
                keys[slot] = key;
                used++;
            }
            return ++values[slot];
        }

        private static int slot(long[] keys, int[] values, long key) {
            int mask = keys.length - 1;
            int slot = (int) (mix(key) & mask);
            while (values[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldValues.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldValues[i] != 0) {
                    int slot = slot(keys, values, oldKeys[i]);
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }
    }
}

package dev.mcpolicy.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Hasher hasher = new Hasher();
        for (int i = 0; i < text.length(); i++) {
            hasher.accept(text.charAt(i));
        }
        hasher.accept(END_OF_TEXT);
        hasher.flush();
        return hasher.fingerprints;
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
        private final Map<String, Integer> timesSeen = new HashMap<>();
        private final List<String> fingerprints = new ArrayList<>();
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
            String value = Long.toUnsignedString(hash, 16);
            int count = timesSeen.merge(value, 1, Integer::sum);
            fingerprints.add(value + ":" + count);
            lineStarts[index] = -1;
        }
    }
}

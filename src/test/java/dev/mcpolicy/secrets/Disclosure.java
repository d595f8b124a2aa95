package dev.mcpolicy.secrets;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Checks that a reason names no part of the value beyond the public prefixes of known formats. */
final class Disclosure {
    private Disclosure() {
    }

    private static final char MASK = '\u0000';

    static void assertReasonHidesValue(SecretHit hit, String value) {
        String reason = hit.reason().toLowerCase(Locale.ROOT);
        String masked = value;
        for (String fragment : FakeTokens.PUBLIC_FRAGMENTS) {
            masked = masked.replace(fragment, String.valueOf(MASK).repeat(fragment.length()));
        }
        masked = masked.toLowerCase(Locale.ROOT);
        int window = Reasons.DISCLOSURE_WINDOW;
        if (masked.strip().length() < window) {
            assertFalse(masked.strip().length() >= 3 && reason.contains(masked.strip()),
                    () -> "reason shows the short value at " + hit.pointer() + ": " + hit.reason());
            return;
        }
        for (int i = 0; i + window <= masked.length(); i++) {
            String part = masked.substring(i, i + window);
            if (part.indexOf(MASK) < 0 && !part.isBlank()) {
                assertFalse(reason.contains(part),
                        () -> "reason shows part of the value at " + hit.pointer() + ": " + hit.reason());
            }
        }
    }
}

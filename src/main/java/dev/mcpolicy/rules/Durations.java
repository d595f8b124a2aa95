package dev.mcpolicy.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations the way Go's {@code time.ParseDuration} does (what most controllers use), plus a bare
 * number meaning seconds: {@code "3600"}, {@code "3600s"}, {@code "60m"}, {@code "1h30m"}, {@code "1.5h"}, {@code "500ms"}.
 */
public final class Durations {
    /** Possessive, so a long value ({@code 1s1s1s…}) cannot overflow the stack; "ms" is tried before "m". */
    private static final Pattern WHOLE = Pattern.compile("(?:\\d++(?:\\.\\d++)?+(?:h|ms|m|s|us|µs|ns))++");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private Durations() {
    }

    /** Seconds in {@code text}, or empty when it is not a duration. */
    public static Optional<BigDecimal> seconds(String text) {
        String t = text.trim();
        if (BARE_NUMBER.matcher(t).matches()) {
            return Optional.of(normalized(new BigDecimal(t)));
        }
        if (!WHOLE.matcher(t).matches()) {
            return Optional.empty();
        }
        BigDecimal total = BigDecimal.ZERO;
        Matcher part = PART.matcher(t);
        while (part.find()) {
            total = total.add(new BigDecimal(part.group(1)).multiply(unitSeconds(part.group(2))));
        }
        return Optional.of(normalized(total));
    }

    /** Without trailing zeros and never in exponent form ({@code 3600}, not {@code 3.6E+3}). */
    private static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal unitSeconds(String unit) {
        return switch (unit) {
            case "h" -> BigDecimal.valueOf(3600);
            case "m" -> BigDecimal.valueOf(60);
            case "s" -> BigDecimal.ONE;
            case "ms" -> BigDecimal.ONE.divide(BigDecimal.valueOf(1000), MathContext.DECIMAL64);
            case "us", "µs" -> BigDecimal.ONE.divide(BigDecimal.valueOf(1_000_000), MathContext.DECIMAL64);
            default -> BigDecimal.ONE.divide(BigDecimal.valueOf(1_000_000_000), MathContext.DECIMAL64);
        };
    }
}

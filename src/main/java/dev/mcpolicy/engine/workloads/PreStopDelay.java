package dev.mcpolicy.engine.workloads;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a container's {@code preStop} hook waits before the container gets SIGTERM, when that can be read from
 * the manifest: the native {@code sleep: {seconds: N}} action, an exec {@code sleep N}, or {@code sleep} commands in
 * a {@code sh -c} script (summed). Hooks whose length cannot be known (httpGet, loops, other programs) give empty.
 *
 * @param seconds the delay; {@link #INFINITE} for {@code sleep infinity}
 * @param how     what was read, for messages ({@code exec "sleep 30"})
 * @param pointer where it is, relative to the container
 */
public record PreStopDelay(BigDecimal seconds, String how, String pointer) {
    public static final BigDecimal INFINITE = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh");
    private static final Pattern SLEEP = Pattern.compile("(?<![\\w-])sleep((?:\\s++[^\\s;&|)]++)++)");
    private static final Pattern ARGUMENT = Pattern.compile("(\\d+(?:\\.\\d+)?)([smhd]?)|inf(inity)?");
    private static final Pattern LOOP = Pattern.compile("(?<![\\w-])(while|until|for)(?![\\w-])");

    public static Optional<PreStopDelay> of(JsonNode container) {
        JsonNode preStop = container.path("lifecycle").path("preStop");
        JsonNode nativeSleep = preStop.path("sleep").path("seconds");
        if (nativeSleep.isIntegralNumber()) {
            return Optional.of(new PreStopDelay(nativeSleep.decimalValue(), "sleep action of "
                    + nativeSleep.asText() + "s", "/lifecycle/preStop/sleep/seconds"));
        }
        JsonNode command = preStop.path("exec").path("command");
        if (!command.isArray() || command.isEmpty()) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>();
        for (JsonNode word : command) {
            if (!word.isValueNode()) {
                return Optional.empty();
            }
            words.add(word.asText());
        }
        String program = baseName(words.get(0));
        String quoted = "exec \"" + String.join(" ", words) + "\"";
        String pointer = "/lifecycle/preStop/exec/command";
        if (program.equals("sleep")) {
            return sum(String.join(" ", words)).map(s -> new PreStopDelay(s, quoted, pointer));
        }
        if (SHELLS.contains(program) && words.size() >= 3 && words.get(1).startsWith("-") && words.get(1).contains("c")) {
            String script = String.join(" ", words.subList(2, words.size()));
            if (LOOP.matcher(script).find()) {
                return Optional.empty();
            }
            return sum(script).map(s -> new PreStopDelay(s, quoted, pointer));
        }
        return Optional.empty();
    }

    /** The total of every {@code sleep} in the text; empty when there is none or one cannot be read. */
    static Optional<BigDecimal> sum(String text) {
        Matcher sleep = SLEEP.matcher(text);
        BigDecimal total = BigDecimal.ZERO;
        boolean found = false;
        while (sleep.find()) {
            for (String argument : sleep.group(1).trim().split("\\s+")) {
                Optional<BigDecimal> seconds = argumentSeconds(argument.replaceAll("^[\"']|[\"']$", ""));
                if (seconds.isEmpty()) {
                    return Optional.empty();
                }
                if (seconds.get().equals(INFINITE)) {
                    return Optional.of(INFINITE);
                }
                total = total.add(seconds.get());
                found = true;
            }
        }
        return found ? Optional.of(total) : Optional.empty();
    }

    private static Optional<BigDecimal> argumentSeconds(String argument) {
        Matcher matcher = ARGUMENT.matcher(argument.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        if (matcher.group(1) == null) {
            return Optional.of(INFINITE);
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        int unit = switch (matcher.group(2)) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> 1;
        };
        return Optional.of(number.multiply(BigDecimal.valueOf(unit)));
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public boolean infinite() {
        return seconds.equals(INFINITE);
    }
}

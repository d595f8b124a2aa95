package dev.mcpolicy.secrets;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secret-looking parts of any text before it is printed: rule messages that quote a value, input problems,
 * helm's error output. The text keeps reading well; only the secret part becomes {@value #MASK}:
 * <ul>
 *   <li>the body of every token format the scanner knows, after its public prefix: {@code ghp_****},
 *       {@code eyJ****}, {@code Bearer ****}, a PEM key's material;</li>
 *   <li>the password of a URL's user-info, {@code https://user:****@registry/…}, and a user name that has the
 *       shape of a generated credential ({@code https://****@github.com});</li>
 *   <li>the value of a setting written as {@code name=value} or {@code name: value} whose name marks a credential,
 *       judged like a values-file entry of that name ({@code password=****}, {@code "apiToken": "****"}).</li>
 * </ul>
 * A part is masked when the scanner would report it (same formats, same plausibility checks, same judgement of a
 * value under a credential's name), so what {@code values-no-secrets} calls a secret never reaches a message either.
 * Masking is idempotent and linear in the text's length.
 */
public final class TextMasking {
    public static final String MASK = "****";

    private static final TokenFormats FORMATS = new TokenFormats();
    private static final SecretScanner SCANNER = new SecretScanner();
    private static final KeyNames KEY_NAMES = new KeyNames(Set.of());
    private static final Pattern URL_USER =
            Pattern.compile("://(?<=[A-Za-z][A-Za-z0-9+.-]{1,30}://)(?<user>[^\\s:/?#@\\[\\]]++)@");
    /** Longest quoted value read after a credential's name; longer ones are left to the token formats. */
    private static final int MAX_QUOTED_VALUE = 1024;
    private static final String OPENERS = "({[<";
    private static final String CLOSERS = ")}]>";
    private static final String SEPARATORS = ",;&";

    private TextMasking() {
    }

    /** The text with every secret-looking part replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Spans spans = new Spans();
        FORMATS.secretParts(text, spans);
        urlUsers(text, spans);
        credentialAssignments(text, spans);
        return spans.applyTo(text);
    }

    /**
     * The masked text, cut to {@code maxLength} characters plus "…". Masking comes first: a cut token no longer
     * matches its format and would show its first characters unmasked.
     */
    public static String excerpt(String text, int maxLength) {
        String masked = mask(text);
        if (masked == null || masked.length() <= maxLength) {
            return masked;
        }
        int cut = Character.isHighSurrogate(masked.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return masked.substring(0, cut) + "…";
    }

    private static void urlUsers(String text, Spans spans) {
        if (!text.contains("://")) {
            return;
        }
        Matcher m = URL_USER.matcher(text);
        while (m.find()) {
            if (ValueShapes.looksLikeCredential(m.group("user"))) {
                spans.accept(m.start("user"), m.end("user"));
            }
        }
    }

    /**
     * Every {@code name=value} and {@code name: value} (name optionally quoted, {@code --flag=value} too) whose
     * name marks a credential and whose value the scanner would report under that name. After a credential name
     * the scan resumes behind its value, so each character is judged at most once.
     */
    private static void credentialAssignments(String text, Spans spans) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isNameChar(text.charAt(i))) {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < n && isNameChar(text.charAt(i))) {
                i++;
            }
            int nameEnd = i;
            int at = skipBlanks(text, skipQuote(text, nameEnd));
            if (at >= n || (text.charAt(at) != '=' && text.charAt(at) != ':')
                    || (text.charAt(at) == ':' && at + 1 < n && text.charAt(at + 1) == '/')) {
                continue; // not an assignment (or a URL scheme)
            }
            String name = trimFlagDashes(text.substring(nameStart, nameEnd));
            KeyRole role = KEY_NAMES.roleOf(name);
            if (role == KeyRole.NEUTRAL || role == KeyRole.NOT_SECRET) {
                continue;
            }
            int[] value = valueSpan(text, skipBlanks(text, at + 1));
            if (value == null) {
                continue;
            }
            String literal = text.substring(value[0], value[1]);
            if (SCANNER.classifyEnv("", name, literal).isPresent()) {
                spans.accept(value[0], value[1]);
            }
            i = Math.max(i, value[1]);
        }
    }

    /**
     * Start and end of the value at {@code start}: inside its quotes, or up to a blank, a separator or a closing
     * bracket it did not open ({@code ${DB_PASSWORD}} and {@code <set-me>} stay whole, {@code (password=x)} ends at x).
     */
    private static int[] valueSpan(String text, int start) {
        if (start >= text.length()) {
            return null;
        }
        char open = text.charAt(start);
        if (open == '"' || open == '\'') {
            // the closing quote on the same line and near: an unclosed quote must not cost a scan to the text's end
            // for every name that follows it
            int limit = Math.min(text.length(), start + 1 + MAX_QUOTED_VALUE);
            for (int i = start + 1; i < limit; i++) {
                char c = text.charAt(i);
                if (c == open) {
                    return i == start + 1 ? null : new int[]{start + 1, i};
                }
                if (c == '\n') {
                    return null;
                }
            }
            return null;
        }
        int end = start;
        int depth = 0;
        for (; end < text.length(); end++) {
            char c = text.charAt(end);
            if (c == '\n' || (depth == 0 && (Character.isWhitespace(c) || c == '"' || c == '\''))) {
                break;
            }
            if (OPENERS.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSERS.indexOf(c) >= 0) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && SEPARATORS.indexOf(c) >= 0) {
                break;
            }
        }
        while (end > start && ".:!?".indexOf(text.charAt(end - 1)) >= 0) {
            end--; // sentence punctuation after the value
        }
        return end > start ? new int[]{start, end} : null;
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
    }

    private static String trimFlagDashes(String name) {
        int i = 0;
        while (i < name.length() - 1 && (name.charAt(i) == '-' || name.charAt(i) == '.')) {
            i++;
        }
        return name.substring(i);
    }

    private static int skipQuote(String text, int i) {
        return i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'') ? i + 1 : i;
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Ranges to mask, merged when they touch or overlap. */
    private static final class Spans implements TokenFormats.SpanSink {
        private int[] starts = new int[4];
        private int[] ends = new int[4];
        private int count;

        @Override
        public void accept(int start, int end) {
            if (end <= start) {
                return;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count++] = end;
        }

        String applyTo(String text) {
            if (count == 0) {
                return text;
            }
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(starts[a], starts[b]));
            StringBuilder out = new StringBuilder(text.length());
            int copied = 0;
            for (int k = 0; k < count; ) {
                int start = starts[order[k]];
                int end = ends[order[k]];
                for (k++; k < count && starts[order[k]] <= end; k++) {
                    end = Math.max(end, ends[order[k]]);
                }
                if (start < copied) {
                    start = copied;
                }
                out.append(text, copied, start).append(MASK);
                copied = Math.max(copied, end);
            }
            return out.append(text, copied, text.length()).toString();
        }
    }
}

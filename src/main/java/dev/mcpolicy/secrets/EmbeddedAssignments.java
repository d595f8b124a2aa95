package dev.mcpolicy.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds credential settings written inside a string value: a config file or JSON blob embedded in values
 * ({@code config.yaml: |} with {@code password: s3cr3t}), a query string ({@code ?token=…}) or a command line
 * ({@code --password=…}). Scans by keyword and expands around each hit, so it stays linear on long text.
 */
final class EmbeddedAssignments {

    private static final List<String> KEYWORDS = List.of(
            "password", "passwd", "passphrase", "secret", "token", "apikey", "api_key", "api-key", "auth");
    private static final Set<String> BOOLEAN_WORDS = Set.of("true", "false", "yes", "no", "on", "off", "null", "none");
    private static final int MAX_HITS_PER_KEYWORD = 10_000;

    private final KeyNames keyNames = new KeyNames(Set.of());

    static final String KIND = "secret assignment in text";
    static final String REASON = "text inside the value assigns a literal to a setting whose name marks a credential";

    Optional<Detection> find(String text, String lowerCaseText) {
        for (String keyword : KEYWORDS) {
            int from = 0;
            for (int n = 0; n < MAX_HITS_PER_KEYWORD; n++) {
                int at = lowerCaseText.indexOf(keyword, from);
                if (at < 0) {
                    break;
                }
                int nameEnd = expandRight(text, at + keyword.length());
                if (assignsLiteral(text, expandLeft(text, at), nameEnd)) {
                    return Optional.of(new Detection(KIND, REASON));
                }
                from = nameEnd;
            }
        }
        return Optional.empty();
    }

    private boolean assignsLiteral(String text, int nameStart, int nameEnd) {
        String name = text.substring(nameStart, nameEnd);
        int i = skipQuote(text, nameEnd);
        i = skipBlanks(text, i);
        if (i >= text.length() || (text.charAt(i) != ':' && text.charAt(i) != '=')) {
            return false;
        }
        boolean colon = text.charAt(i) == ':';
        i++;
        if (colon && i < text.length() && text.charAt(i) == '/') {
            return false; // a URL scheme such as token://, not an assignment
        }
        i = skipBlanks(text, i);
        String value = readValue(text, i);
        if (value.isEmpty() || "|>{[&*!#$<".indexOf(value.charAt(0)) >= 0) {
            return false; // nothing on this line, a YAML block, a nested map, an anchor, a variable or a marker
        }
        return isLiteralSecret(keyNames.roleOf(name), value);
    }

    private static boolean isLiteralSecret(KeyRole role, String value) {
        if (ValueShapes.isPlaceholder(value) || ValueShapes.isReference(value)
                || BOOLEAN_WORDS.contains(value.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return switch (role) {
            case CREDENTIAL -> ValueShapes.isDefaultPassword(value) || ValueShapes.looksLikeCredential(value)
                    || hasLettersAndOtherCharacters(value);
            case CREDENTIAL_IF_SHAPED -> ValueShapes.looksLikeCredential(value);
            default -> false;
        };
    }

    /** Rules out prose ("the password: see below") while keeping typical hand-written passwords. */
    private static boolean hasLettersAndOtherCharacters(String value) {
        String v = withoutTrailingPunctuation(value);
        return v.length() >= 6 && v.chars().anyMatch(Character::isLetter)
                && v.chars().anyMatch(c -> !Character.isLetter(c)) && !ValueShapes.isEnvStyleName(v);
    }

    /** The value without the sentence punctuation after it; a loop, as a regex would rescan long punctuation runs. */
    private static String withoutTrailingPunctuation(String value) {
        int end = value.length();
        while (end > 0 && ".,;:!?)".indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(0, end);
    }

    private static String readValue(String text, int start) {
        if (start >= text.length()) {
            return "";
        }
        char open = text.charAt(start);
        if (open == '"' || open == '\'') {
            int close = text.indexOf(open, start + 1);
            int lineEnd = text.indexOf('\n', start + 1);
            if (close < 0 || (lineEnd >= 0 && lineEnd < close)) {
                return "";
            }
            return text.substring(start + 1, close);
        }
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "\"',;&}]".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(start, end);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private static int expandLeft(String text, int at) {
        int i = at;
        while (i > 0 && isNameChar(text.charAt(i - 1))) {
            i--;
        }
        while (i < at && (text.charAt(i) == '-' || text.charAt(i) == '.')) {
            i++; // "--password" is a flag named "password"
        }
        return i;
    }

    private static int expandRight(String text, int from) {
        int i = from;
        while (i < text.length() && isNameChar(text.charAt(i))) {
            i++;
        }
        return i;
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
}

package dev.mcpolicy.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tuning for {@link SecretScanner}.
 *
 * @param extraCredentialWords key-name segments that also mark a credential (e.g. "pin", "license"),
 *                             case-insensitive; a name ending in the word, or in the word plus "key", is a secret
 * @param ignoredKeys          key or env var names never reported (exact, case-insensitive), for known safe keys
 * @param allowedPointers      pointers never reported (whole-pointer regex match), for reviewed exceptions
 */
public record ScannerOptions(Set<String> extraCredentialWords, Set<String> ignoredKeys, List<Pattern> allowedPointers) {

    public static final ScannerOptions DEFAULTS = new ScannerOptions(Set.of(), Set.of(), List.of());

    public ScannerOptions {
        extraCredentialWords = lowerCased(extraCredentialWords);
        ignoredKeys = lowerCased(ignoredKeys);
        allowedPointers = List.copyOf(allowedPointers);
    }

    public ScannerOptions withExtraCredentialWords(String... words) {
        return new ScannerOptions(union(extraCredentialWords, words), ignoredKeys, allowedPointers);
    }

    public ScannerOptions withIgnoredKeys(String... keys) {
        return new ScannerOptions(extraCredentialWords, union(ignoredKeys, keys), allowedPointers);
    }

    public ScannerOptions withAllowedPointers(String... pointerRegexes) {
        List<Pattern> patterns = new java.util.ArrayList<>(allowedPointers);
        for (String regex : pointerRegexes) {
            patterns.add(Pattern.compile(regex));
        }
        return new ScannerOptions(extraCredentialWords, ignoredKeys, patterns);
    }

    boolean isAllowed(String pointer) {
        return allowedPointers.stream().anyMatch(p -> p.matcher(pointer).matches());
    }

    boolean isIgnoredKey(String key) {
        return key != null && ignoredKeys.contains(key.toLowerCase(Locale.ROOT));
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> out = new java.util.HashSet<>(base);
        out.addAll(List.of(more));
        return out;
    }

    private static Set<String> lowerCased(Set<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}

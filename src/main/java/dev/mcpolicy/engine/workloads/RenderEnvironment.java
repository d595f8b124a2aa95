package dev.mcpolicy.engine.workloads;

import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.manifest.ManifestDocument;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which environment a render is for, as far as the input says. A check's {@code where: {environment: [prod,
 * production]}} matches an object when:
 * <ol>
 *   <li>the name of a values file given to the run has one of the listed words ({@code values-production.yaml}, split
 *       on any non-alphanumeric character); in chart mode each environment's render gets only its own values files,
 *       so {@code --env production=values-production.yaml} marks that render;</li>
 *   <li>else, when a values file name has a word of another environment ({@link #OTHER_ENVIRONMENTS}, e.g.
 *       {@code values-staging.yaml}), it does not match, whatever the namespace;</li>
 *   <li>else the object's namespace has one of the words ({@code production}, {@code mcp-prod-eu}).</li>
 * </ol>
 * Values files outrank the namespace because one namespace is often given for every render of a chart.
 */
public final class RenderEnvironment {
    /** Words that name an environment other than production. */
    public static final Set<String> OTHER_ENVIRONMENTS = Set.of("dev", "development", "staging", "stage", "test",
            "testing", "qa", "uat", "local", "sandbox", "preview", "ci");

    private RenderEnvironment() {
    }

    /** The words of the names of the values files given to the run ({@code values-production.yaml}: values, production, yaml). */
    public static Set<String> valuesFileWords(Collection<ManifestDocument> valuesDocuments) {
        Set<String> words = new LinkedHashSet<>();
        for (ManifestDocument document : valuesDocuments) {
            String file = document.file().replace('\\', '/');
            words.addAll(words(file.substring(file.lastIndexOf('/') + 1)));
        }
        return words;
    }

    /** @param valuesWords {@link #valuesFileWords} of the run's values files */
    public static boolean matches(Set<String> valuesWords, K8sObject object, Collection<String> names) {
        Set<String> wanted = new LinkedHashSet<>();
        names.forEach(name -> wanted.add(name.toLowerCase(Locale.ROOT)));
        if (valuesWords.stream().anyMatch(wanted::contains)) {
            return true;
        }
        if (valuesWords.stream().anyMatch(word -> OTHER_ENVIRONMENTS.contains(word) && !wanted.contains(word))) {
            return false;
        }
        return words(object.namespace()).stream().anyMatch(wanted::contains);
    }

    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text != null) {
            for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }
}

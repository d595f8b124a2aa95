package dev.mcpolicy.engine.workloads;

import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.manifest.ManifestDocument;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which environment a render is for, as far as the input says: the words of the object's namespace
 * ({@code mcp-production} → mcp, production) and of the values file names given to the run
 * ({@code values-prod.yaml} → values, prod, yaml). In chart mode each environment's render gets only its own values
 * files, so {@code --env production=values-production.yaml} marks that render. A check's {@code where:
 * {environment: [prod, production]}} matches when any of those words is listed.
 */
public final class RenderEnvironment {
    private RenderEnvironment() {
    }

    public static boolean matches(EvaluationContext context, K8sObject object, Collection<String> names) {
        Set<String> wanted = new LinkedHashSet<>();
        names.forEach(name -> wanted.add(name.toLowerCase(Locale.ROOT)));
        for (String word : words(object.namespace())) {
            if (wanted.contains(word)) {
                return true;
            }
        }
        Set<String> valuesWords = context.memo("values-file-words", () -> {
            Set<String> words = new LinkedHashSet<>();
            for (ManifestDocument document : context.valuesDocuments()) {
                String file = document.file().replace('\\', '/');
                words.addAll(words(file.substring(file.lastIndexOf('/') + 1)));
            }
            return words;
        });
        for (String word : valuesWords) {
            if (wanted.contains(word)) {
                return true;
            }
        }
        return false;
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

package dev.mcpolicy.engine.mechanism;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.workloads.RenderEnvironment;
import dev.mcpolicy.engine.workloads.SessionState;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.Workload;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.secrets.SecretHit;
import dev.mcpolicy.secrets.SecretScanner;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Facts of one render that need more than the resource graph: the values files given to the run, whether a server
 * keeps sessions in memory, and the targets of selections other checks look for ({@code exists}). Each is computed
 * once per run, on first use.
 */
public final class RenderFacts {
    private final List<ManifestDocument> valuesDocuments;
    private final SecretScanner secretScanner;
    private final Map<Identity, SessionState> sessionStates = new ConcurrentHashMap<>();
    private final Map<Selection, List<Target>> selections = new ConcurrentHashMap<>();
    private volatile Set<String> valuesFileWords;
    private volatile Set<String> literalSecretsInValues;

    RenderFacts(List<ManifestDocument> valuesDocuments, SecretScanner secretScanner) {
        this.valuesDocuments = valuesDocuments;
        this.secretScanner = secretScanner;
    }

    /**
     * Whether the workload keeps MCP sessions in process memory ({@link SessionState}). Asked for every workload by
     * several checks at once: a lock here let one thread hold off the other for a second on a large render.
     */
    public SessionState sessionState(Workload workload) {
        return sessionStates.computeIfAbsent(new Identity(workload), key -> SessionState.read(workload));
    }

    /** True when the render is for one of the named environments ({@link RenderEnvironment}). */
    public boolean inEnvironment(K8sObject object, Collection<String> names) {
        return RenderEnvironment.matches(valuesFileWords(), object, names);
    }

    private Set<String> valuesFileWords() {
        Set<String> known = valuesFileWords;
        return known != null ? known : computeValuesFileWords();
    }

    private synchronized Set<String> computeValuesFileWords() {
        if (valuesFileWords == null) {
            valuesFileWords = RenderEnvironment.valuesFileWords(valuesDocuments);
        }
        return valuesFileWords;
    }

    /** The text of every values-file scalar the secret scanner reports as a literal secret (never printed). */
    public Set<String> literalSecretsInValues() {
        Set<String> known = literalSecretsInValues;
        return known != null ? known : computeLiteralSecretsInValues();
    }

    private synchronized Set<String> computeLiteralSecretsInValues() {
        if (literalSecretsInValues == null) {
            Set<String> literals = new HashSet<>();
            for (ManifestDocument document : valuesDocuments) {
                for (SecretHit hit : secretScanner.scanValues(document.content())) {
                    JsonNode value = document.content().at(hit.pointer());
                    if (value.isValueNode()) {
                        literals.add(Values.text(value));
                    }
                }
            }
            literalSecretsInValues = Set.copyOf(literals);
        }
        return literalSecretsInValues;
    }

    /** The targets of another selection, selected once per run however many checks or targets ask. */
    public List<Target> selection(Selector selector, Where where, Supplier<List<Target>> select) {
        Selection key = new Selection(selector, where);
        List<Target> known = selections.get(key);
        if (known != null) {
            return known;
        }
        // Selected outside any lock (selecting may ask for other facts); the first result stored is the one kept.
        List<Target> selected = selections.putIfAbsent(key, List.copyOf(select.get()));
        return selected != null ? selected : selections.get(key);
    }

    private record Selection(Selector selector, Where where) {
    }

    /** A workload by identity: record equality would compare whole documents. */
    private record Identity(Workload workload) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.workload == workload;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(workload);
        }
    }

}

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Facts of one render that need more than the resource graph: the values files given to the run, whether a server
 * keeps sessions in memory, and the targets of selections other checks look for ({@code exists}). Each is computed
 * once per run, on first use.
 */
public final class RenderFacts {
    private final List<ManifestDocument> valuesDocuments;
    private final SecretScanner secretScanner;
    private final Map<Workload, SessionState> sessionStates = new IdentityHashMap<>();
    private final Map<Selection, List<Target>> selections = new HashMap<>();
    private Set<String> valuesFileWords;
    private Set<String> literalSecretsInValues;

    RenderFacts(List<ManifestDocument> valuesDocuments, SecretScanner secretScanner) {
        this.valuesDocuments = valuesDocuments;
        this.secretScanner = secretScanner;
    }

    /** Whether the workload keeps MCP sessions in process memory ({@link SessionState}). */
    public synchronized SessionState sessionState(Workload workload) {
        return sessionStates.computeIfAbsent(workload, SessionState::read);
    }

    /** True when the render is for one of the named environments ({@link RenderEnvironment}). */
    public boolean inEnvironment(K8sObject object, Collection<String> names) {
        return RenderEnvironment.matches(valuesFileWords(), object, names);
    }

    private synchronized Set<String> valuesFileWords() {
        if (valuesFileWords == null) {
            valuesFileWords = RenderEnvironment.valuesFileWords(valuesDocuments);
        }
        return valuesFileWords;
    }

    /** The text of every values-file scalar the secret scanner reports as a literal secret (never printed). */
    public synchronized Set<String> literalSecretsInValues() {
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
        synchronized (this) {
            List<Target> known = selections.get(key);
            if (known != null) {
                return known;
            }
        }
        List<Target> selected = List.copyOf(select.get());
        synchronized (this) {
            selections.putIfAbsent(key, selected);
            return selections.get(key);
        }
    }

    private record Selection(Selector selector, Where where) {
    }

}

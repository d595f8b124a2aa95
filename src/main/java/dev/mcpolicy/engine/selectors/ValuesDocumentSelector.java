package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Where;
import dev.mcpolicy.manifest.ManifestDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code values-documents}: each document of each values file given to the run. */
public final class ValuesDocumentSelector implements Selector {

    @Override
    public String name() {
        return "values-documents";
    }

    @Override
    public Map<String, FilterKind> filters() {
        return Map.of();
    }

    @Override
    public Set<String> placeholders() {
        return Set.of("file");
    }

    @Override
    public boolean yieldsWorkloads() {
        return false;
    }

    @Override
    public boolean yieldsValuesDocuments() {
        return true;
    }

    @Override
    public List<Target> select(EvaluationContext context, Where where) {
        List<Target> targets = new ArrayList<>();
        for (ManifestDocument document : context.valuesDocuments()) {
            targets.add(new Target(document, null, null, "", document.content(), Map.of("file", document.file())));
        }
        return targets;
    }
}

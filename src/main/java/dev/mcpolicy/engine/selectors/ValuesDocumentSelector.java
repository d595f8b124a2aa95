package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Filter;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Selector;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Where;
import dev.mcpolicy.manifest.ManifestDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code values-documents}: each document of each values file given to the run. */
public final class ValuesDocumentSelector implements Selector {

    @Override
    public String name() {
        return "values-documents";
    }

    @Override
    public TargetKind yields() {
        return TargetKind.VALUES_DOCUMENT;
    }

    @Override
    public Map<String, Filter> filters() {
        return Map.of();
    }

    @Override
    public Map<String, String> placeholders() {
        return Map.of("file", "the values file as shown");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("Each document of each values file given to the run (`-f`, and the chart's"
                + " values.yaml in chart mode); `object` reads as the file.", "target: values-documents");
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

package dev.mcpolicy.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.chart.DocumentIdentity;
import dev.mcpolicy.chart.MappedLocation;
import dev.mcpolicy.chart.MappingQuery;
import dev.mcpolicy.chart.SourceMapper;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.pipeline.FindingStep;
import dev.mcpolicy.manifest.ManifestDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline step that moves each finding of a chart render from the rendered line to the template or values line
 * that causes it; the rendered place becomes the finding's {@code rendered} location. Chart runs register each
 * render (its documents and source mapper) as they render it; findings of anything else pass unchanged.
 */
final class ChartMapping implements FindingStep {
    private final Map<String, Render> renders = new HashMap<>();

    /** A rendered document set, as the loader named it, with what maps its lines back to sources. */
    private record Render(List<ManifestDocument> documents, Map<ManifestDocument, DocumentIdentity> identities,
                          SourceMapper mapper) {
    }

    /** Registers a render whose documents all carry the display name {@code renderName}. */
    synchronized void register(String renderName, List<ManifestDocument> documents, SourceMapper mapper) {
        renders.put(renderName, new Render(List.copyOf(documents), identities(documents), mapper));
    }

    /** The identity helm gives each rendered document (its source template, kind, name, ordinal). */
    static Map<ManifestDocument, DocumentIdentity> identities(List<ManifestDocument> documents) {
        List<String> sources = new ArrayList<>();
        List<JsonNode> contents = new ArrayList<>();
        for (ManifestDocument document : documents) {
            sources.add(document.helmSource());
            contents.add(document.content());
        }
        List<DocumentIdentity> assigned = DocumentIdentity.assign(sources, contents);
        Map<ManifestDocument, DocumentIdentity> out = new IdentityHashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            out.put(documents.get(i), assigned.get(i));
        }
        return out;
    }

    @Override
    public String name() {
        return "chart mapping";
    }

    @Override
    public synchronized List<Finding> apply(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            Render render = renders.get(finding.primary().file());
            out.add(render == null ? finding : map(finding, render));
        }
        return out;
    }

    private static Finding map(Finding finding, Render render) {
        ManifestDocument document = documentOf(finding, render.documents());
        if (document == null) {
            return finding;
        }
        String missingKind = finding.chartHint().missingKind();
        Optional<MappedLocation> switchedOff = missingKind == null ? Optional.empty()
                : render.mapper().mapAbsentKind(missingKind, MappingQuery.of(render.identities().get(document),
                        document.content(), ""));
        MappedLocation mapped = switchedOff.orElseGet(() -> render.mapper().map(MappingQuery.of(
                render.identities().get(document), document.content(), finding.pointer())
                .withOffendingValue(finding.chartHint().offendingValue())));
        List<Finding.RelatedLocation> related = new ArrayList<>();
        for (Location location : mapped.related()) {
            related.add(new Finding.RelatedLocation(location, relatedMessage(location)));
        }
        related.addAll(finding.related());
        Map<String, String> properties = new LinkedHashMap<>(finding.properties());
        if (mapped.note() != null) {
            properties.put("mappingNote", mapped.note());
        }
        return finding.withLocations(mapped.primary(), finding.primary()).withRelated(related)
                .withProperties(properties);
    }

    private static String relatedMessage(Location location) {
        return Location.VALUES.equals(location.mapping()) ? "values line" : "template line";
    }

    private static ManifestDocument documentOf(Finding finding, List<ManifestDocument> documents) {
        if (finding.object() == null) {
            return null;
        }
        for (ManifestDocument document : documents) {
            if (document.positions().get("").isPresent() && contains(document, finding.primary().line())) {
                return document;
            }
        }
        return null;
    }

    private static boolean contains(ManifestDocument document, int line) {
        var root = document.positions().get("").orElseThrow();
        return line >= document.firstLine() && line <= root.valueEnd().line();
    }
}

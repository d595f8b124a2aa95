package dev.mcpolicy.engine;

import dev.mcpolicy.finding.Certainty;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.NodeSpan;
import dev.mcpolicy.manifest.Position;
import dev.mcpolicy.manifest.PositionIndex;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Violation;

import java.util.ArrayList;
import java.util.List;

/** Turns violations into findings placed on the document's lines. */
final class FindingFactory {
    private FindingFactory() {
    }

    /** @param checkId the id of the check that found it, or null when the check has none */
    static Finding create(String ruleId, String checkId, Level level, Target target, Violation violation,
                          String message) {
        ManifestDocument document = violation.document() != null ? violation.document() : target.document();
        Location location = locate(document, violation.pointer());
        boolean valuesFile = target.object() == null;
        List<Finding.RelatedLocation> related = new ArrayList<>();
        for (Violation.Related place : violation.related()) {
            related.add(new Finding.RelatedLocation(locate(place.document(), place.pointer()), place.message()));
        }
        return new Finding(ruleId, level, message, location, valuesFile ? null : location,
                valuesFile ? null : objectRef(target.object()), violation.pointer(), document.helmSource(),
                related, List.of(), violation.properties(), Certainty.CERTAIN, violation.chartHint(), checkId,
                violation.about().stream().map(FindingFactory::objectRef).toList());
    }

    /**
     * The node itself when it exists, else its nearest existing parent key, else the document's first line. A finding
     * about the whole document ({@code ""}, e.g. a file the chart lacks) sits on that first line too.
     */
    static Location locate(ManifestDocument document, String pointer) {
        if (pointer.isEmpty()) {
            return new Location(document.file(), document.firstLine(), 1, 0, Location.DOCUMENT);
        }
        PositionIndex.Located located = document.positions().locate(pointer);
        NodeSpan span = located.span();
        if (span == null) {
            return new Location(document.file(), document.firstLine(), 1, 0, Location.DOCUMENT);
        }
        Position anchor = span.anchor();
        return new Location(document.file(), anchor.line(), anchor.column(), span.anchorEndColumn(),
                located.exact() ? Location.EXACT : Location.PARENT_KEY);
    }

    private static ObjectRef objectRef(K8sObject object) {
        return new ObjectRef(object.apiVersion(), object.kind(), object.name(), object.namespace());
    }
}

package dev.mcpolicy.engine.mechanism;

import java.util.List;

/**
 * Documents of a render that could not be read (YAML that does not parse, an unreadable file): the graph lacks
 * whatever they held. While a render has gaps, the engine withholds every violation that claims an object is missing
 * from the render (a Service that selects no pods, an autoscaler whose target is not there, an MCP server without a
 * PodDisruptionBudget…): the missing object may well be in the unread document. Mechanisms declare those violations
 * through {@link Assertion#absenceKinds} and {@link Relation#claimsAbsence}.
 *
 * @param places {@code file:line} of each unread document, in input order
 */
public record RenderGaps(List<String> places) {
    private static final RenderGaps NONE = new RenderGaps(List.of());

    public RenderGaps {
        places = List.copyOf(places);
    }

    /** A render whose every document was read. */
    public static RenderGaps none() {
        return NONE;
    }

    public boolean isEmpty() {
        return places.isEmpty();
    }
}

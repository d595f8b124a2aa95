package dev.mcpolicy.chart;

import dev.mcpolicy.finding.Location;

import java.util.List;

/**
 * Where a finding on a rendered document belongs in the chart.
 *
 * @param primary the line to edit: a values-file key, a template line, or the template document's first line
 * @param related further useful places (the template line when the primary is a values file, other values that
 *                feed the same line)
 * @param note    why the mapping is weaker than usual (a packed subchart, a source outside the chart), or null
 */
public record MappedLocation(Location primary, List<Location> related, String note) {
    public MappedLocation {
        related = List.copyOf(related);
    }

    public MappedLocation(Location primary, List<Location> related) {
        this(primary, related, null);
    }
}

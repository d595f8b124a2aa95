package dev.mcpolicy.finding;

import dev.mcpolicy.secrets.TextMasking;

import java.util.List;

/**
 * What waivers and a baseline took out of a run's findings, for the reports: the waived findings with their waiver,
 * and, when a baseline was given, the findings it already holds and its entries that no longer occur.
 *
 * @param waived       findings a waiver accepts; they do not count for {@code --fail-on}
 * @param baselineUsed whether the run compared its findings with a baseline
 * @param unchanged    findings the baseline already holds (reported as existing; they do not count for {@code --fail-on})
 * @param absent       baseline entries that no finding of this run matches
 */
public record Suppressions(List<Waived> waived, boolean baselineUsed, List<Finding> unchanged, List<Absent> absent) {
    public static final Suppressions NONE = new Suppressions(List.of(), false, List.of(), List.of());

    public Suppressions {
        waived = List.copyOf(waived);
        unchanged = List.copyOf(unchanged);
        absent = List.copyOf(absent);
    }

    public Suppressions withBaseline(List<Finding> newUnchanged, List<Absent> newAbsent) {
        return new Suppressions(waived, true, newUnchanged, newAbsent);
    }

    /** Where a waiver lives, as SARIF's {@code suppressions[].kind} says it. */
    public enum Kind {
        IN_SOURCE("inSource"), EXTERNAL("external");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * A finding and the waiver that accepts it.
     *
     * @param source       {@code config}, {@code annotation} or {@code comment}
     * @param justification the waiver's reason (masked)
     * @param declaredAt   where the waiver is written
     * @param expires      its expiry date ({@code YYYY-MM-DD}), or null
     */
    public record Waived(Finding finding, Kind kind, String source, String justification, Location declaredAt,
                         String expires) {
        public Waived {
            justification = TextMasking.mask(justification);
        }
    }

    /** A baseline entry no finding of the run matches: fixed, or its object is gone. */
    public record Absent(String fingerprint, String ruleId, String object, String file, String message) {
        public Absent {
            message = TextMasking.mask(message);
        }
    }
}

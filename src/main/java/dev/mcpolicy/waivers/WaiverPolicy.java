package dev.mcpolicy.waivers;

import java.util.Locale;

/** Which waivers a run honours: a central CI can forbid the ones written in the checked repository. */
public enum WaiverPolicy {
    /** Config entries, annotations and source comments. */
    ALL,
    /** Only the config file's entries: annotations and source comments are ignored and listed. */
    CONFIG,
    /** None: every waiver is ignored and listed. */
    NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static WaiverPolicy parse(String text) {
        for (WaiverPolicy policy : values()) {
            if (policy.id().equals(text)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("must be all, config or none (was '" + text + "')");
    }

    boolean allows(Waiver.Source source) {
        return this == ALL || (this == CONFIG && source == Waiver.Source.CONFIG);
    }
}

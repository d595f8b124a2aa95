package dev.mcpolicy.report;

import dev.mcpolicy.finding.Finding;

/** When a finding's {@code # Source:} template adds information to its primary location. */
final class HelmSources {
    private HelmSources() {
    }

    /** False when there is none or the primary location already is that template (chart mode maps back to it). */
    static boolean worthShowing(Finding finding) {
        String source = finding.helmSource();
        if (source == null || source.isBlank()) {
            return false;
        }
        String primary = finding.primary().file().replace('\\', '/');
        return !(primary.equals(source) || primary.endsWith("/" + source));
    }
}

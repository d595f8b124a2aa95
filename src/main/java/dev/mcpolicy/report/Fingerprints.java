package dev.mcpolicy.report;

import dev.mcpolicy.finding.Finding;

/** The SARIF side of {@link dev.mcpolicy.finding.Fingerprints}: its key and the repository-relative file it uses. */
final class Fingerprints {
    static final String SARIF_KEY = dev.mcpolicy.finding.Fingerprints.SEMANTIC_KEY;

    private Fingerprints() {
    }

    static String semantic(Finding finding, String repoRelativeFile) {
        return dev.mcpolicy.finding.Fingerprints.semantic(finding, repoRelativeFile);
    }
}

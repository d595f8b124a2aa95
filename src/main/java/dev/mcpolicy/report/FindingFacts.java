package dev.mcpolicy.report;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.secrets.TextMasking;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The facts JSON ({@code properties}) and SARIF ({@code properties.facts}) print for a finding, sorted by name: its
 * properties, the check that found it ({@code check}, when the check has an id) and the further objects it is about
 * ({@code about}, as {@code Kind/namespace/name}, comma-separated).
 */
final class FindingFacts {
    static final String CHECK = "check";
    static final String ABOUT = "about";

    private FindingFacts() {
    }

    static SortedMap<String, String> of(Finding finding) {
        SortedMap<String, String> facts = new TreeMap<>(finding.properties());
        if (finding.check() != null) {
            facts.put(CHECK, finding.check());
        }
        if (!finding.about().isEmpty()) {
            List<String> about = new ArrayList<>();
            for (ObjectRef object : finding.about()) {
                about.add(object.kind() + "/" + (object.namespace() == null ? "" : object.namespace()) + "/"
                        + object.name());
            }
            facts.put(ABOUT, TextMasking.mask(String.join(",", about)));
        }
        return facts;
    }
}

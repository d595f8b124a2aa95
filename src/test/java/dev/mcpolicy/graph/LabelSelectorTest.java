package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelSelectorTest {

    /** Labels are written "k=v;k2=v2" ("-" for none); selectors as flow YAML. */
    @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {matchLabels: {app: web}}                                        | app=web;tier=fe | true
            {matchLabels: {app: web}}                                        | app=api         | false
            {matchLabels: {app: web}}                                        | -               | false
            {matchLabels: {app: web, tier: fe}}                              | app=web         | false
            {matchLabels: {app: web, tier: fe}}                              | app=web;tier=fe | true
            {matchExpressions: [{key: app, operator: In, values: [a, b]}]}    | app=b           | true
            {matchExpressions: [{key: app, operator: In, values: [a, b]}]}    | app=c           | false
            {matchExpressions: [{key: app, operator: In, values: [a, b]}]}    | -               | false
            {matchExpressions: [{key: app, operator: NotIn, values: [a]}]}    | app=b           | true
            {matchExpressions: [{key: app, operator: NotIn, values: [a]}]}    | app=a           | false
            {matchExpressions: [{key: app, operator: NotIn, values: [a]}]}    | -               | true
            {matchExpressions: [{key: app, operator: Exists}]}                | app=             | true
            {matchExpressions: [{key: app, operator: Exists}]}                | other=x         | false
            {matchExpressions: [{key: app, operator: DoesNotExist}]}          | other=x         | true
            {matchExpressions: [{key: app, operator: DoesNotExist}]}          | app=x           | false
            {matchLabels: {app: web}, matchExpressions: [{key: canary, operator: DoesNotExist}]} | app=web | true
            {matchLabels: {app: web}, matchExpressions: [{key: canary, operator: DoesNotExist}]} | app=web;canary=1 | false
            {}                                                               | app=anything    | true
            {}                                                               | -               | true
            {matchLabels: {}, matchExpressions: []}                          | app=x           | true
            {matchLabels: {version: 2}}                                      | version=2       | true
            {matchLabels: {enabled: true}}                                   | enabled=true    | true
            {matchExpressions: [{key: app, operator: in, values: [a]}]}       | app=a           | false
            {matchExpressions: [{key: app, operator: In, values: []}]}        | app=a           | false
            {matchExpressions: [{key: app, operator: In}]}                    | app=a           | false
            {matchExpressions: [{key: app, operator: Exists, values: [a]}]}   | app=a           | false
            {matchExpressions: [{operator: Exists}]}                          | app=a           | false
            {matchLabels: [app, web]}                                        | app=web         | false
            {matchLabels: {app: {nested: x}}}                                | app=web         | false
            just-a-string                                                    | app=web         | false
            """)
    void metav1SelectorSemantics(String selectorYaml, String labels, boolean expected) {
        LabelSelector selector = LabelSelector.parse(Manifests.node(selectorYaml), true);
        assertEquals(expected, selector.matches(labels(labels)), selector::toString);
    }

    @Test
    void missingOrNullSelectorSelectsNothing() {
        assertTrue(LabelSelector.parse(MissingNode.getInstance(), true).selectsNothing());
        assertTrue(LabelSelector.parse(NullNode.getInstance(), true).selectsNothing());
        assertTrue(LabelSelector.parse(null, true).selectsNothing());
        assertFalse(LabelSelector.parse(null, true).matches(Map.of()));
    }

    @Test
    void emptySelectorSelectsEverythingOnlyWhenAsked() {
        assertTrue(LabelSelector.parse(Manifests.node("{}"), true).selectsEverything());
        LabelSelector legacy = LabelSelector.parse(Manifests.node("{}"), false);
        assertTrue(legacy.selectsNothing());
        assertFalse(legacy.matches(Map.of("app", "x")));
    }

    @Test
    void invalidSelectorsSayWhy() {
        assertEquals("matchExpressions[0] has unknown operator \"in\"",
                LabelSelector.parse(Manifests.node("{matchExpressions: [{key: a, operator: in, values: [x]}]}"), true)
                        .problem().orElseThrow());
        assertEquals("matchExpressions[1] uses In without values",
                LabelSelector.parse(Manifests.node(
                        "{matchExpressions: [{key: a, operator: Exists}, {key: b, operator: In}]}"), true)
                        .problem().orElseThrow());
        assertEquals("matchLabels is not a mapping",
                LabelSelector.parse(Manifests.node("{matchLabels: [a]}"), true).problem().orElseThrow());
        assertTrue(LabelSelector.parse(Manifests.node("{matchLabels: {a: b}}"), true).problem().isEmpty());
    }

    @ParameterizedTest(name = "[{index}] service selector {0} on {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {app: web}            | app=web;tier=fe | true
            {app: web, tier: fe}  | app=web         | false
            {app: web}            | app=api         | false
            {}                    | app=web         | false
            {}                    | -               | false
            ~                     | app=web         | false
            """)
    void serviceSelectorSemantics(String selectorYaml, String labels, boolean expected) {
        LabelSelector selector = LabelSelector.parseServiceSelector(Manifests.node(selectorYaml));
        assertEquals(expected, selector.matches(labels(labels)), selector::toString);
    }

    @Test
    void serviceSelectorIgnoresMatchLabelsSyntax() {
        // A Service selector is a plain map: "matchLabels" is just a label key there.
        LabelSelector selector = LabelSelector.parseServiceSelector(Manifests.node("{matchLabels: {app: web}}"));
        assertFalse(selector.matches(Map.of("app", "web")));
    }

    static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        if (text == null || text.equals("-")) {
            return labels;
        }
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            labels.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return labels;
    }
}

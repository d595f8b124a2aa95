package dev.mcpolicy.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which values paths an action reads, through the usual helm idioms. */
class TemplateScopeTest {
    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            ".Values.a.b                                   => a.b",
            "$.Values.a.b                                  => a.b",
            ".Values.a.b | quote                           => a.b",
            "default \"x.y\" .Values.a.b                   => a.b",
            ".Values.a.b | default \"fallback\"            => a.b",
            "required \"a.b must be set\" .Values.a.b      => a.b",
            ".Values.replicaCount | int                    => replicaCount",
            "toYaml .Values.resources | nindent 12         => resources",
            "tpl .Values.config.text .                     => config.text",
            "index .Values.annotations \"team.io/owner\"   => annotations.team.io/owner",
            "include \"chart.labels\" .                    => ''",
            ".Release.Name                                 => ''",
            ".Chart.AppVersion                             => ''",
            "printf \"%s-%s\" .Values.a .Values.b          => a ; b",
    })
    void readsValuesReferencesAtTheRoot(String action, String expected) {
        assertEquals(expected, render(TemplateScope.ROOT.valuesReferences(action)));
    }

    @Test
    void withAndRangeRebindTheDotAndVariables() {
        TemplateScope with = TemplateScope.ROOT.enterWith(".Values.podSecurityContext");
        assertEquals("podSecurityContext", render(with.valuesReferences("toYaml . | nindent 8")));
        assertEquals("podSecurityContext.runAsUser", render(with.valuesReferences(".runAsUser")));
        assertEquals("image.tag", render(with.valuesReferences("$.Values.image.tag")));

        TemplateScope range = TemplateScope.ROOT.enterRange("$key, $val := .Values.env", 7);
        List<ValuesPath> value = range.valuesReferences("$val | quote");
        assertEquals(1, value.size());
        ValuesPath.RangeBlock block = range.rangeOfKeyVariable("$key");
        assertEquals(List.of("env", "LOG_LEVEL"), value.get(0).concrete(Map.of(block, "LOG_LEVEL")));
        assertEquals(null, value.get(0).concrete(Map.of()), "unknown iteration: no concrete path");
        assertEquals("", render(range.valuesReferences("$key")));

        TemplateScope assigned = TemplateScope.ROOT.assign("$svc := .Values.service");
        assertEquals("service.port", render(assigned.valuesReferences("$svc.port")));
        assertEquals("", render(assigned.assign("$svc := include \"x\" .").valuesReferences("$svc.port")));
    }

    @Test
    void mergedMapsKeepTheirSourcesInTheOrderTheyWin() {
        TemplateScope merged = TemplateScope.ROOT.enterWith("(merge .Values.ingress.annotations .Values.commonAnnotations)");
        assertEquals(List.of(List.of("ingress", "annotations"), List.of("commonAnnotations")),
                merged.mergedReference("toYaml . | nindent 4").concrete(Map.of()));
        assertEquals(List.of(List.of("b"), List.of("a")),
                TemplateScope.ROOT.mergedValue("mergeOverwrite .Values.a .Values.b").concrete(Map.of()),
                "mergeOverwrite: the right-most dict wins");
        assertEquals(List.of(List.of("a"), List.of("b")),
                TemplateScope.ROOT.mergedReference("toYaml (merge (deepCopy .Values.a) .Values.b)").concrete(Map.of()));
        assertEquals(null, TemplateScope.ROOT.mergedReference("toYaml .Values.a"), "one map is not a merge");
        assertEquals(null, merged.mergedReference("include \"x\" ."));
    }

    @Test
    void aDictFilledBySetInRangesWinsByTheLastSet() {
        TemplateScope scope = TemplateScope.ROOT.assign("$annotations := dict");
        TemplateScope first = scope.enterRange("$key, $value := .Values.podAnnotations", 3)
                .assign("$_ := set $annotations $key (toString $value)");
        MergedValues afterFirst = (MergedValues) first.variables().get("annotations");
        TemplateScope second = scope.withDict("annotations", afterFirst)
                .enterRange("$key, $value := .Values.extraPodAnnotations", 6)
                .assign("$_ := set $annotations $key (toString $value)");
        MergedValues filled = (MergedValues) second.variables().get("annotations");
        assertEquals(List.of(List.of("extraPodAnnotations"), List.of("podAnnotations")), filled.concrete(Map.of()));

        TemplateScope printing = scope.withDict("annotations", filled).enterRange("$key, $value := $annotations", 10);
        ValuesPath.RangeBlock block = printing.rangeOfKeyVariable("$key");
        assertEquals(List.of(List.of("extraPodAnnotations", "team"), List.of("podAnnotations", "team")),
                printing.mergedReference("$value | quote").concrete(Map.of(block, "team")));
        assertEquals("set", TemplateScope.setTarget("$_ := set $annotations $key $value") == null ? "" : "set");
    }

    @Test
    void onlyAPositiveConditionOnOneValueGuardsTheBlock() {
        assertEquals("pdb.enabled", guard(TemplateScope.ROOT.guardedBy(".Values.pdb.enabled")));
        assertEquals("resources", guard(TemplateScope.ROOT.enterWith(".Values.resources")));
        assertEquals("ingress.hosts", guard(TemplateScope.ROOT.enterRange(".Values.ingress.hosts", 3)));
        assertEquals("ingress.tls", guard(TemplateScope.ROOT.assign("$ing := .Values.ingress").guardedBy("$ing.tls")));
        assertEquals(null, guard(TemplateScope.ROOT.guardedBy("not .Values.autoscaling.enabled")));
        assertEquals(null, guard(TemplateScope.ROOT.guardedBy("and .Values.a .Values.b")));
        assertEquals(null, guard(TemplateScope.ROOT.guardedBy("eq .Release.Name \"x\"")));
        TemplateScope inner = TemplateScope.ROOT.guardedBy(".Values.gateway.enabled").assign("$x := .Values.y");
        assertEquals("gateway.enabled", guard(inner), "an assignment keeps the guard");
    }

    private static String guard(TemplateScope scope) {
        return scope.guard() == null ? null : String.join(".", scope.guard().concrete(Map.of()));
    }

    private static String render(List<ValuesPath> paths) {
        return String.join(" ; ", paths.stream().map(p -> String.join(".", p.concrete(Map.of()))).toList());
    }

    /** A long string literal or index chain in one action used to overflow the stack (one regex recursion per char). */
    @Test
    void longLiteralsAndChainsAreRead() {
        String literal = "\"" + "a\\\"".repeat(16 * 1024) + "\"";
        assertEquals("a.b", render(TemplateScope.ROOT.valuesReferences("default " + literal + " .Values.a.b")));
        String keys = " \"k\"".repeat(16 * 1024);
        assertEquals(16 * 1024 + 1, TemplateScope.ROOT.valuesReferences("index .Values.m" + keys).get(0)
                .concrete(Map.of()).size());
        String chain = ".Values" + ".x".repeat(16 * 1024);
        assertEquals(16 * 1024, TemplateScope.ROOT.valuesReferences(chain).get(0).concrete(Map.of()).size());
    }
}

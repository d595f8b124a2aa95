package dev.mcpolicy.waivers;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.Suppressions;
import dev.mcpolicy.manifest.InputProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mcpolicy.waivers.WaiverTestFindings.DEPLOYMENT;
import static dev.mcpolicy.waivers.WaiverTestFindings.at;
import static dev.mcpolicy.waivers.WaiverTestFindings.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplyWaiversTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static ApplyWaivers step(List<Waiver> declared, Map<String, String> texts, WaiverPolicy policy) {
        return new ApplyWaivers(declared, file -> Optional.ofNullable(texts.get(file)), List.of(), policy, TODAY);
    }

    @Test
    void aConfigWaiverMatchesByRuleObjectNamespaceAndFileGlobs() {
        Waiver waiver = Waiver.config("replica-*", "Deployment/legacy-*", "tools", "charts/**", "PLAT-412", null,
                at(".mcpolicy.yaml", 3));
        Finding matching = finding("replica-count", "charts/legacy/values.yaml", 4, DEPLOYMENT);
        Finding otherNamespace = finding("replica-count", "charts/legacy/values.yaml", 4,
                new ObjectRef("apps/v1", "Deployment", "legacy-mcp", "prod"));
        Finding otherFile = finding("replica-count", "other/values.yaml", 4, DEPLOYMENT);
        ApplyWaivers step = step(List.of(waiver), Map.of(), WaiverPolicy.ALL);
        List<Finding> kept = step.apply(List.of(matching, otherNamespace, otherFile));
        assertEquals(List.of(otherNamespace, otherFile), kept);
        Suppressions.Waived waived = step.waived().get(0);
        assertEquals(matching, waived.finding());
        assertEquals(Suppressions.Kind.EXTERNAL, waived.kind());
        assertEquals("PLAT-412", waived.justification());
        assertTrue(step.problems().isEmpty(), step.problems().toString());
    }

    @Test
    void anAnnotationWaivesItsObjectOnlyAndACommentItsLineAndTheNext() {
        Waiver annotation = Waiver.annotation("replica-count", DEPLOYMENT, "one replica", null, at("d.yaml", 5));
        Finding onObject = finding("replica-count", "d.yaml", 9, DEPLOYMENT);
        Finding elsewhere = finding("replica-count", "d.yaml", 20, new ObjectRef("apps/v1", "Deployment", "b", "tools"));
        Finding belowComment = finding("image-pinned", "values.yaml", 3, null);
        Finding twoBelow = finding("image-pinned", "values.yaml", 4, null);
        ApplyWaivers step = step(List.of(annotation),
                Map.of("values.yaml", "image:\n  # mcpolicy:ignore image-pinned nightly\n  tag: latest\n  x: 1\n"),
                WaiverPolicy.ALL);
        List<Finding> kept = step.apply(List.of(onObject, elsewhere, belowComment, twoBelow));
        assertEquals(List.of(elsewhere, twoBelow), kept);
        assertEquals(List.of("annotation", "comment"), step.waived().stream().map(Suppressions.Waived::source).toList());
        assertEquals(Suppressions.Kind.IN_SOURCE, step.waived().get(1).kind());
    }

    @Test
    void anExpiredWaiverNoLongerAppliesAndTheFindingSaysWhichAndWhen() {
        Waiver expired = Waiver.config("replica-count", null, null, null, "until Q3", LocalDate.of(2026, 12, 1),
                at(".mcpolicy.yaml", 7));
        Waiver lastDay = Waiver.config("image-pinned", null, null, null, "until today", TODAY, at(".mcpolicy.yaml", 9));
        ApplyWaivers step = step(List.of(expired, lastDay), Map.of(), WaiverPolicy.ALL);
        List<Finding> kept = step.apply(List.of(finding("replica-count", "a.yaml", 1, DEPLOYMENT),
                finding("image-pinned", "a.yaml", 2, DEPLOYMENT)));
        assertEquals(1, kept.size());
        assertTrue(kept.get(0).message().endsWith("(Not waived: the config waiver at .mcpolicy.yaml:7:1 expired on"
                + " 2026-12-01.)"), kept.get(0).message());
        assertEquals("2026-12-01", kept.get(0).properties().get(ApplyWaivers.EXPIRED_PROPERTY));
        assertEquals(1, step.waived().size(), "a waiver applies through its expiry day");
    }

    @Test
    void aWaiverThatMatchesNothingIsANoteAtItsPlace() {
        Waiver stale = Waiver.config("sse-read-timeout", "Ingress/gone", null, null, "old", null, at(".mcpolicy.yaml", 4));
        ApplyWaivers step = step(List.of(stale), Map.of(), WaiverPolicy.ALL);
        step.apply(List.of(finding("replica-count", "a.yaml", 1, DEPLOYMENT)));
        assertEquals(1, step.unused().size());
        assertTrue(step.problems().isEmpty());
        InputProblem note = step.unused().get(0);
        assertEquals(InputProblem.Severity.NOTE, note.severity());
        assertEquals(".mcpolicy.yaml:4:1: waiver for sse-read-timeout matches no finding (the config waiver at"
                + " .mcpolicy.yaml:4:1): remove it, or correct what it names", note.oneLine());
    }

    @Test
    void aPolicyOfConfigIgnoresAndListsInRepositoryWaivers() {
        Waiver annotation = Waiver.annotation("replica-count", DEPLOYMENT, "one replica", null, at("d.yaml", 5));
        Waiver config = Waiver.config("image-pinned", null, null, null, "nightly", null, at(".mcpolicy.yaml", 2));
        Finding replica = finding("replica-count", "d.yaml", 9, DEPLOYMENT);
        Finding image = finding("image-pinned", "d.yaml", 12, DEPLOYMENT);
        ApplyWaivers step = step(List.of(annotation, config), Map.of(), WaiverPolicy.CONFIG);
        assertEquals(List.of(replica), step.apply(List.of(replica, image)));
        assertEquals(1, step.problems().size());
        assertTrue(step.problems().get(0).message().startsWith("ignored: --waivers config does not allow annotation"
                + " waivers"), step.problems().get(0).message());

        ApplyWaivers none = step(List.of(annotation, config), Map.of(), WaiverPolicy.NONE);
        assertEquals(List.of(replica, image), none.apply(List.of(replica, image)));
        assertEquals(2, none.problems().size());
    }

    @Test
    void aReasonHoldingASecretIsMasked() {
        Waiver waiver = Waiver.config("values-no-secrets", null, null, null,
                "rotated token ghp_abcdefghijklmnopqrstuvwxyz0123456789", null, at(".mcpolicy.yaml", 2));
        assertTrue(waiver.reason().contains("ghp_****"), waiver.reason());
    }
}

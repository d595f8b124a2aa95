package dev.mcpolicy.waivers;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceCommentsTest {
    @Test
    void readsRuleReasonAndExpiryWithTheCommentsPlace() {
        WaiverSet set = SourceComments.read("values.yaml", """
                image:
                  # mcpolicy:ignore image-pinned dev chart follows the nightly build
                  tag: latest
                replicaCount: 1  # mcpolicy:ignore replica-count expires=2026-06-30 one replica until PLAT-412
                """);
        assertEquals(2, set.waivers().size(), set.toString());
        Waiver first = set.waivers().get(0);
        assertEquals("image-pinned", first.rule());
        assertEquals("dev chart follows the nightly build", first.reason());
        assertEquals(2, first.declaredAt().line());
        assertEquals(3, first.declaredAt().column());
        assertNull(first.expires());
        Waiver second = set.waivers().get(1);
        assertEquals(LocalDate.of(2026, 6, 30), second.expires());
        assertEquals("one replica until PLAT-412", second.reason());
        assertTrue(set.problems().isEmpty());
    }

    @Test
    void aCommentWithoutReasonIsAnErrorAtItsPlaceAndNoWaiver() {
        WaiverSet set = SourceComments.read("t.yaml", "a: 1\n    # mcpolicy:ignore replica-count\n");
        assertTrue(set.waivers().isEmpty());
        assertEquals(1, set.problems().size());
        assertEquals("t.yaml:2:5: waiver comment for replica-count has no reason: write why the finding is accepted"
                + " after the rule id", set.problems().get(0).oneLine());
    }

    @Test
    void aBadDateAndAMissingRuleAreErrors() {
        WaiverSet set = SourceComments.read("t.yaml", "# mcpolicy:ignore x expires=tomorrow because\n# mcpolicy:ignore\n");
        assertEquals(2, set.problems().size(), set.toString());
        assertTrue(set.problems().get(0).message().contains("expires= must be a date"));
        assertTrue(set.problems().get(1).message().contains("names no rule"));
    }

    @Test
    void textThatOnlyMentionsTheMarkIsNoWaiver() {
        WaiverSet set = SourceComments.read("t.yaml", """
                note: "see # mcpolicy:ignore docs"
                url: http://x#mcpolicy:ignore
                # mcpolicy:ignored is another word
                """);
        assertTrue(set.waivers().isEmpty(), set.toString());
    }
}

package dev.mcpolicy.waivers;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.mcpolicy.waivers.WaiverTestFindings.DEPLOYMENT;
import static dev.mcpolicy.waivers.WaiverTestFindings.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotationWaiversTest {
    @Test
    void readsReasonAndExpiry() {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("ignore.mcpolicy.dev/replica-count", "one replica until PLAT-412");
        annotations.put("expires.mcpolicy.dev/replica-count", "2026-06-30");
        annotations.put("other", "x");
        WaiverSet set = AnnotationWaivers.read(DEPLOYMENT, annotations, key -> at("d.yaml", key.length()));
        assertEquals(1, set.waivers().size());
        assertEquals(LocalDate.of(2026, 6, 30), set.waivers().get(0).expires());
        assertEquals(DEPLOYMENT, set.waivers().get(0).target());
        assertTrue(set.problems().isEmpty());
    }

    @Test
    void anEmptyReasonABadDateAndALoneExpiryAreErrors() {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("ignore.mcpolicy.dev/replica-count", " ");
        annotations.put("ignore.mcpolicy.dev/image-pinned", "nightly");
        annotations.put("expires.mcpolicy.dev/image-pinned", "30.06.2026");
        annotations.put("expires.mcpolicy.dev/pdb-coverage", "2026-06-30");
        WaiverSet set = AnnotationWaivers.read(DEPLOYMENT, annotations, key -> at("d.yaml", 4));
        assertTrue(set.waivers().isEmpty(), set.toString());
        assertEquals(3, set.problems().size(), set.toString());
        assertEquals("d.yaml:4:1: waiver ignore.mcpolicy.dev/replica-count on Deployment/legacy-mcp has no reason:"
                + " write why the finding is accepted as its value", set.problems().get(0).oneLine());
    }
}

package dev.mcpolicy.waivers;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;

import java.util.List;
import java.util.Map;

/** Findings for the waiver tests. */
final class WaiverTestFindings {
    static final ObjectRef DEPLOYMENT = new ObjectRef("apps/v1", "Deployment", "legacy-mcp", "tools");

    private WaiverTestFindings() {
    }

    static Finding finding(String rule, String file, int line, ObjectRef object) {
        Location at = new Location(file, line, 3, 0, Location.EXACT);
        return new Finding(rule, Level.ERROR, "Deployment/legacy-mcp is wrong. Fix it.", at, at, object, "/spec",
                null, List.of(), List.of(), Map.of());
    }

    static Location at(String file, int line) {
        return new Location(file, line, 1, 0, Location.EXACT);
    }
}

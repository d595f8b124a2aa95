package dev.mcpolicy.report;

import dev.mcpolicy.finding.Level;
import dev.mcpolicy.rules.RuleDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rule links: built-in rules to their published pages, custom rules only to the helpUri of their own file. */
class RuleLinksTest {
    private static final String BASE = "https://example.com/mcpolicy/docs/rules/";

    private static RuleDefinition rule(String id) {
        return new RuleDefinition(id, null, "t", Level.WARNING, List.of(), "high", null, "r", "h", List.of(), null,
                List.of(), "rules/" + id + ".yaml");
    }

    @Test
    void builtInRulesLinkToTheirPageOnlyWhereThePagesArePublished() {
        assertEquals(Optional.of(BASE + "pdb-coverage.md"), RuleLinks.helpUri(BASE, rule("pdb-coverage")));
        assertEquals(Optional.of("https://docs.example.com/r/pdb-coverage"),
                RuleLinks.helpUri("https://docs.example.com/r/{rule}", rule("pdb-coverage")));
        assertEquals(Optional.empty(), RuleLinks.helpUri(null, rule("pdb-coverage")));
    }

    @Test
    void customRulesLinkToTheirOwnDocumentationOrNowhere() {
        RuleDefinition documented = rule("team-label").fromPack("policies", "https://wiki.example.com/team-label");
        RuleDefinition undocumented = rule("cost-center").fromPack("policies", null);
        assertEquals(Optional.of("https://wiki.example.com/team-label"), RuleLinks.helpUri(BASE, documented));
        assertEquals(Optional.of("https://wiki.example.com/team-label"), RuleLinks.helpUri(null, documented));
        assertEquals(Optional.empty(), RuleLinks.helpUri(BASE, undocumented));
        ReportContext context = ReportContext.of(SampleRun.TOOL, List.of(documented, undocumented))
                .withHelpBaseUrl(BASE);
        assertEquals(Optional.empty(), RuleLinks.helpUri(context, "cost-center"));
        assertEquals(Optional.of(BASE + "unknown-rule.md"), RuleLinks.helpUri(context, "unknown-rule"));
    }
}

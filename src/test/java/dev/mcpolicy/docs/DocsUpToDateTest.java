package dev.mcpolicy.docs;

import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleDocs;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed rule pages and README's rule table are what the rules generate now. */
class DocsUpToDateTest {
    private static final String FIX = " is stale: run scripts/update-docs.sh and commit the result";

    @Test
    void generatedDocsAreCommitted() throws Exception {
        Path repository = Path.of("");
        Map<Path, String> pages = DocsGenerator.pages(repository, DocsGenerator.builtIn());
        for (Map.Entry<Path, String> page : pages.entrySet()) {
            assertTrue(Files.exists(page.getKey()), page.getKey() + " is missing: run scripts/update-docs.sh");
            assertEquals(page.getValue(), Files.readString(page.getKey()), page.getKey() + FIX);
        }
    }

    @Test
    void noPageForARuleThatNoLongerExists() throws Exception {
        Map<Path, String> pages = DocsGenerator.pages(Path.of(""), DocsGenerator.builtIn());
        try (Stream<Path> files = Files.list(Path.of("docs/rules"))) {
            files.forEach(file -> assertTrue(pages.containsKey(file), file + " documents no rule; delete it"));
        }
    }

    @Test
    void pagesExplainWhatWhyHowParametersAndExamples() throws Exception {
        for (RuleDefinition rule : DocsGenerator.builtIn().rules()) {
            String page = RuleDocs.markdown(rule);
            for (String section : new String[]{"## What it checks", "## Why it matters", "## How to fix", "## Parameters", "### Fails", "### Passes"}) {
                assertTrue(page.contains(section), rule.id() + " page lacks " + section);
            }
        }
    }
}

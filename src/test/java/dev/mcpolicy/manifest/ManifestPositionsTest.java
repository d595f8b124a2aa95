package dev.mcpolicy.manifest;

import org.junit.jupiter.api.Test;

import static dev.mcpolicy.manifest.LoaderTestSupport.lines;
import static dev.mcpolicy.manifest.LoaderTestSupport.load;
import static dev.mcpolicy.manifest.LoaderTestSupport.pos;
import static dev.mcpolicy.manifest.LoaderTestSupport.single;
import static dev.mcpolicy.manifest.LoaderTestSupport.span;
import static dev.mcpolicy.manifest.LoaderTestSupport.textBetween;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class ManifestPositionsTest {

    private static final String DEPLOYMENT = lines(
            "apiVersion: apps/v1",                       // 1
            "kind: Deployment",                          // 2
            "metadata:",                                 // 3
            "  name: mcp",                               // 4
            "  annotations:",                            // 5
            "    nginx.ingress.kubernetes.io/proxy-buffering: \"off\"", // 6
            "spec:",                                     // 7
            "  template:",                               // 8
            "    spec:",                                 // 9
            "      containers:",                         // 10
            "      - name: server",                      // 11
            "        args: [--port, \"8080\", {k: v}]",  // 12
            "        command:",                          // 13
            "          - run",                           // 14
            "      - name: sidecar",                     // 15
            "        script: |",                         // 16
            "          echo one",                        // 17
            "          echo two",                        // 18
            "        note: >-",                          // 19
            "          folded",                          // 20
            "          text",                            // 21
            "        empty:");                           // 22

    @Test
    void keysAndScalarValuesHaveExactSpans() {
        ManifestDocument doc = single(DEPLOYMENT);
        NodeSpan kind = span(doc, "/kind");
        assertEquals(pos(2, 1), kind.key());
        assertEquals(pos(2, 5), kind.keyEnd());
        assertEquals(pos(2, 7), kind.valueStart());
        assertEquals(pos(2, 17), kind.valueEnd());
        assertEquals(pos(2, 1), kind.anchor());
        assertEquals(5, kind.anchorEndColumn());
    }

    @Test
    void pointerTokensEscapeSlashAndTilde() {
        ManifestDocument doc = single(DEPLOYMENT);
        NodeSpan annotation = span(doc, "/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-buffering");
        assertEquals(pos(6, 5), annotation.key());
        assertEquals(pos(6, 50), annotation.valueStart());
        assertEquals("\"off\"", textBetween(DEPLOYMENT, annotation.valueStart(), annotation.valueEnd()));
        assertEquals("off", doc.content().at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-buffering")
                .textValue());
    }

    @Test
    void blockMappingValueStartsAtItsFirstEntryAndEndsAtItsLastValue() {
        ManifestDocument doc = single(DEPLOYMENT);
        NodeSpan metadata = span(doc, "/metadata");
        assertEquals(pos(3, 1), metadata.key());
        assertEquals(pos(4, 3), metadata.valueStart());
        assertEquals(pos(6, 55), metadata.valueEnd());
    }

    @Test
    void listItemsHaveNoKeyAndStartAtTheItem() {
        ManifestDocument doc = single(DEPLOYMENT);
        NodeSpan first = span(doc, "/spec/template/spec/containers/0");
        assertNull(first.key());
        assertNull(first.keyEnd());
        assertEquals(pos(11, 9), first.valueStart());
        assertEquals(pos(11, 9), first.anchor());
        NodeSpan second = span(doc, "/spec/template/spec/containers/1");
        assertEquals(pos(15, 9), second.valueStart());
        NodeSpan containers = span(doc, "/spec/template/spec/containers");
        assertEquals(pos(10, 7), containers.key());
        assertEquals(pos(11, 7), containers.valueStart());
        NodeSpan commandItem = span(doc, "/spec/template/spec/containers/0/command/0");
        assertEquals(pos(14, 13), commandItem.valueStart());
        assertEquals(pos(14, 16), commandItem.valueEnd());
        assertEquals(16, commandItem.anchorEndColumn());
    }

    @Test
    void flowCollectionsHavePositionsForEveryItem() {
        ManifestDocument doc = single(DEPLOYMENT);
        String args = "/spec/template/spec/containers/0/args";
        assertEquals(pos(12, 15), span(doc, args).valueStart());
        assertEquals(pos(12, 39), span(doc, args).valueEnd());
        assertEquals("[--port, \"8080\", {k: v}]",
                textBetween(DEPLOYMENT, span(doc, args).valueStart(), span(doc, args).valueEnd()));
        assertEquals(pos(12, 16), span(doc, args + "/0").valueStart());
        assertEquals("\"8080\"", textBetween(DEPLOYMENT, span(doc, args + "/1").valueStart(),
                span(doc, args + "/1").valueEnd()));
        assertEquals("{k: v}", textBetween(DEPLOYMENT, span(doc, args + "/2").valueStart(),
                span(doc, args + "/2").valueEnd()));
        NodeSpan k = span(doc, args + "/2/k");
        assertEquals(pos(12, 33), k.key());
        assertEquals(pos(12, 36), k.valueStart());
    }

    @Test
    void multiLineStringsStartAtTheirIndicator() {
        ManifestDocument doc = single(DEPLOYMENT);
        NodeSpan script = span(doc, "/spec/template/spec/containers/1/script");
        assertEquals(pos(16, 9), script.key());
        assertEquals(pos(16, 17), script.valueStart());
        assertEquals(0, pos(16, 17).compareTo(script.valueStart()));
        assertEquals("echo one\necho two\n", doc.content().at("/spec/template/spec/containers/1/script").textValue());
        NodeSpan note = span(doc, "/spec/template/spec/containers/1/note");
        assertEquals(pos(19, 15), note.valueStart());
        assertEquals("folded text", doc.content().at("/spec/template/spec/containers/1/note").textValue());
    }

    @Test
    void emptyValueIsNullPlacedAfterItsKey() {
        ManifestDocument doc = single(DEPLOYMENT);
        NodeSpan empty = span(doc, "/spec/template/spec/containers/1/empty");
        assertEquals(pos(22, 9), empty.key());
        assertEquals(pos(22, 15), empty.valueStart());
        assertEquals(empty.valueStart(), empty.valueEnd());
        assertEquals(true, doc.content().at("/spec/template/spec/containers/1/empty").isNull());
    }

    @Test
    void rootSpanCoversTheDocument() {
        ManifestDocument doc = single(DEPLOYMENT);
        NodeSpan root = span(doc, "");
        assertNull(root.key());
        assertEquals(pos(1, 1), root.valueStart());
        assertEquals(pos(22, 15), root.valueEnd());
    }

    @Test
    void missingKeyLocatesToNearestExistingParent() {
        ManifestDocument doc = single(DEPLOYMENT);
        PositionIndex.Located located = doc.positions().locate("/spec/template/spec/terminationGracePeriodSeconds");
        assertEquals("/spec/template/spec", located.pointer());
        assertFalse(located.exact());
        assertEquals(pos(9, 5), located.span().key());
    }

    @Test
    void positionsAreInFileLinesAcrossDocuments() {
        String text = lines(
                "# leading comment",      // 1
                "a: 1",                   // 2
                "---",                    // 3
                "# Source: c/t/x.yaml",   // 4
                "",                       // 5
                "b:",                     // 6
                "  c: 2",                 // 7
                "---",                    // 8
                "---",                    // 9
                "d: [1, 2]");             // 10
        LoadResult result = load(text);
        assertEquals(3, result.documents().size());
        ManifestDocument first = result.documents().get(0);
        ManifestDocument second = result.documents().get(1);
        ManifestDocument third = result.documents().get(2);
        assertEquals(1, first.firstLine());
        assertEquals(pos(2, 1), span(first, "/a").key());
        assertEquals(3, second.firstLine());
        assertEquals(pos(7, 3), span(second, "/b/c").key());
        assertEquals(pos(7, 6), span(second, "/b/c").valueStart());
        assertEquals(9, third.firstLine());
        assertEquals(pos(10, 8), span(third, "/d/1").valueStart());
        assertEquals(0, first.index());
        assertEquals(1, second.index());
        assertEquals(3, third.index(), "the empty document between them keeps its index");
    }

    @Test
    void crlfLineEndingsKeepLinesAndColumns() {
        String unix = lines("a: 1", "b:", "  c: [x, y]", "  d: |", "    text", "e: 'q'", "---", "f: 2");
        String windows = unix.replace("\n", "\r\n");
        LoadResult u = load(unix);
        LoadResult w = load(windows);
        assertEquals(u.problems(), w.problems());
        assertEquals(u.documents().size(), w.documents().size());
        for (int i = 0; i < u.documents().size(); i++) {
            ManifestDocument ud = u.documents().get(i);
            ManifestDocument wd = w.documents().get(i);
            assertEquals(ud.content(), wd.content());
            assertEquals(ud.firstLine(), wd.firstLine());
            for (String pointer : new String[]{"", "/a", "/b", "/b/c", "/b/c/1", "/e", "/f"}) {
                assertEquals(ud.positions().get(pointer), wd.positions().get(pointer), pointer);
            }
        }
        assertEquals("text\n", w.documents().get(0).content().at("/b/d").textValue());
        assertEquals(pos(8, 1), span(w.documents().get(1), "/f").key());
    }

    @Test
    void loneCarriageReturnsAreLineBreaksToo() {
        ManifestDocument doc = single("a: 1\rb: 2\r---x: 3\r");
        assertEquals(pos(2, 1), span(doc, "/b").key());
        assertEquals(pos(3, 1), span(doc, "/---x").key(), "---x is a key, not a marker");
    }

    @Test
    void byteOrderMarkIsDroppedAndColumnsStartAfterIt() {
        ManifestDocument doc = single("\uFEFFapiVersion: v1\nkind: Pod\n");
        assertEquals(pos(1, 1), span(doc, "/apiVersion").key());
        assertEquals(pos(1, 13), span(doc, "/apiVersion").valueStart());
        assertEquals("v1", doc.content().at("/apiVersion").textValue());
    }

    @Test
    void byteOrderMarkBeforeAMarkerStillSplits() {
        LoadResult result = load("\uFEFF---\na: 1\n---\nb: 2\n");
        assertEquals(2, result.documents().size());
        assertEquals(pos(4, 1), span(result.documents().get(1), "/b").key());
    }

    @Test
    void columnsCountUtf16UnitsAfterCharactersOutsideTheBasicPlane() {
        String text = lines("emoji: \"\uD83D\uDE00\uD83D\uDE00\"", "k\uD83D\uDE00y: [a, \uD83D\uDE00, b]");
        ManifestDocument doc = single(text);
        NodeSpan emoji = span(doc, "/emoji");
        assertEquals("\"\uD83D\uDE00\uD83D\uDE00\"", textBetween(text, emoji.valueStart(), emoji.valueEnd()));
        NodeSpan key = span(doc, "/k\uD83D\uDE00y");
        assertEquals(pos(2, 1), key.key());
        assertEquals(pos(2, 5), key.keyEnd());
        assertEquals("b", textBetween(text, span(doc, "/k\uD83D\uDE00y/2").valueStart(),
                span(doc, "/k\uD83D\uDE00y/2").valueEnd()));
    }

    @Test
    void aliasedValuesPointAtTheAliasAndTheirChildrenAtTheAnchor() {
        String text = lines(
                "base: &b",        // 1
                "  x: 1",          // 2
                "copy: *b",        // 3
                "merged:",         // 4
                "  <<: *b",        // 5
                "  y: 2");         // 6
        ManifestDocument doc = single(text);
        assertEquals(pos(3, 7), span(doc, "/copy").valueStart());
        assertEquals(pos(3, 9), span(doc, "/copy").valueEnd());
        assertEquals(pos(2, 3), span(doc, "/copy/x").key());
        assertEquals(pos(2, 3), span(doc, "/merged/x").key());
        assertEquals(pos(6, 3), span(doc, "/merged/y").key());
        assertEquals(1, doc.content().at("/merged/x").intValue());
    }
}

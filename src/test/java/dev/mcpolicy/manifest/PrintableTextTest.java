package dev.mcpolicy.manifest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PrintableTextTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("a\nb.yaml", "a\\nb.yaml"),
                Arguments.of("a\r\nb.yaml", "a\\r\\nb.yaml"),
                Arguments.of("tab\there.yaml", "tab\\there.yaml"),
                Arguments.of("esc\u001b[31m.yaml", "esc\\u001b[31m.yaml"),
                Arguments.of("del\u007f.yaml", "del\\u007f.yaml"),
                Arguments.of("c1\u0085.yaml", "c1\\u0085.yaml"),
                Arguments.of("ls\u2028.yaml", "ls\\u2028.yaml"),
                Arguments.of("rlo\u202egnp.yaml", "rlo\\u202egnp.yaml"),
                Arguments.of("isolate\u2066.yaml", "isolate\\u2066.yaml"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("names")
    void controlCharactersBecomeVisibleEscapes(String raw, String shown) {
        assertEquals(shown, PrintableText.escape(raw));
    }

    @Test
    void ordinaryNamesAreReturnedAsTheyAre() {
        String name = "charts/mcp-server/templates/déploiement 2.yaml";
        assertSame(name, PrintableText.escape(name));
        assertEquals("", PrintableText.escape(null));
    }

    @Test
    void aProblemLineCannotBeForgedThroughAFileName() {
        InputProblem problem = InputProblem.error("x.yaml:9:9: fake problem\nreal.yaml", 1, 2, "bad\nthing");
        assertEquals("x.yaml:9:9: fake problem\\nreal.yaml:1:2: bad\\nthing", problem.oneLine());
        assertEquals("x.yaml:9:9: fake problem\nreal.yaml", problem.file(), "the value keeps the real name");
    }
}

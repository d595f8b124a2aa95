package dev.mcpolicy.engine.workloads;

import dev.mcpolicy.rules.Durations;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values of 64 KB shaped like what a mechanism parses with a repeated group: each used to recurse once per
 * repetition and overflow the stack at about 8 KB.
 */
class LongShapedValuesTest {
    private static final int REPEATS = 32 * 1024;

    @Test
    void aLongChainOfSleepArgumentsIsSummed() {
        assertEquals(Optional.of(BigDecimal.valueOf(REPEATS)), PreStopDelay.sum("sleep" + " 1".repeat(REPEATS)));
    }

    @Test
    void aLongDurationIsRead() {
        assertEquals(Optional.of(BigDecimal.valueOf(REPEATS)), Durations.seconds("1s".repeat(REPEATS)));
        assertEquals(Optional.of(new BigDecimal("0.5")), Durations.seconds("500ms"), "ms is not read as m then s");
        assertEquals(Optional.of(BigDecimal.valueOf(5400)), Durations.seconds("1h30m"));
        assertEquals(Optional.empty(), Durations.seconds("1s".repeat(REPEATS) + "x"));
    }

    @Test
    void aLongImageReferenceIsMalformedNotACrash() {
        assertFalse(ImageReference.parse("a" + ".b".repeat(REPEATS)).wellFormed());
        assertFalse(ImageReference.parse("registry.example.com/" + "a/".repeat(REPEATS) + "mcp:1").wellFormed());
        assertTrue(ImageReference.parse("registry.example.com:5000/acme/mcp-server.v2__x:1.0.0").wellFormed());
    }
}

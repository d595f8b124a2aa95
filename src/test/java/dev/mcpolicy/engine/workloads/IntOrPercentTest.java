package dev.mcpolicy.engine.workloads;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntOrPercentTest {

    /** Percentages scale like Kubernetes' GetScaledValueFromIntOrPercent, checked against decimal arithmetic. */
    @ParameterizedTest
    @ValueSource(longs = {1, 7, 20260101})
    void percentagesRoundLikeKubernetes(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            int percent = random.nextInt(201);
            int total = random.nextInt(500);
            IntOrPercent value = IntOrPercent.parse(percent + "%").orElseThrow();
            BigDecimal exact = BigDecimal.valueOf((long) percent * total).divide(BigDecimal.valueOf(100));
            assertEquals(exact.setScale(0, RoundingMode.CEILING).intValueExact(), value.of(total, true),
                    percent + "% of " + total + " rounded up");
            assertEquals(exact.setScale(0, RoundingMode.FLOOR).intValueExact(), value.of(total, false),
                    percent + "% of " + total + " rounded down");
        }
    }

    @ParameterizedTest
    @CsvSource({"0%,0,true", "25%,25,true", " 50% ,50,true", "100%,100,true"})
    void readsPercentStrings(String text, int value, boolean percent) {
        assertEquals(Optional.of(new IntOrPercent(value, percent)),
                IntOrPercent.read(JsonNodeFactory.instance.textNode(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "25", "%", "-5%", "1.5%", "abc", ""})
    void stringsThatAreNotPercentagesAreInvalid(String text) {
        assertTrue(IntOrPercent.read(JsonNodeFactory.instance.textNode(text)).isEmpty(), text);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void wholeNumbersAreCountsAsWritten(int count) {
        IntOrPercent value = IntOrPercent.read(JsonNodeFactory.instance.numberNode(count)).orElseThrow();
        assertEquals(count, value.of(1000, true));
        assertEquals(Integer.toString(count), value.text());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, 1.5})
    void negativeOrFractionalNumbersAreInvalid(double number) {
        assertTrue(IntOrPercent.read(JsonNodeFactory.instance.numberNode(number)).isEmpty());
    }
}

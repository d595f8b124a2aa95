package dev.mcpolicy.engine.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PreStopDelayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** seconds: the delay read, "none" when the hook's length cannot be known, "inf" for sleep infinity. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"sleep\":{\"seconds\":15}} | 15",
            "{\"exec\":{\"command\":[\"sleep\",\"10\"]}} | 10",
            "{\"exec\":{\"command\":[\"/bin/sleep\",\"1m\"]}} | 60",
            "{\"exec\":{\"command\":[\"sleep\",\"1\",\"2s\"]}} | 3",
            "{\"exec\":{\"command\":[\"/bin/sh\",\"-c\",\"sleep 5 && nginx -s quit; sleep 0.5\"]}} | 5.5",
            "{\"exec\":{\"command\":[\"sh\",\"-ec\",\"echo bye; sleep '20'\"]}} | 20",
            "{\"exec\":{\"command\":[\"bash\",\"-c\",\"sleep infinity\"]}} | inf",
            "{\"exec\":{\"command\":[\"sh\",\"-c\",\"while pgrep app; do sleep 1; done\"]}} | none",
            "{\"exec\":{\"command\":[\"sh\",\"-c\",\"sleep $DRAIN\"]}} | none",
            "{\"exec\":{\"command\":[\"sh\",\"-c\",\"/bin/drain --no-sleep\"]}} | none",
            "{\"exec\":{\"command\":[\"/wait-shutdown\"]}} | none",
            "{\"exec\":{\"command\":[\"my-sleep\",\"10\"]}} | none",
            "{\"httpGet\":{\"path\":\"/drain\",\"port\":8080}} | none",
            "{\"exec\":{\"command\":\"sleep 10\"}} | none",
    })
    void readsTheWait(String preStop, String expected) throws Exception {
        JsonNode container = JSON.readTree("{\"lifecycle\":{\"preStop\":" + preStop + "}}");
        Optional<PreStopDelay> delay = PreStopDelay.of(container);
        String actual = delay.map(d -> d.infinite() ? "inf" : d.seconds().stripTrailingZeros().toPlainString())
                .orElse("none");
        assertEquals(expected.equals("none") || expected.equals("inf") ? expected
                : new BigDecimal(expected).stripTrailingZeros().toPlainString(), actual);
    }
}

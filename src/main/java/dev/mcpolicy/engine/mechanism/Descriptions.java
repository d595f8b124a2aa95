package dev.mcpolicy.engine.mechanism;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered name → description maps, for the placeholders and violation kinds mechanisms declare. */
public final class Descriptions {
    private Descriptions() {
    }

    /** @param namesAndDescriptions name, description, name, description, … */
    public static Map<String, String> of(String... namesAndDescriptions) {
        if (namesAndDescriptions.length % 2 != 0) {
            throw new IllegalArgumentException("names and descriptions come in pairs");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDescriptions.length; i += 2) {
            out.put(namesAndDescriptions[i], namesAndDescriptions[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }
}

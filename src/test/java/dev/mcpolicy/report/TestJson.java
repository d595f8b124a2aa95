package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading reports back in tests (the reports themselves are written by {@link JsonOutput}, without a mapper). */
final class TestJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private TestJson() {
    }
}

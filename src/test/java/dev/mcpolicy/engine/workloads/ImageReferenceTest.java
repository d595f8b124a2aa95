package dev.mcpolicy.engine.workloads;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageReferenceTest {
    private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /** shape: ok, latest, untagged, malformed, empty; pull: the pull policy Kubernetes defaults to. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "ghcr.io/acme/mcp-server:2.1.4 | ok | IfNotPresent",
            "python:3.12-slim | ok | IfNotPresent",
            "localhost:5000/mcp:1 | ok | IfNotPresent",
            "registry.example.com:443/team/sub/mcp-server:v1.0.0-rc.1 | ok | IfNotPresent",
            "ghcr.io/acme/mcp-server@" + DIGEST + " | ok | IfNotPresent",
            "ghcr.io/acme/mcp-server:latest@" + DIGEST + " | ok | IfNotPresent",
            "ghcr.io/acme/mcp-server:latest | latest | Always",
            "mcp-server | untagged | Always",
            "localhost:5000/mcp-server | untagged | Always",
            "ghcr.io/acme/mcp-server: | malformed | Always",
            "ghcr.io/Acme/mcp-server:1 | malformed | Always",
            "ghcr.io/acme/mcp server:1 | malformed | Always",
            "ghcr.io/acme/mcp-server:1@sha256:abc | malformed | Always",
            "'' | empty | Always",
            "'   ' | empty | Always",
    })
    void readsReferencesLikeTheRuntime(String text, String shape, String pull) {
        ImageReference image = ImageReference.parse(text);
        String actual = image.blank() ? "empty" : !image.wellFormed() ? "malformed" : image.latest() ? "latest"
                : image.untagged() ? "untagged" : "ok";
        assertEquals(shape, actual);
        if (image.wellFormed()) {
            assertEquals(pull, image.defaultPullPolicy());
        }
    }
}

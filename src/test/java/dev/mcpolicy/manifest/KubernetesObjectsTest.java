package dev.mcpolicy.manifest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static dev.mcpolicy.manifest.LoaderTestSupport.load;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KubernetesObjectsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{apiVersion: v1, kind: Pod}                | ",
            "{apiVersion: v1, kind: List, items: []}    | ",
            "[a, b]                                     | a list, not a mapping",
            "text                                       | a string, not a mapping",
            "42                                         | a number, not a mapping",
            "{kind: Pod}                                | it has no apiVersion",
            "{apiVersion: v1}                           | it has no kind",
            "{apiVersion: v1, kind: ~}                  | it has no kind",
            "{apiVersion: 1, kind: Pod}                 | apiVersion is a number, not a string",
            "{apiVersion: v1, kind: [Pod]}              | kind is a list, not a string",
            "{apiVersion: '', kind: Pod}                | apiVersion is empty",
    })
    void explainsWhyADocumentIsNotAKubernetesObject(String yaml, String reason) {
        var content = load(yaml + "\n").documents().get(0).content();
        assertEquals(Optional.ofNullable(reason), KubernetesObjects.whyNotAnObject(content));
    }
}

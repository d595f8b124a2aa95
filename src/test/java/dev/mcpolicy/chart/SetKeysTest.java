package dev.mcpolicy.chart;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SetKeysTest {
    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            "image.tag=1.2.3                          => image>tag",
            "a=1,b.c=2                                => a ; b>c",
            "list={x,y},d=3                           => list ; d",
            "nginx\\.ingress\\.kubernetes\\.io/x=on => nginx.ingress.kubernetes.io/x",
            "servers[0].port=80                       => servers>0>port",
            "text=a\\,b,next=1                        => text ; next",
    })
    void parsesTheKeysHelmAssigns(String argument, String expected) {
        List<List<String>> paths = SetKeys.parse(List.of(argument)).paths();
        List<List<String>> wanted = Arrays.stream(expected.split(";"))
                .map(p -> List.of(p.strip().split(">"))).toList();
        assertEquals(wanted, paths);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            "resources.limits.memory=1Gi => resources/limits/memory => true",
            "resources.limits=null       => resources/limits/memory => true",
            "resources.limits.memory=1Gi => resources/limits        => false",
            "replicaCount=3              => replicas                => false",
    })
    void coversAPathItselfOrThroughAnAncestor(String argument, String path, boolean covered) {
        assertEquals(covered, SetKeys.parse(List.of(argument)).covers(List.of(path.split("/"))));
    }
}

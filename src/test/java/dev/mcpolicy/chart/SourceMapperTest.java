package dev.mcpolicy.chart;

import dev.mcpolicy.finding.Location;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the fixture charts with the real helm and checks, finding place by finding place, that the mapper
 * lands on the line a reviewer would edit.
 */
class SourceMapperTest {
    private static final Map<String, Rendered> RENDERS = new HashMap<>();

    private record Rendered(RenderedStream stream, SourceMapper mapper) {
    }

    /**
     * chart folder | -f files (comma separated, "-" for none) ; --set args | Kind/name | pointer |
     * expected file:line mapping | expected related lines, comma separated ("-" when not checked, "none" for none)
     * [| the finding's hint at the offending part of the value].
     */
    static Stream<String> table() {
        return Stream.of(
                // the guide-like chart: folder mcp-gateway, chart name mcp-server
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/replicas | mcp-gateway/values.yaml:7 values | mcp-gateway/templates/deployment.yaml:9",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/terminationGracePeriodSeconds | mcp-gateway/values.yaml:34 values | mcp-gateway/templates/deployment.yaml:19",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/containers/0/resources/limits/cpu | mcp-gateway/values.yaml:28 values | mcp-gateway/templates/deployment.yaml:38",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/containers/0/resources/limits/memory | mcp-gateway/values.yaml:27 values | mcp-gateway/templates/deployment.yaml:38",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/containers/0/image | mcp-gateway/templates/deployment.yaml:26 exact | -",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/containers/1/image | mcp-gateway/templates/deployment.yaml:48 exact | -",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/containers/1/args/0 | mcp-gateway/templates/deployment.yaml:50 exact | -",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/containers/0/env/1/value | mcp-gateway/values.yaml:44 values | mcp-gateway/templates/deployment.yaml:45",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/containers/0/env/0/name | mcp-gateway/templates/deployment.yaml:44 exact | -",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/containers/0/securityContext | mcp-gateway/templates/deployment.yaml:25 parent-key | -",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/containers/0/livenessProbe/httpGet | mcp-gateway/templates/deployment.yaml:25 parent-key | -",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/containers/0/readinessProbe/httpGet/path | mcp-gateway/templates/deployment.yaml:34 exact | -",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/containers/0/readinessProbe/timeoutSeconds | mcp-gateway/templates/deployment.yaml:32 parent-key | -",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/securityContext/runAsNonRoot | mcp-gateway/values.yaml:31 values | mcp-gateway/templates/deployment.yaml:22",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/securityContext/seccompProfile | mcp-gateway/values.yaml:30 values | mcp-gateway/templates/deployment.yaml:22",
                "mcp-gateway | - | Deployment/rel-mcp-server | /metadata/labels/app.kubernetes.io~1version | mcp-gateway/templates/deployment.yaml:6 include-call | -",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/metadata/labels/app.kubernetes.io~1name | mcp-gateway/templates/deployment.yaml:17 include-call | -",
                "mcp-gateway | - | Deployment/rel-mcp-server | /spec/template/spec/containers/0/envFrom/0/secretRef/name | mcp-gateway/values.yaml:46 values | mcp-gateway/templates/deployment.yaml:41",
                "mcp-gateway | - | Deployment/rel-mcp-server | | mcp-gateway/templates/deployment.yaml:1 document | -",
                "mcp-gateway | - | Ingress/rel-mcp-server | /metadata/annotations/nginx.ingress.kubernetes.io~1proxy-buffering | mcp-gateway/values.yaml:20 values | mcp-gateway/templates/ingress.yaml:9",
                "mcp-gateway | - | Ingress/rel-mcp-server | /metadata/annotations/nginx.ingress.kubernetes.io~1proxy-send-timeout | mcp-gateway/values.yaml:19 values | mcp-gateway/templates/ingress.yaml:7",
                "mcp-gateway | - | Ingress/rel-mcp-server | /spec/rules/0/host | mcp-gateway/values.yaml:16 values | mcp-gateway/templates/ingress.yaml:21",
                "mcp-gateway | - | Ingress/rel-mcp-server | /spec/tls/0/hosts/0 | mcp-gateway/values.yaml:16 values | mcp-gateway/templates/ingress.yaml:17",
                "mcp-gateway | - | Ingress/rel-mcp-server | /spec/rules/0/http/paths/0/backend/service/port/number | mcp-gateway/values.yaml:11 values | mcp-gateway/templates/ingress.yaml:30",
                "mcp-gateway | - | Service/rel-mcp-server | /spec/ports/0/port | mcp-gateway/values.yaml:11 values | mcp-gateway/templates/service.yaml:10",
                "mcp-gateway | - | PodDisruptionBudget/rel-mcp-server | /spec/maxUnavailable | mcp-gateway/templates/pdb.yaml:5 parent-key | -",
                "mcp-gateway | - | Pod/rel-mcp-server-handshake | /spec/containers/0/args/0 | mcp-gateway/templates/tests/protocol-test.yaml:14 exact | -",
                // one environment file
                "mcp-gateway | values-staging.yaml | Deployment/rel-mcp-server | /spec/replicas | mcp-gateway/values-staging.yaml:1 values | mcp-gateway/templates/deployment.yaml:9",
                "mcp-gateway | values-staging.yaml | Deployment/rel-mcp-server | /spec/template/spec/containers/0/resources/limits/memory | mcp-gateway/values-staging.yaml:12 values | -",
                "mcp-gateway | values-staging.yaml | Deployment/rel-mcp-server | /spec/template/spec/containers/0/resources/requests/cpu | mcp-gateway/values.yaml:25 values | -",
                "mcp-gateway | values-staging.yaml | Deployment/rel-mcp-server | /spec/template/spec/containers/0/imagePullPolicy | mcp-gateway/values-staging.yaml:4 values | mcp-gateway/templates/deployment.yaml:27",
                "mcp-gateway | values-staging.yaml | Deployment/rel-mcp-server | /spec/template/spec/containers/0/env/0/value | mcp-gateway/values-staging.yaml:15 values | -",
                "mcp-gateway | values-staging.yaml | Deployment/rel-mcp-server | /spec/template/spec/containers/0/env/1/value | mcp-gateway/values.yaml:44 values | -",
                "mcp-gateway | values-staging.yaml | Ingress/rel-mcp-server | /spec/rules/0/host | mcp-gateway/values-staging.yaml:7 values | -",
                // two environment files: the last one that sets a key wins
                "mcp-gateway | values-staging.yaml,values-production.yaml | Deployment/rel-mcp-server | /spec/replicas | mcp-gateway/templates/deployment.yaml:7 parent-key | -",
                "mcp-gateway | values-staging.yaml,values-production.yaml | Deployment/rel-mcp-server | /spec/template/spec/containers/0/resources/limits/memory | mcp-gateway/values-staging.yaml:12 values | -",
                "mcp-gateway | values-staging.yaml,values-production.yaml | Deployment/rel-mcp-server | /spec/template/spec/containers/0/resources/requests/memory | mcp-gateway/values-production.yaml:9 values | -",
                "mcp-gateway | values-production.yaml,values-staging.yaml | Deployment/rel-mcp-server | /spec/template/spec/containers/0/imagePullPolicy | mcp-gateway/values-staging.yaml:4 values | -",
                "mcp-gateway | values-production.yaml | HorizontalPodAutoscaler/rel-mcp-server | /spec/maxReplicas | mcp-gateway/values-production.yaml:13 values | mcp-gateway/templates/hpa.yaml:12",
                "mcp-gateway | values-production.yaml | HorizontalPodAutoscaler/rel-mcp-server | /spec/minReplicas | mcp-gateway/values.yaml:38 values | mcp-gateway/templates/hpa.yaml:11",
                "mcp-gateway | values-production.yaml | Deployment/rel-mcp-server | /spec/template/spec/terminationGracePeriodSeconds | mcp-gateway/values-production.yaml:15 values | -",
                // --set keeps the finding on the template line
                "mcp-gateway | values-production.yaml ; drainSeconds=300 | Deployment/rel-mcp-server | /spec/template/spec/terminationGracePeriodSeconds | mcp-gateway/templates/deployment.yaml:19 exact | -",
                "mcp-gateway | - ; service.port=9999,replicaCount=3 | Service/rel-mcp-server | /spec/ports/0/port | mcp-gateway/templates/service.yaml:10 exact | -",
                "mcp-gateway | - ; service.port=9999,replicaCount=3 | Service/rel-mcp-server | /spec/type | mcp-gateway/values.yaml:10 values | -",
                // subcharts: an aliased one (charts/cache, chart session-cache, alias sessions) and a plain one
                "umbrella | - | StatefulSet/rel-sessions | /spec/template/spec/containers/0/resources/limits/memory | umbrella/values.yaml:9 values | umbrella/charts/cache/templates/statefulset.yaml:19",
                "umbrella | values-production.yaml | StatefulSet/rel-sessions | /spec/template/spec/containers/0/resources/limits/memory | umbrella/values-production.yaml:7 values | -",
                "umbrella | - | StatefulSet/rel-sessions | /spec/template/spec/containers/0/resources/requests/cpu | umbrella/charts/cache/values.yaml:5 values | -",
                "umbrella | - | StatefulSet/rel-sessions | /spec/template/spec/containers/0/resources/limits/ephemeral-storage | umbrella/values.yaml:8 values | -",
                "umbrella | - | StatefulSet/rel-sessions | /spec/template/spec/containers/0/args/1 | umbrella/values.yaml:6 values | umbrella/charts/cache/templates/statefulset.yaml:18",
                "umbrella | - | StatefulSet/rel-sessions | /spec/template/spec/containers/0/image | umbrella/charts/cache/values.yaml:1 values | -",
                "umbrella | - | StatefulSet/rel-sessions | /spec/template/spec/containers/0/securityContext | umbrella/charts/cache/templates/statefulset.yaml:16 parent-key | -",
                "umbrella | - | ConfigMap/rel-audit | /data/retention | umbrella/values.yaml:12 values | umbrella/charts/audit/templates/configmap.yaml:6",
                "umbrella | values-production.yaml | Deployment/rel-gateway | /spec/replicas | umbrella/values-production.yaml:2 values | umbrella/templates/gateway.yaml:6",
                // several documents per template, helm's kind order, range/with blocks, templated keys
                "multidoc | - | Deployment/rel-toolbox | /spec/template/spec/containers/0/ports/2/containerPort | multidoc/values.yaml:15 values | multidoc/templates/server.yaml:31",
                "multidoc | - | Deployment/rel-toolbox | /spec/template/spec/containers/0/ports/1/name | multidoc/values.yaml:12 values | multidoc/templates/server.yaml:30",
                "multidoc | - | Deployment/rel-toolbox | /spec/template/spec/containers/0/ports/0/containerPort | multidoc/values.yaml:3 values | multidoc/templates/server.yaml:28",
                "multidoc | - | Deployment/rel-toolbox | /metadata/labels/tier | multidoc/values.yaml:25 values | multidoc/templates/server.yaml:12",
                "multidoc | - | Deployment/rel-toolbox | /metadata/labels/app.kubernetes.io~1name | multidoc/templates/server.yaml:10 include-call | -",
                "multidoc | - | Deployment/rel-toolbox | /spec/template/spec/containers/0/readinessProbe/periodSeconds | multidoc/values.yaml:7 values | multidoc/templates/server.yaml:38",
                "multidoc | values-lab.yaml | Deployment/rel-toolbox | /spec/template/spec/containers/0/readinessProbe/periodSeconds | multidoc/values-lab.yaml:4 values | -",
                "multidoc | values-lab.yaml | Deployment/rel-toolbox | /spec/template/spec/containers/0/readinessProbe/httpGet/path | multidoc/values.yaml:6 values | multidoc/templates/server.yaml:36",
                "multidoc | - | Deployment/rel-toolbox | /spec/template/spec/containers/1/resources/limits/cpu | multidoc/values.yaml:30 values | multidoc/templates/server.yaml:43",
                "multidoc | - | Deployment/rel-toolbox | /spec/template/spec/containers/1/resources/limits/memory | multidoc/values.yaml:29 values | -",
                "multidoc | - | Deployment/rel-toolbox | | multidoc/templates/server.yaml:5 document | -",
                "multidoc | - | Service/rel-toolbox | /spec/sessionAffinity | multidoc/templates/server.yaml:53 exact | -",
                "multidoc | values-lab.yaml | Service/rel-toolbox | /spec/sessionAffinity | multidoc/values-lab.yaml:2 values | multidoc/templates/server.yaml:51",
                "multidoc | - | Service/rel-toolbox | /spec/ports/0/port | multidoc/values.yaml:3 values | multidoc/templates/server.yaml:57",
                "multidoc | - | Service/rel-toolbox | /spec/selector/app.kubernetes.io~1instance | multidoc/templates/server.yaml:59 include-call | -",
                "multidoc | values-lab.yaml | ConfigMap/rel-debug | /data/verbose | multidoc/templates/server.yaml:67 exact | -",
                "multidoc | values-lab.yaml | ConfigMap/rel-debug | | multidoc/templates/server.yaml:62 document | -",
                "multidoc | values-lab.yaml | ConfigMap/rel-tool-shell | /data/timeout | multidoc/values-lab.yaml:12 values | multidoc/templates/tools.yaml:10",
                "multidoc | values-lab.yaml | ConfigMap/rel-tool-fetch | /data/timeout | multidoc/values-lab.yaml:14 values | -",
                "multidoc | - | ConfigMap/rel-tool-fetch | /data/timeout | multidoc/values.yaml:21 values | -",
                "multidoc | - | ConfigMap/rel-tool-search | /metadata/labels/tool | multidoc/values.yaml:18 values | multidoc/templates/tools.yaml:8",
                "multidoc | values-lab.yaml | Secret/rel-tool-keys | /stringData/placeholder | multidoc/templates/tools.yaml:19 exact | -",
                "multidoc | values-lab.yaml | Secret/rel-tool-keys | /metadata/namespace | multidoc/templates/tools.yaml:15 parent-key | -",
                // keys written only inside with/if blocks: the value that switched them off is the line to edit
                "guarded | - | Deployment/rel-guarded | /spec/template/spec/containers/0/resources/requests/cpu | guarded/values.yaml:3 values | guarded/templates/deployment.yaml:28",
                "guarded | - | Deployment/rel-guarded | /spec/template/metadata/annotations/sidecar.istio.io~1inject | guarded/values.yaml:2 values | guarded/templates/deployment.yaml:13",
                "guarded | - | Deployment/rel-guarded | /spec/template/spec/containers/0/readinessProbe | guarded/values.yaml:5 values | guarded/templates/deployment.yaml:21",
                "guarded | - | Ingress/rel-guarded | /spec/tls | guarded/values.yaml:9 values | guarded/templates/ingress.yaml:13",
                "guarded | - | Ingress/rel-guarded | /metadata/annotations/nginx.ingress.kubernetes.io~1proxy-read-timeout | guarded/values.yaml:10 values | guarded/templates/ingress.yaml:7",
                // a key no value guards stays on the nearest template line; --set keeps the template line
                "guarded | - | Deployment/rel-guarded | /spec/template/spec/containers/0/livenessProbe | guarded/templates/deployment.yaml:18 parent-key | -",
                "guarded | - ; probe.enabled=false | Deployment/rel-guarded | /spec/template/spec/containers/0/readinessProbe | guarded/templates/deployment.yaml:18 parent-key | -",
                // a whole flow list written in the template: the template line, the value it embeds as related
                "guarded | - | Deployment/rel-guarded | /spec/template/spec/containers/0/args | guarded/templates/deployment.yaml:31 exact | guarded/values.yaml:11",
                "guarded | - ; podAnnotations.x=1 | Deployment/rel-guarded | /spec/template/spec/hostNetwork | guarded/templates/deployment.yaml:16 parent-key | -",
                // several values on one line: the one the rule names (hint), else the one the environment overrides
                "image-pin | - | Deployment/rel-pinned | /spec/template/spec/containers/0/image | image-pin/values.yaml:4 values | image-pin/templates/deployment.yaml:16,image-pin/values.yaml:3 | latest",
                "image-pin | - | Deployment/rel-pinned | /spec/template/spec/containers/0/image | image-pin/templates/deployment.yaml:16 exact | image-pin/values.yaml:3,image-pin/values.yaml:4",
                "image-pin | - | Deployment/rel-pinned | /spec/template/spec/containers/0/image | image-pin/templates/deployment.yaml:16 exact | image-pin/values.yaml:3,image-pin/values.yaml:4 | 9.9",
                "image-pin | values-mirror.yaml | Deployment/rel-pinned | /spec/template/spec/containers/0/image | image-pin/values-mirror.yaml:2 values | image-pin/templates/deployment.yaml:16,image-pin/values.yaml:4",
                "image-pin | values-mirror.yaml | Deployment/rel-pinned | /spec/template/spec/containers/0/image | image-pin/values.yaml:4 values | image-pin/values-mirror.yaml:2 | latest",
                // --set gave the value: no file line to edit, so the template line
                "image-pin | - ; image.tag=edge | Deployment/rel-pinned | /spec/template/spec/containers/0/image | image-pin/templates/deployment.yaml:16 exact | image-pin/values.yaml:3 | edge",
                "image-pin | - ; image.tag=edge | Deployment/rel-pinned | /spec/template/spec/containers/0/image | image-pin/templates/deployment.yaml:16 exact | image-pin/values.yaml:3",
                // include helpers with the root context: the values the helper reads count for the calling line
                "image-pin | - | Deployment/rel-pinned | /spec/template/spec/containers/1/image | image-pin/values.yaml:7 values | image-pin/templates/deployment.yaml:18,image-pin/values.yaml:6 | 1.4",
                "image-pin | - | Deployment/rel-pinned | /spec/template/spec/containers/1/image | image-pin/templates/deployment.yaml:18 exact | image-pin/values.yaml:6,image-pin/values.yaml:7",
                "image-pin | values-latest.yaml | Deployment/rel-pinned | /spec/template/spec/containers/1/image | image-pin/values-latest.yaml:2 values | image-pin/templates/deployment.yaml:18",
                "image-pin | values-latest.yaml | Deployment/rel-pinned | /spec/template/spec/containers/1/image | image-pin/values-latest.yaml:2 values | image-pin/templates/deployment.yaml:18 | latest",
                // a helper calling a helper with $, inside with: all three values; two overridden need the hint
                "image-pin | - | Deployment/rel-pinned | /spec/template/spec/containers/2/image | image-pin/templates/deployment.yaml:20 exact | image-pin/values.yaml:9,image-pin/values.yaml:10,image-pin/values.yaml:11",
                "image-pin | values-latest.yaml | Deployment/rel-pinned | /spec/template/spec/containers/2/image | image-pin/templates/deployment.yaml:20 exact | image-pin/values-latest.yaml:4,image-pin/values-latest.yaml:5,image-pin/values.yaml:10",
                "image-pin | values-latest.yaml | Deployment/rel-pinned | /spec/template/spec/containers/2/image | image-pin/values-latest.yaml:5 values | image-pin/templates/deployment.yaml:20,image-pin/values-latest.yaml:4 | latest",
                // a helper given another context (dict …): .Values means something else there, so nothing is followed
                "image-pin | - | Deployment/rel-pinned | /spec/template/spec/containers/3/image | image-pin/templates/deployment.yaml:22 exact | none | latest",
                // shapes of public charts (issue 9): annotations through merge (the left-most dict wins) ...
                "real-shapes | - | Ingress/rel-gateway | /metadata/annotations/nginx.ingress.kubernetes.io~1proxy-buffering | real-shapes/values.yaml:31 values | real-shapes/templates/ingress.yaml:7",
                "real-shapes | - | Ingress/rel-gateway | /metadata/annotations/nginx.ingress.kubernetes.io~1proxy-read-timeout | real-shapes/values.yaml:32 values | real-shapes/templates/ingress.yaml:7",
                "real-shapes | - | Ingress/rel-gateway | /metadata/annotations/team | real-shapes/values.yaml:2 values | real-shapes/templates/ingress.yaml:7",
                "real-shapes | - | Ingress/rel-gateway | /metadata/annotations/nginx.ingress.kubernetes.io~1proxy-send-timeout | real-shapes/values.yaml:30 values | real-shapes/templates/ingress.yaml:7",
                "real-shapes | - ; ingress.annotations.team=x | Ingress/rel-gateway | /metadata/annotations/team | real-shapes/templates/ingress.yaml:7 include-call | none",
                // ... annotations copied into a dict with range/set and printed by a second range (the last set wins) ...
                "real-shapes | - | Ingress/rel-sse | /metadata/annotations/nginx.ingress.kubernetes.io~1proxy-buffering | real-shapes/values.yaml:38 values | real-shapes/templates/ingress-sse.yaml:14",
                "real-shapes | - | Ingress/rel-sse | /metadata/annotations/nginx.ingress.kubernetes.io~1proxy-send-timeout | real-shapes/values.yaml:35 values | real-shapes/templates/ingress-sse.yaml:14",
                "real-shapes | - | Ingress/rel-sse | /metadata/annotations/nginx.ingress.kubernetes.io~1proxy-read-timeout | real-shapes/values.yaml:37 values | real-shapes/templates/ingress-sse.yaml:12",
                "real-shapes | - ; ingress.sse.extraAnnotations.foo=bar | Ingress/rel-sse | /metadata/annotations/foo | real-shapes/templates/ingress-sse.yaml:14 range-line | none",
                "real-shapes | - | Deployment/rel-gateway | /spec/template/metadata/annotations/mcpolicy.dev~1session-state | real-shapes/values.yaml:24 values | real-shapes/templates/gateway.yaml:25",
                "real-shapes | - | Deployment/rel-gateway | /spec/template/metadata/annotations/prometheus.io~1scrape | real-shapes/values.yaml:22 values | real-shapes/templates/gateway.yaml:25",
                // ... an env list printed by with + toYaml after a comment: alone, after a literal item, at the key's column ...
                "real-shapes | - | Deployment/rel-gateway | /spec/template/spec/containers/0/env/1/value | real-shapes/values.yaml:11 values | real-shapes/templates/gateway.yaml:44",
                "real-shapes | - | Deployment/rel-gateway | /spec/template/spec/containers/0/env/0/name | real-shapes/values.yaml:8 values | real-shapes/templates/gateway.yaml:44",
                "real-shapes | - | Deployment/rel-gateway | /spec/template/spec/containers/1/env/1/value | real-shapes/values.yaml:14 values | real-shapes/templates/gateway.yaml:53",
                "real-shapes | - | Deployment/rel-gateway | /spec/template/spec/containers/1/env/0/value | real-shapes/templates/gateway.yaml:50 exact | -",
                "real-shapes | - | Deployment/rel-gateway | /spec/template/spec/containers/2/env/0/value | real-shapes/values.yaml:17 values | real-shapes/templates/gateway.yaml:60",
                // ... and a missing key next to a block guarded by an unrelated value: the pod spec line, nothing else
                "real-shapes | - | Deployment/rel-gateway | /spec/template/spec/terminationGracePeriodSeconds | real-shapes/templates/gateway.yaml:27 parent-key | none",
                "real-shapes | - | Deployment/rel-worker | /spec/template/spec/terminationGracePeriodSeconds | real-shapes/templates/worker.yaml:14 parent-key | none");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void mapsRenderedPlaceToTheLineToEdit(String row) {
        String[] cells = Arrays.stream(row.split("\\|", -1)).map(String::strip).toArray(String[]::new);
        String chart = cells[0];
        String[] environment = cells[1].split(";", -1);
        List<String> files = environment[0].strip().equals("-") ? List.of()
                : Arrays.stream(environment[0].split(",")).map(String::strip).toList();
        List<String> sets = environment.length > 1 ? List.of(environment[1].strip()) : List.of();
        String[] object = cells[2].split("/", 2);
        String pointer = cells[3];
        String[] expected = cells[4].split(" ");
        String expectedRelated = cells[5];
        String hint = cells.length > 6 ? cells[6] : null;

        Rendered rendered = RENDERS.computeIfAbsent(chart + "|" + files + "|" + sets, k -> render(chart, files, sets));
        int index = rendered.stream().find(object[0], object[1])
                .orElseThrow(() -> new AssertionError("no " + cells[2] + " rendered"));
        MappingQuery query = MappingQuery.of(rendered.stream().identities().get(index),
                rendered.stream().contents().get(index), pointer).withOffendingValue(hint);
        MappedLocation mapped = rendered.mapper().map(query);

        Location primary = mapped.primary();
        assertEquals(expected[0] + " " + expected[1], primary.file() + ":" + primary.line() + " " + primary.mapping(),
                () -> "related: " + mapped.related() + ", note: " + mapped.note());
        List<String> related = mapped.related().stream().map(l -> l.file() + ":" + l.line()).toList();
        if (expectedRelated.equals("none")) {
            assertEquals(List.of(), related);
        } else if (!expectedRelated.equals("-")) {
            for (String place : expectedRelated.split(",")) {
                assertTrue(related.contains(place), () -> "related " + related + " lacks " + place);
            }
        }
        assertTrue(rendered.mapper().problems().isEmpty(), () -> "problems: " + rendered.mapper().problems());
    }

    /**
     * chart folder | -f files ("-" for none) | Kind/name of a workload without a PodDisruptionBudget | where the
     * budget is switched off (file:line and the template's kind line), or "none" when no switch of its chart and
     * component exists.
     */
    static Stream<String> absentBudgets() {
        return Stream.of(
                "real-shapes | - | Deployment/rel-gateway | real-shapes/values.yaml:19 values, real-shapes/templates/pdb.yaml:3",
                // another component of the same chart: the gateway's switch is not its switch
                "real-shapes | - | Deployment/rel-worker | none",
                // a subchart with its own guarded budget: its own switch, from its values or the parent's override
                "real-shapes | - | Deployment/rel-toolbox | real-shapes/charts/toolbox/values.yaml:3 values, real-shapes/charts/toolbox/templates/pdb.yaml:3",
                "real-shapes | values-toolbox.yaml | Deployment/rel-toolbox | real-shapes/values-toolbox.yaml:3 values, real-shapes/charts/toolbox/templates/pdb.yaml:3",
                // a subchart without any budget template: never the parent's switch
                "real-shapes | - | Deployment/rel-fetcher | none");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absentBudgets")
    void aMissingBudgetMapsToTheSwitchOfItsOwnChartAndComponent(String row) {
        String[] cells = Arrays.stream(row.split("\\|", -1)).map(String::strip).toArray(String[]::new);
        List<String> files = cells[1].equals("-") ? List.of() : List.of(cells[1]);
        Rendered rendered = RENDERS.computeIfAbsent(cells[0] + "|" + files + "|" + List.of(),
                k -> render(cells[0], files, List.of()));
        String[] object = cells[2].split("/", 2);
        int index = rendered.stream().find(object[0], object[1])
                .orElseThrow(() -> new AssertionError("no " + cells[2] + " rendered"));
        MappingQuery workload = MappingQuery.of(rendered.stream().identities().get(index),
                rendered.stream().contents().get(index), "/spec/template/metadata/labels");
        String actual = rendered.mapper().mapAbsentKind("PodDisruptionBudget", workload)
                .map(m -> m.primary().file() + ":" + m.primary().line() + " " + m.primary().mapping() + ", "
                        + m.related().stream().map(l -> l.file() + ":" + l.line()).collect(Collectors.joining(", ")))
                .orElse("none");
        assertEquals(cells[3], actual);
    }

    private static Rendered render(String chart, List<String> fileNames, List<String> sets) {
        Path charts = RealHelm.chartsDirectory();
        Path chartDir = charts.resolve(chart);
        List<Path> files = new ArrayList<>();
        fileNames.forEach(f -> files.add(chartDir.resolve(f)));
        Environment environment = new Environment(files.isEmpty() ? "default"
                : fileNames.stream().collect(Collectors.joining("+")), files);
        RenderRequest request = new RenderRequest("rel", chartDir, "tools", environment, sets, List.of(), null, List.of());
        RenderResult result = RealHelm.render(request);
        try {
            ChartInfo info = ChartInfo.read(chartDir);
            return new Rendered(RenderedStream.parse(result.text()), SourceMapper.create(info, environment, sets, charts));
        } catch (ChartException e) {
            throw new AssertionError(e.getMessage());
        }
    }
}

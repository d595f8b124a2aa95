package dev.mcpolicy.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.mcpolicy.graph.Manifests.graph;
import static dev.mcpolicy.graph.Manifests.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngressControllerTest {

    private static String ingress(String classField, String classAnnotation) {
        return "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: route\n"
                + (classAnnotation == null ? "" : "  annotations: {kubernetes.io/ingress.class: " + classAnnotation + "}\n")
                + "spec:\n"
                + (classField == null ? "" : "  ingressClassName: " + classField + "\n")
                + "  defaultBackend: {service: {name: s, port: {number: 80}}}\n---\n";
    }

    private static String ingressClass(String name, String controller) {
        return "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: " + name + "}\n"
                + "spec: {controller: " + controller + "}\n---\n";
    }

    @ParameterizedTest(name = "class name {0} -> {1}")
    @CsvSource(textBlock = """
            nginx,             ingress-nginx
            ingress-nginx,     ingress-nginx
            nginx-internal,    ingress-nginx
            public-nginx,      ingress-nginx
            NGINX,             ingress-nginx
            traefik,           traefik
            traefik-external,  traefik
            haproxy,           haproxy
            haproxy-internal,  haproxy
            alb,               aws-alb
            gce,               gke
            gce-internal,      gke
            istio,             istio
            contour,           contour
            kong,              kong
            kong-internal,     kong
            cilium,            unknown
            my-traefik,        unknown
            albatross,         unknown
            """)
    void classNameHeuristics(String className, String expected) {
        ResourceGraph graph = graph(ingress(className, null));
        IngressController controller = graph.controller(object(graph, "Ingress", "route"));
        assertEquals(expected, controller.id());
        assertFalse(controller.assumed());
    }

    @ParameterizedTest(name = "IngressClass controller {0} -> {1}")
    @CsvSource(textBlock = """
            k8s.io/ingress-nginx,                       ingress-nginx
            nginx.org/ingress-controller,               nginx-inc
            traefik.io/ingress-controller,              traefik
            haproxy-ingress.github.io/controller,       haproxy
            haproxy.org/ingress-controller,             haproxy
            ingress.k8s.aws/alb,                        aws-alb
            networking.gke.io/gce,                      gke
            istio.io/ingress-controller,                istio
            projectcontour.io/contour,                  contour
            ingress-controllers.konghq.com/kong,        kong
            example.com/homegrown,                      unknown
            """)
    void ingressClassControllerWinsOverTheName(String controllerString, String expected) {
        // The class is called "nginx", but its IngressClass says what really serves it.
        ResourceGraph graph = graph(ingressClass("nginx", controllerString) + ingress("nginx", null));
        IngressController controller = graph.controller(object(graph, "Ingress", "route"));
        assertEquals(expected, controller.id());
        assertEquals("spec.ingressClassName is nginx; IngressClass nginx names controller " + controllerString
                + (expected.equals("unknown") ? ", which mcpolicy does not know" : ""), controller.reason());
    }

    @Test
    void legacyAnnotationNamesTheClassWhenTheFieldIsAbsent() {
        ResourceGraph graph = graph(ingress(null, "traefik"));
        IngressController controller = graph.controller(object(graph, "Ingress", "route"));
        assertEquals("traefik", controller.id());
        assertEquals("annotation kubernetes.io/ingress.class is traefik; the class name indicates traefik",
                controller.reason());
    }

    @Test
    void fieldWinsOverAnnotation() {
        ResourceGraph graph = graph(ingress("kong", "nginx"));
        assertEquals("kong", graph.controller(object(graph, "Ingress", "route")).id());
    }

    @Test
    void noClassAssumesIngressNginx() {
        ResourceGraph graph = graph(ingress(null, null));
        IngressController controller = graph.controller(object(graph, "Ingress", "route"));
        assertEquals("ingress-nginx", controller.id());
        assertTrue(controller.assumed());
        assertEquals("no ingress class is set; assumed ingress-nginx, the most common cluster default",
                controller.reason());
    }

    @Test
    void noClassUsesTheRendersDefaultIngressClass() {
        ResourceGraph graph = graph("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata:
                  name: public
                  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
                spec: {controller: traefik.io/ingress-controller}
                ---
                """ + ingress(null, null));
        IngressController controller = graph.controller(object(graph, "Ingress", "route"));
        assertEquals("traefik", controller.id());
        assertFalse(controller.assumed());
        assertEquals("no ingress class is set; IngressClass public is the default; IngressClass public names "
                + "controller traefik.io/ingress-controller", controller.reason());
    }

    @Test
    void unknownClassSaysSo() {
        ResourceGraph graph = graph(ingress("cilium", null));
        assertEquals("spec.ingressClassName is cilium; no IngressClass cilium in the render and the name matches "
                + "no known controller", graph.controller(object(graph, "Ingress", "route")).reason());
    }

    @Test
    void ingressClassWithoutControllerFallsBackToTheName() {
        ResourceGraph graph = graph("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: haproxy}
                spec: {}
                ---
                """ + ingress("haproxy", null));
        IngressController controller = graph.controller(object(graph, "Ingress", "route"));
        assertEquals("haproxy", controller.id());
        assertEquals("spec.ingressClassName is haproxy; the class name indicates haproxy", controller.reason());
    }
}

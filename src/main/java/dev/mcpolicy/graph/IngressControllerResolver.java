package dev.mcpolicy.graph;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides which controller serves an Ingress.
 *
 * <p>The class comes from {@code spec.ingressClassName}, else the legacy annotation
 * {@code kubernetes.io/ingress.class}. When the render holds an IngressClass of that name with a
 * {@code spec.controller}, that controller string decides; otherwise the class name does. With no class at all,
 * an IngressClass of the render marked {@code ingressclass.kubernetes.io/is-default-class: "true"} is used, as the
 * API server would; failing that ingress-nginx is assumed.
 */
final class IngressControllerResolver {
    static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";
    static final String DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";
    static final String NO_CLASS_REASON =
            "no ingress class is set; assumed ingress-nginx, the most common cluster default";

    /** spec.controller prefixes, most specific first. */
    private static final List<Map.Entry<String, String>> CONTROLLER_PREFIXES = List.of(
            Map.entry("k8s.io/ingress-nginx", "ingress-nginx"),
            Map.entry("nginx.org/ingress-controller", "nginx-inc"),
            Map.entry("traefik.io/ingress-controller", "traefik"),
            Map.entry("haproxy-ingress.github.io/controller", "haproxy"),
            Map.entry("haproxy.org/ingress-controller", "haproxy"),
            Map.entry("ingress.k8s.aws/alb", "aws-alb"),
            Map.entry("networking.gke.io/", "gke"),
            Map.entry("istio.io/ingress-controller", "istio"),
            Map.entry("projectcontour.io/", "contour"),
            Map.entry("ingress-controllers.konghq.com/kong", "kong"));

    private final Function<String, K8sObject> ingressClassByName;
    private final Optional<K8sObject> defaultIngressClass;

    /** @param ingressClasses the render's IngressClass objects in input order (the last default one wins) */
    IngressControllerResolver(Function<String, K8sObject> ingressClassByName, List<K8sObject> ingressClasses) {
        this.ingressClassByName = ingressClassByName;
        K8sObject lastDefault = null;
        for (K8sObject ingressClass : ingressClasses) {
            String isDefault = StringMaps.annotations(ingressClass.node()).get(DEFAULT_CLASS_ANNOTATION);
            if (isDefault != null && isDefault.trim().equalsIgnoreCase("true")) {
                lastDefault = ingressClass;
            }
        }
        this.defaultIngressClass = Optional.ofNullable(lastDefault);
    }

    IngressController resolve(K8sObject ingress) {
        IngressController controller = resolveByClass(ingress);
        return controller.id().equals("ingress-nginx") && !decidedByControllerField(ingress)
                ? nginxIncByAnnotations(ingress, controller) : controller;
    }

    /** True when an IngressClass of the render with a {@code spec.controller} decided the controller. */
    private boolean decidedByControllerField(K8sObject ingress) {
        String className = className(ingress);
        K8sObject ingressClass = className != null ? ingressClassByName.apply(className)
                : defaultIngressClass.orElse(null);
        return ingressClass != null && controllerOf(ingressClass) != null;
    }

    private static String className(K8sObject ingress) {
        String className = ObjectExtractor.text(ingress.node().path("spec").path("ingressClassName"));
        if (className != null) {
            return className;
        }
        String annotated = StringMaps.annotations(ingress.node()).get(CLASS_ANNOTATION);
        return annotated == null || annotated.isBlank() ? null : annotated.trim();
    }

    /**
     * Both NGINX controllers answer to the class name {@code nginx}. Without an IngressClass that names the
     * controller, an Ingress written only with F5 NGINX's {@code nginx.org/} (or {@code nginx.com/}) annotations and
     * none of ingress-nginx's is taken as meant for F5 NGINX Ingress Controller.
     */
    private static IngressController nginxIncByAnnotations(K8sObject ingress, IngressController byClass) {
        boolean nginxInc = false;
        for (String key : StringMaps.annotations(ingress.node()).keySet()) {
            if (key.startsWith("nginx.ingress.kubernetes.io/")) {
                return byClass;
            }
            nginxInc |= key.startsWith("nginx.org/") || key.startsWith("nginx.com/");
        }
        return nginxInc ? new IngressController("nginx-inc", byClass.assumed(), byClass.reason()
                + "; its annotations are F5 NGINX Ingress Controller's (nginx.org/), so nginx-inc is assumed") : byClass;
    }

    private IngressController resolveByClass(K8sObject ingress) {
        String className = ObjectExtractor.text(ingress.node().path("spec").path("ingressClassName"));
        String source = "spec.ingressClassName";
        if (className == null) {
            String annotated = StringMaps.annotations(ingress.node()).get(CLASS_ANNOTATION);
            className = annotated == null || annotated.isBlank() ? null : annotated.trim();
            source = "annotation " + CLASS_ANNOTATION;
        }
        if (className == null) {
            return defaultIngressClass
                    .map(ingressClass -> byClassObject(ingressClass,
                            "no ingress class is set; IngressClass " + ingressClass.name() + " is the default"))
                    .orElse(new IngressController("ingress-nginx", true, NO_CLASS_REASON));
        }
        String named = source + " is " + className;
        K8sObject ingressClass = ingressClassByName.apply(className);
        if (ingressClass != null && controllerOf(ingressClass) != null) {
            return byClassObject(ingressClass, named);
        }
        return byClassName(className, named);
    }

    private static String controllerOf(K8sObject ingressClass) {
        return ObjectExtractor.text(ingressClass.node().path("spec").path("controller"));
    }

    private static IngressController byClassObject(K8sObject ingressClass, String prefix) {
        String controller = controllerOf(ingressClass);
        if (controller == null) {
            return byClassName(ingressClass.name(), prefix);
        }
        String because = prefix + "; IngressClass " + ingressClass.name() + " names controller " + controller;
        for (Map.Entry<String, String> known : CONTROLLER_PREFIXES) {
            if (controller.startsWith(known.getKey())) {
                return new IngressController(known.getValue(), false, because);
            }
        }
        return new IngressController("unknown", false, because + ", which mcpolicy does not know");
    }

    private static IngressController byClassName(String className, String prefix) {
        String id = controllerIdForClassName(className);
        if (id.equals("unknown")) {
            return new IngressController(id, false, prefix + "; no IngressClass " + className
                    + " in the render and the name matches no known controller");
        }
        return new IngressController(id, false, prefix + "; the class name indicates " + id);
    }

    static String controllerIdForClassName(String className) {
        String name = className.toLowerCase(Locale.ROOT);
        if (name.contains("nginx")) {
            return "ingress-nginx";
        }
        if (name.startsWith("traefik")) {
            return "traefik";
        }
        if (name.startsWith("haproxy")) {
            return "haproxy";
        }
        if (name.equals("alb")) {
            return "aws-alb";
        }
        if (name.startsWith("gce")) {
            return "gke";
        }
        if (name.equals("istio")) {
            return "istio";
        }
        if (name.equals("contour")) {
            return "contour";
        }
        if (name.startsWith("kong")) {
            return "kong";
        }
        return "unknown";
    }
}

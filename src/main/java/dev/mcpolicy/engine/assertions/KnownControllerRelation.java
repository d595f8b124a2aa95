package dev.mcpolicy.engine.assertions;

import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Relation;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.graph.IngressController;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.manifest.JsonPointers;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code known-controller}: the route is served by a controller whose streaming settings mcpolicy knows. It fails for
 * an Ingress whose class or IngressClass controller is not recognised ({@code unknown}) and for a Gateway API route
 * whose implementation the render does not show ({@code gateway-api}). The violation sits on what named the
 * controller: the class field or annotation of an Ingress, the {@code parentRefs} of a Gateway API route.
 */
public final class KnownControllerRelation implements Relation {
    private static final Set<String> UNCHECKABLE = Set.of("unknown", "gateway-api");

    @Override
    public String name() {
        return "known-controller";
    }

    @Override
    public Set<TargetKind> accepts() {
        return Set.of(TargetKind.ROUTE, TargetKind.INGRESS);
    }

    @Override
    public Map<String, String> placeholders() {
        return Map.of();
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("The route is served by a controller whose streaming settings mcpolicy knows: it fails for an"
                + " Ingress whose class is not recognised and for a Gateway API route whose implementation the render"
                + " does not show, on what named the controller.", "target: routes\nassert:\n  relation: {name: known-controller}");
    }

    @Override
    public List<Violation> check(Target target, EvaluationContext context) {
        K8sObject route = target.object();
        if (route == null) {
            return List.of();
        }
        IngressController controller = context.graph().controller(route);
        if (!UNCHECKABLE.contains(controller.id())) {
            return List.of();
        }
        return List.of(Violation.of(Violation.DEFAULT, route.pointer(namingPointer(route)),
                Map.of("controllerReason", controller.reason())));
    }

    private static String namingPointer(K8sObject route) {
        if (route.node().path("spec").has("ingressClassName")) {
            return "/spec/ingressClassName";
        }
        if (route.node().path("metadata").path("annotations").has("kubernetes.io/ingress.class")) {
            return "/metadata/annotations/" + JsonPointers.escape("kubernetes.io/ingress.class");
        }
        if (route.node().path("spec").has("parentRefs")) {
            return "/spec/parentRefs";
        }
        return "/spec";
    }
}

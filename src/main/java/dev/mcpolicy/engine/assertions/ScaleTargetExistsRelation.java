package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Relation;
import dev.mcpolicy.engine.mechanism.Descriptions;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.graph.K8sObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code scale-target-exists}: the object a HorizontalPodAutoscaler's {@code scaleTargetRef} names (kind and name,
 * in the autoscaler's namespace) is part of the render. When it is not, objects of the same name but another kind
 * are named as the likely mix-up. Placeholders: {@code targetRef}, {@code hint}.
 */
public final class ScaleTargetExistsRelation implements Relation {

    @Override
    public String name() {
        return "scale-target-exists";
    }

    @Override
    public Set<TargetKind> accepts() {
        return Set.of(TargetKind.HPA);
    }

    @Override
    public boolean claimsAbsence() {
        return true;
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("targetRef", "Kind/name of the scaleTargetRef",
                "hint", "objects of that name but another kind (the likely mix-up), else advice");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("The object a HorizontalPodAutoscaler's scaleTargetRef names (kind and name, in its namespace)"
                + " is part of the render.", "target: hpas\nassert:\n  relation: {name: scale-target-exists}");
    }

    @Override
    public List<Violation> check(Target target, EvaluationContext context) {
        K8sObject hpa = target.object();
        JsonNode ref = hpa.node().path("spec").path("scaleTargetRef");
        String kind = ref.path("kind").asText("");
        String name = ref.path("name").asText("");
        if (kind.isBlank() || name.isBlank()) {
            return List.of();
        }
        if (context.graph().find(kind, hpa.namespace(), name).isPresent()) {
            return List.of();
        }
        List<String> sameName = new ArrayList<>();
        for (K8sObject other : context.graph().objectsNamed(hpa.namespace(), name)) {
            if (other != hpa && !other.kind().equals("HorizontalPodAutoscaler")) {
                sameName.add(other.displayName());
            }
        }
        Map<String, String> facts = new HashMap<>();
        facts.put("targetRef", kind + "/" + name);
        facts.put("hint", sameName.isEmpty()
                ? " If another chart or release deploys it, this is expected; otherwise fix scaleTargetRef."
                : " The render has " + String.join(", ", sameName) + " of that name; set scaleTargetRef.kind to match.");
        return List.of(Violation.of(Violation.DEFAULT, target.pointer() + "/spec/scaleTargetRef/name", facts));
    }
}

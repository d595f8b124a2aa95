package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.Relation;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Violation;
import dev.mcpolicy.graph.K8sObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    public String incompatibility(Selector selector) {
        return selector.name().equals("hpas") ? null : "scale-target-exists needs target hpas, not " + selector.name();
    }

    @Override
    public boolean claimsAbsence() {
        return true;
    }

    @Override
    public Set<String> placeholders() {
        return Set.of("targetRef", "hint");
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
        Map<String, List<K8sObject>> byName = context.memo("objects-by-namespace-name", () -> {
            Map<String, List<K8sObject>> index = new HashMap<>();
            for (K8sObject object : context.graph().objects()) {
                index.computeIfAbsent(Objects.toString(object.namespace(), "") + "\0" + object.name(),
                        key -> new ArrayList<>()).add(object);
            }
            return index;
        });
        List<String> sameName = new ArrayList<>();
        for (K8sObject other : byName.getOrDefault(Objects.toString(hpa.namespace(), "") + "\0" + name, List.of())) {
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

package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.Assertion;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.MechanismRegistry;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Values;
import dev.mcpolicy.engine.Violation;
import dev.mcpolicy.engine.workloads.ImageReference;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code image}: the container image reference at {@code path} ({@code /image} by default), read as the container
 * runtime reads it ({@link ImageReference}), must not be one of the shapes {@code reject} lists: {@code empty}
 * (unset or blank), {@code malformed} (the runtime cannot parse it, e.g. {@code repo:} from an empty tag value),
 * {@code latest} (tag latest, no digest), {@code untagged} (no tag, no digest) or {@code always-pulled} (a pinned tag
 * or digest with {@code imagePullPolicy: Always}, which re-contacts the registry on every pod start for an image that
 * cannot change). Each shape is a message kind.
 * Placeholders: {@code image}, {@code repository}, {@code tag}, {@code pullPolicy} (written or defaulted).
 */
public final class ImageAssertion implements Assertion {
    public static final String EMPTY = "empty";
    public static final String MALFORMED = "malformed";
    public static final String LATEST = "latest";
    public static final String UNTAGGED = "untagged";
    public static final String ALWAYS_PULLED = "always-pulled";
    private static final Set<String> SHAPES = Set.of(EMPTY, MALFORMED, LATEST, UNTAGGED, ALWAYS_PULLED);

    @Override
    public String name() {
        return "image";
    }

    @Override
    public Set<String> messageKinds() {
        return SHAPES;
    }

    @Override
    public Set<String> placeholders(JsonNode config, MechanismRegistry registry) {
        return Set.of("image", "repository", "tag", "pullPolicy");
    }

    @Override
    public List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                                 Map<String, RuleDefinition.Parameter> parameters,
                                                 MechanismRegistry registry) {
        ConfigCheck check = new ConfigCheck(pointer, parameters);
        if (!selector.yieldsContainers()) {
            check.problem(null, "image needs a container target (containers or mcp-server-containers), not "
                    + selector.name());
        }
        if (config.has("path") && !config.path("path").asText().startsWith("/")) {
            check.problem("path", "must be a JSON pointer relative to the container, such as /image");
        }
        JsonNode reject = config.path("reject");
        if (!reject.isArray() || reject.isEmpty()) {
            check.problem("reject", "must list shapes to reject: empty, malformed, latest, untagged, always-pulled");
        } else {
            for (int i = 0; i < reject.size(); i++) {
                if (!SHAPES.contains(reject.get(i).asText())) {
                    check.problem("reject/" + i, "must be empty, malformed, latest, untagged or always-pulled");
                }
            }
        }
        return check.problems();
    }

    @Override
    public List<Violation> check(Target target, JsonNode config, EvaluationContext context) {
        String relative = config.path("path").asText("/image");
        JsonNode node = target.node().at(relative);
        Set<String> rejected = new java.util.HashSet<>();
        config.path("reject").forEach(shape -> rejected.add(shape.asText()));
        String text = node.isValueNode() && !node.isNull() ? Values.text(node) : "";
        ImageReference image = ImageReference.parse(text);
        String shape;
        if (image.blank()) {
            shape = EMPTY;
        } else if (!node.isTextual() || !image.wellFormed()) {
            shape = MALFORMED;
        } else if (image.latest()) {
            shape = LATEST;
        } else if (image.untagged()) {
            shape = UNTAGGED;
        } else if ("Always".equals(target.node().path("imagePullPolicy").asText())) {
            shape = ALWAYS_PULLED;
            relative = "/imagePullPolicy";
        } else {
            return List.of();
        }
        if (!rejected.contains(shape)) {
            return List.of();
        }
        JsonNode pullPolicy = target.node().path("imagePullPolicy");
        Map<String, String> facts = new HashMap<>();
        facts.put("image", text);
        facts.put("repository", image.repository());
        facts.put("tag", image.tag() == null ? "" : image.tag());
        facts.put("pullPolicy", pullPolicy.isTextual() ? pullPolicy.asText()
                : image.defaultPullPolicy() + " (the default for this image)");
        Violation violation = Violation.of(shape, target.pointer() + relative, facts);
        // latest, untagged and a malformed "repo:" are about the tag; chart mode points at the values key that holds it
        boolean aboutTag = shape.equals(LATEST) || shape.equals(UNTAGGED)
                || (shape.equals(MALFORMED) && facts.get("tag").isEmpty() && text.endsWith(":"));
        return List.of(aboutTag ? violation.withMappingHint(facts.get("tag")) : violation);
    }
}

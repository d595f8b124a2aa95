package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.ConfigProblems;
import dev.mcpolicy.engine.mechanism.Descriptions;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Values;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.engine.workloads.ImageReference;
import dev.mcpolicy.finding.ChartHint;

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
 */
public final class ImageAssertion implements Assertion<ImageAssertion.Config> {
    public static final String EMPTY = "empty";
    public static final String MALFORMED = "malformed";
    public static final String LATEST = "latest";
    public static final String UNTAGGED = "untagged";
    public static final String ALWAYS_PULLED = "always-pulled";
    private static final Set<String> SHAPES = Set.of(EMPTY, MALFORMED, LATEST, UNTAGGED, ALWAYS_PULLED);

    public record Config(
            @JsonPropertyDescription("pointer of the image reference, relative to the container (default /image)") String path,
            @JsonPropertyDescription("the shapes to reject: empty, malformed, latest, untagged, always-pulled") List<String> reject) {
        public Config {
            path = path == null ? "/image" : path;
            reject = reject == null ? List.of() : List.copyOf(reject);
        }
    }

    @Override
    public String name() {
        return "image";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Set<TargetKind> accepts() {
        return Set.of(TargetKind.CONTAINER);
    }

    @Override
    public Map<String, String> violationKinds() {
        return Descriptions.of(
                EMPTY, "unset or blank",
                MALFORMED, "the container runtime cannot parse it (repo: from an empty tag value)",
                LATEST, "tag latest without a digest",
                UNTAGGED, "neither a tag nor a digest",
                ALWAYS_PULLED, "a pinned tag or digest with imagePullPolicy: Always");
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("image", "the reference as written", "repository", "the repository part",
                "tag", "the tag, else empty", "pullPolicy", "imagePullPolicy as written, or the default it gets");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("The container image reference at `path` (`/image` by default), read as the"
                + " container runtime reads it, must not have one of the shapes `reject` lists; each shape is a"
                + " violation kind.", "target: mcp-server-containers\nassert:\n  image: {reject: [latest, untagged]}");
    }

    @Override
    public void validate(Config config, TargetKind target, ConfigProblems problems) {
        if (!config.path().startsWith("/")) {
            problems.add("path", "must be a JSON pointer relative to the container, such as /image");
        }
        if (config.reject().isEmpty()) {
            problems.add("reject", "must list shapes to reject: empty, malformed, latest, untagged, always-pulled");
        }
        for (int i = 0; i < config.reject().size(); i++) {
            if (!SHAPES.contains(config.reject().get(i))) {
                problems.add("reject/" + i, "must be empty, malformed, latest, untagged or always-pulled");
            }
        }
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
        String relative = config.path();
        JsonNode node = target.node().at(relative);
        List<String> rejected = config.reject();
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
        return List.of(aboutTag ? violation.withChartHint(ChartHint.offendingValue(facts.get("tag"))) : violation);
    }
}

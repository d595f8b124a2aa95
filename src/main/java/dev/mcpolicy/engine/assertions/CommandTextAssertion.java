package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.ConfigException;
import dev.mcpolicy.engine.mechanism.Descriptions;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.graph.Workload;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code command-text}: what a workload's pods run (see {@link PodText}) must contain a match of the Java regular
 * expression {@code matches}. With {@code when}, only pods whose text matches {@code when} are checked, so a second
 * check can build on a first one without repeating its finding. Reported on the first container's {@code args}
 * (else its {@code command}, else the container).
 */
public final class CommandTextAssertion implements Assertion<CommandTextAssertion.Config> {

    /** The expressions, compiled once when the rule is. */
    public static final class Config {
        private final Pattern matches;
        private final Pattern when;

        @JsonCreator
        public Config(@JsonProperty("matches") @JsonPropertyDescription("a Java regular expression the pod text must contain") String matches,
                      @JsonProperty("when") @JsonPropertyDescription("only pods whose text contains a match of this are checked") String when) {
            if (matches == null) {
                throw new ConfigException(null, "a command-text assertion needs matches (a regular expression)");
            }
            this.matches = compile("matches", matches);
            this.when = when == null ? null : compile("when", when);
        }

        private static Pattern compile(String field, String regex) {
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(field, "not a valid regular expression: " + e.getDescription());
            }
        }
    }

    @Override
    public String name() {
        return "command-text";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Set<TargetKind> accepts() {
        return EnumSet.of(TargetKind.WORKLOAD, TargetKind.CONTAINER);
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("container", "the container the finding is reported on, \"(none)\" without one");
    }

    @Override
    public Map<String, String> violationKinds() {
        return Map.of();
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("What a workload's pods run (each container's command, args and literal env values,"
                + " and the data of the ConfigMaps of the render they mount or read env from) must contain a match"
                + " of the Java regular expression `matches`; with `when`, only pods whose text matches `when` are"
                + " checked. Reported on the first container's `args`, else its `command`.",
                "assert:\n  command-text:\n    when: '\"method\"\\s*:\\s*\"initialize\"'\n    matches: protocolVersion");
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
        Workload workload = target.workload();
        if (workload == null) {
            return List.of();
        }
        String text = PodText.of(workload, context.graph());
        if (config.when != null && !config.when.matcher(text).find()) {
            return List.of();
        }
        if (config.matches.matcher(text).find()) {
            return List.of();
        }
        return List.of(placed(workload));
    }

    /** On the first container that has args (else command); else on the first container; else on the pod spec. */
    private static Violation placed(Workload workload) {
        JsonNode listed = workload.podSpec().path("containers");
        JsonNode containers = listed.isArray() ? listed : JsonNodeFactory.instance.arrayNode();
        String base = workload.podSpecPointer() + "/containers/";
        for (String field : List.of("args", "command")) {
            for (int i = 0; i < containers.size(); i++) {
                if (containers.get(i).has(field)) {
                    return violation(workload, base + i + "/" + field, containers.get(i));
                }
            }
        }
        if (containers.size() > 0) {
            return violation(workload, base + "0", containers.get(0));
        }
        return Violation.of(Violation.DEFAULT, workload.object().pointer(workload.podSpecPointer()),
                Map.of("container", "(none)"));
    }

    private static Violation violation(Workload workload, String relative, JsonNode container) {
        return Violation.of(Violation.DEFAULT, workload.object().pointer(relative),
                Map.of("container", container.path("name").asText("(unnamed)")));
    }
}

package dev.mcpolicy.waivers;

import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.manifest.InputProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Waivers written on an object: {@code ignore.mcpolicy.dev/<rule-id>: "<reason>"} and, optionally,
 * {@code expires.mcpolicy.dev/<rule-id>: "YYYY-MM-DD"}, on the object or its pod template.
 */
public final class AnnotationWaivers {
    public static final String PREFIX = "ignore.mcpolicy.dev/";
    public static final String EXPIRES_PREFIX = "expires.mcpolicy.dev/";

    private AnnotationWaivers() {
    }

    /**
     * @param annotations the object's annotations merged with its pod template's (the object's win)
     * @param locate      where an annotation key is written
     */
    public static WaiverSet read(ObjectRef target, Map<String, String> annotations, Function<String, Location> locate) {
        List<Waiver> waivers = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> annotation : annotations.entrySet()) {
            String key = annotation.getKey();
            if (key.startsWith(EXPIRES_PREFIX) && !annotations.containsKey(PREFIX + key.substring(EXPIRES_PREFIX.length()))) {
                Location at = locate.apply(key);
                problems.add(InputProblem.error(at.file(), at.line(), at.column(), key + " on " + target.display()
                        + " has no " + PREFIX + key.substring(EXPIRES_PREFIX.length()) + " next to it: add that"
                        + " annotation with the reason, or remove this one"));
            }
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String rule = key.substring(PREFIX.length());
            Location at = locate.apply(key);
            String reason = annotation.getValue() == null ? "" : annotation.getValue().strip();
            if (reason.isEmpty()) {
                problems.add(InputProblem.error(at.file(), at.line(), at.column(), "waiver " + key + " on "
                        + target.display() + " has no reason: write why the finding is accepted as its value"));
                continue;
            }
            LocalDate expires = null;
            String expiry = annotations.get(EXPIRES_PREFIX + rule);
            if (expiry != null) {
                try {
                    expires = LocalDate.parse(expiry.strip());
                } catch (DateTimeParseException e) {
                    Location expiryAt = locate.apply(EXPIRES_PREFIX + rule);
                    problems.add(InputProblem.error(expiryAt.file(), expiryAt.line(), expiryAt.column(),
                            EXPIRES_PREFIX + rule + " on " + target.display() + " must be a date YYYY-MM-DD"));
                    continue;
                }
            }
            waivers.add(Waiver.annotation(rule, target, reason, expires, at));
        }
        return new WaiverSet(waivers, problems);
    }
}

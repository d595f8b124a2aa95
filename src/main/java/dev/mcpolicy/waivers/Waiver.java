package dev.mcpolicy.waivers;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.Suppressions;
import dev.mcpolicy.secrets.TextMasking;

import java.time.LocalDate;

/**
 * One accepted finding, with a reason. Three sources: an entry of the config file (its fields are globs; a missing
 * field matches anything), an annotation {@code ignore.mcpolicy.dev/<rule>} on the object or its pod template, and a
 * comment {@code # mcpolicy:ignore <rule> <reason>} on the finding's line or the line above it.
 *
 * @param rule       rule id (a glob in config entries)
 * @param object     {@code Kind/name} glob, or null for any (config entries)
 * @param namespace  namespace glob, or null for any (config entries)
 * @param file       file glob matched against the finding's file and its rendered file, or null for any
 * @param target     the annotated object (annotations only)
 * @param expires    the last day it applies, or null
 * @param declaredAt where it is written
 */
public record Waiver(Source source, String rule, String object, String namespace, String file, ObjectRef target,
                     String reason, LocalDate expires, Location declaredAt) {

    public enum Source {
        CONFIG("config", Suppressions.Kind.EXTERNAL),
        ANNOTATION("annotation", Suppressions.Kind.IN_SOURCE),
        COMMENT("comment", Suppressions.Kind.IN_SOURCE);

        private final String id;
        private final Suppressions.Kind kind;

        Source(String id, Suppressions.Kind kind) {
            this.id = id;
            this.kind = kind;
        }

        public String id() {
            return id;
        }

        public Suppressions.Kind kind() {
            return kind;
        }
    }

    public Waiver {
        reason = TextMasking.mask(reason);
    }

    public static Waiver config(String rule, String object, String namespace, String file, String reason,
                                LocalDate expires, Location declaredAt) {
        return new Waiver(Source.CONFIG, rule, object, namespace, file, null, reason, expires, declaredAt);
    }

    public static Waiver annotation(String rule, ObjectRef target, String reason, LocalDate expires,
                                    Location declaredAt) {
        return new Waiver(Source.ANNOTATION, rule, null, null, null, target, reason, expires, declaredAt);
    }

    public static Waiver comment(String rule, String reason, LocalDate expires, Location declaredAt) {
        return new Waiver(Source.COMMENT, rule, null, null, null, null, reason, expires, declaredAt);
    }

    public boolean matches(Finding finding) {
        return switch (source) {
            case CONFIG -> Globs.matches(rule, finding.ruleId())
                    && (object == null || (finding.object() != null && Globs.matches(object, finding.object().display())))
                    && (namespace == null || (finding.object() != null && finding.object().namespace() != null
                    && Globs.matches(namespace, finding.object().namespace())))
                    && (file == null || Globs.matchesPath(file, finding.primary().file())
                    || (finding.rendered() != null && Globs.matchesPath(file, finding.rendered().file())));
            case ANNOTATION -> rule.equals(finding.ruleId()) && target.equals(finding.object());
            case COMMENT -> rule.equals(finding.ruleId())
                    && finding.primary().file().equals(declaredAt.file())
                    && (finding.primary().line() == declaredAt.line() || finding.primary().line() == declaredAt.line() + 1);
        };
    }

    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /** {@code the config waiver at .mcpolicy.yaml:12:5}, {@code the annotation ignore.mcpolicy.dev/x on Deployment/y}. */
    public String describe() {
        return switch (source) {
            case CONFIG -> "the config waiver at " + declaredAt.shortText();
            case ANNOTATION -> "the annotation " + AnnotationWaivers.PREFIX + rule + " on " + target.display();
            case COMMENT -> "the comment at " + declaredAt.shortText();
        };
    }
}

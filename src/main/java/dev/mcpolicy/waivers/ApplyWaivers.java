package dev.mcpolicy.waivers;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.Suppressions;
import dev.mcpolicy.finding.pipeline.FindingStep;
import dev.mcpolicy.manifest.InputProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The waiver step of the finding pipeline, run after chart mapping so that source comments are read at the line a
 * reviewer edits (a template or values line in chart mode). A finding a waiver accepts leaves the findings and is
 * kept with its waiver; an expired waiver no longer applies, and the finding says which waiver expired when. Waivers
 * the policy forbids are ignored, and listed as notes, as are waivers that match nothing.
 */
public final class ApplyWaivers implements FindingStep {
    public static final String EXPIRED_PROPERTY = "waiverExpired";

    private final List<Waiver> declared;
    private final Function<String, Optional<String>> texts;
    private final List<String> filesToScan;
    private final WaiverPolicy policy;
    private final LocalDate today;
    private final List<Suppressions.Waived> waived = new ArrayList<>();
    private final List<InputProblem> problems = new ArrayList<>();
    private final List<InputProblem> unused = new ArrayList<>();

    /**
     * @param declared    waivers of the config file and of annotations
     * @param texts       the text of a file as findings name it, for waiver comments
     * @param filesToScan files read for waiver comments besides those findings point into (so unused ones are seen)
     */
    public ApplyWaivers(List<Waiver> declared, Function<String, Optional<String>> texts, List<String> filesToScan,
                        WaiverPolicy policy, LocalDate today) {
        this.declared = List.copyOf(declared);
        this.texts = texts;
        this.filesToScan = List.copyOf(filesToScan);
        this.policy = policy;
        this.today = today;
    }

    @Override
    public String name() {
        return "waivers";
    }

    /** Findings waivers accept, in the order they came. */
    public List<Suppressions.Waived> waived() {
        return List.copyOf(waived);
    }

    /** Notes on forbidden waivers, and errors for waiver comments that cannot be read. */
    public List<InputProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Notes on waivers that match no finding. Only worth saying of a run that checked everything: a render that failed
     * leaves the waivers of its objects unused too.
     */
    public List<InputProblem> unused() {
        return List.copyOf(unused);
    }

    @Override
    public List<Finding> apply(List<Finding> findings) {
        waived.clear();
        problems.clear();
        unused.clear();
        List<Waiver> all = new ArrayList<>(declared);
        all.addAll(comments(findings));
        List<Waiver> allowed = new ArrayList<>();
        for (Waiver waiver : all) {
            if (policy.allows(waiver.source())) {
                allowed.add(waiver);
            } else {
                note(waiver, "ignored: --waivers " + policy.id() + " does not allow " + waiver.source().id()
                        + " waivers (" + waiver.describe() + " for " + waiver.rule() + ")");
            }
        }
        Map<Waiver, Boolean> used = new IdentityHashMap<>();
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : findings) {
            Waiver active = null;
            Waiver expired = null;
            for (Waiver waiver : allowed) {
                if (!waiver.matches(finding)) {
                    continue;
                }
                used.put(waiver, true);
                if (!waiver.expiredOn(today)) {
                    active = waiver;
                    break;
                }
                expired = expired == null ? waiver : expired;
            }
            if (active != null) {
                waived.add(new Suppressions.Waived(finding, active.source().kind(), active.source().id(),
                        active.reason(), active.declaredAt(), active.expires() == null ? null : active.expires().toString()));
            } else if (expired != null) {
                kept.add(withExpiredWaiver(finding, expired));
            } else {
                kept.add(finding);
            }
        }
        for (Waiver waiver : allowed) {
            if (!used.containsKey(waiver)) {
                Location at = waiver.declaredAt();
                unused.add(InputProblem.note(at.file(), at.line(), at.column(), "waiver for " + waiver.rule()
                        + " matches no finding (" + waiver.describe() + "): remove it, or correct what it names"));
            }
        }
        return kept;
    }

    private static Finding withExpiredWaiver(Finding finding, Waiver waiver) {
        Map<String, String> properties = new LinkedHashMap<>(finding.properties());
        properties.put(EXPIRED_PROPERTY, waiver.expires().toString());
        return finding.withMessage(finding.message() + " (Not waived: " + waiver.describe() + " expired on "
                + waiver.expires() + ".)").withProperties(properties);
    }

    /** Waiver comments in the files the findings point into and in the files to scan, each file read once. */
    private List<Waiver> comments(List<Finding> findings) {
        Set<String> files = new LinkedHashSet<>(filesToScan);
        for (Finding finding : findings) {
            files.add(finding.primary().file());
        }
        List<Waiver> found = new ArrayList<>();
        for (String file : files) {
            Optional<String> text = texts.apply(file);
            if (text.isEmpty()) {
                continue;
            }
            WaiverSet set = SourceComments.read(file, text.get());
            found.addAll(set.waivers());
            problems.addAll(set.problems());
        }
        return found;
    }

    private void note(Waiver waiver, String message) {
        Location at = waiver.declaredAt();
        problems.add(InputProblem.note(at.file(), at.line(), at.column(), message));
    }
}

package dev.mcpolicy.waivers;

import dev.mcpolicy.manifest.InputProblem;

import java.util.ArrayList;
import java.util.List;

/** Waivers read from one source, and the problems of the ones that could not be read (a missing reason, a bad date). */
public record WaiverSet(List<Waiver> waivers, List<InputProblem> problems) {
    public static final WaiverSet EMPTY = new WaiverSet(List.of(), List.of());

    public WaiverSet {
        waivers = List.copyOf(waivers);
        problems = List.copyOf(problems);
    }

    public WaiverSet plus(WaiverSet other) {
        List<Waiver> allWaivers = new ArrayList<>(waivers);
        allWaivers.addAll(other.waivers);
        List<InputProblem> allProblems = new ArrayList<>(problems);
        allProblems.addAll(other.problems);
        return new WaiverSet(allWaivers, allProblems);
    }
}

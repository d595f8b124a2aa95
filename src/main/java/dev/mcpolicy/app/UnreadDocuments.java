package dev.mcpolicy.app;

import dev.mcpolicy.engine.mechanism.RenderGaps;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.NodeSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The documents of one render that could not be read: an error that no loaded document of its file spans cost a
 * whole document (a YAML syntax error, bad bytes, an unreadable file), while an error inside a loaded document (a
 * duplicate key, a mistyped scalar) did not.
 *
 * @param losses the errors that cost a document, in input order
 */
record UnreadDocuments(List<InputProblem> losses) {

    /**
     * @param documents the render's loaded documents
     * @param problems  the problems met while loading exactly those inputs
     */
    static UnreadDocuments of(List<ManifestDocument> documents, List<InputProblem> problems) {
        List<InputProblem> losses = new ArrayList<>();
        for (InputProblem problem : problems) {
            if (problem.severity() == InputProblem.Severity.ERROR && !spanned(problem, documents)
                    && !losses.contains(problem)) {
                losses.add(problem);
            }
        }
        return new UnreadDocuments(List.copyOf(losses));
    }

    /** What the engine needs to know: where the render has gaps. */
    RenderGaps gaps() {
        return new RenderGaps(losses.stream().map(p -> p.file() + ":" + p.line()).distinct().toList());
    }

    /** The note that tells the user which findings the gaps withheld, at the first unread document. */
    Optional<InputProblem> note() {
        if (losses.isEmpty()) {
            return Optional.empty();
        }
        InputProblem first = losses.get(0);
        String more = losses.size() == 1 ? "" : " (and " + (losses.size() - 1) + " more)";
        return Optional.of(InputProblem.note(first.file(), first.line(), first.column(),
                "a document of this render could not be read" + more + ", so findings that an object is missing"
                        + " (selectors that match nothing, absent autoscaler targets, budgets, Services or tests) are"
                        + " not reported: the object may be in that document; fix it and run again"));
    }

    private static boolean spanned(InputProblem problem, List<ManifestDocument> documents) {
        for (ManifestDocument document : documents) {
            if (!document.file().equals(problem.file()) || problem.line() < document.firstLine()) {
                continue;
            }
            int last = document.positions().get("").map(NodeSpan::valueEnd).map(p -> p.line())
                    .orElse(document.firstLine());
            if (problem.line() <= last) {
                return true;
            }
        }
        return false;
    }
}

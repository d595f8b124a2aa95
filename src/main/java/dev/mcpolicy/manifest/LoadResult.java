package dev.mcpolicy.manifest;

import java.util.List;

/** What a loader read: the parsed documents and every problem met on the way (documents keep their input order). */
public record LoadResult(List<ManifestDocument> documents, List<InputProblem> problems) {
    public LoadResult {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }
}

package dev.mcpolicy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.LoaderLimits;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.manifest.NodeSpan;
import dev.mcpolicy.manifest.Position;
import dev.mcpolicy.manifest.PositionIndex;
import dev.mcpolicy.manifest.ScalarTyping;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads mcpolicy's own YAML files (rule files, the index, fixtures) with the manifest loader, so there is one
 * positioned-YAML reader: YAML 1.2 core typing (quoted scalars are strings, {@code yes} is text), tight limits, one
 * document per file.
 */
final class RuleYaml {
    private static final ManifestLoader LOADER = new ManifestLoader(LoaderLimits.DEFAULTS
            .withMaxCodePoints(4 * 1024 * 1024).withMaxDepth(64).withMaxAliases(50).withMaxDocuments(2),
            ScalarTyping.YAML_1_2_CORE);

    private RuleYaml() {
    }

    /** A parsed file: its root (missing when the file holds no document), positions and problems. */
    record Parsed(JsonNode root, PositionIndex positions, List<RuleProblem> problems) {
        /** Position of the node at {@code pointer} (a mapping entry's key), or of its nearest existing ancestor. */
        Position locate(String pointer) {
            NodeSpan span = positions.locate(pointer).span();
            return span == null ? Position.START : span.anchor();
        }
    }

    static Parsed parse(String file, String text) {
        LoadResult loaded = LOADER.loadText(file, text);
        List<RuleProblem> problems = new ArrayList<>();
        for (InputProblem problem : loaded.problems()) {
            if (problem.severity() == InputProblem.Severity.ERROR) {
                // the loader's words are for manifests; a rule file is mcpolicy's, not Kubernetes'
                problems.add(new RuleProblem(file, problem.line(), problem.column(), problem.message()
                        .replace("; Kubernetes rejects duplicate keys, the last value is used here", "")));
            }
        }
        List<ManifestDocument> documents = loaded.documents();
        if (documents.size() > 1) {
            problems.add(new RuleProblem(file, documents.get(1).firstLine(), 1,
                    "holds more than one YAML document; write one per file"));
        }
        return documents.isEmpty()
                ? new Parsed(MissingNode.getInstance(), PositionIndex.empty(), problems)
                : new Parsed(documents.get(0).content(), documents.get(0).positions(), problems);
    }
}

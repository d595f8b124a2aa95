package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.ServerDecision;
import dev.mcpolicy.finding.Suppressions;
import dev.mcpolicy.manifest.InputProblem;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-readable report, documented in {@code docs/json-report.md} and described by
 * {@code json-report.schema.json}. Every field is always present ({@code null} when there is no value), so
 * consumers never need to test for missing keys. Bump {@link #SCHEMA_VERSION} on any incompatible change.
 */
public final class JsonReport implements Report {
    public static final int SCHEMA_VERSION = 1;
    /** Class-path location of the JSON Schema of this report. */
    public static final String SCHEMA_RESOURCE = "/dev/mcpolicy/report/json-report.schema.json";

    @Override
    public void write(RunResult run, ReportContext context, Writer out) throws IOException {
        JsonOutput.write(document(run, context), out);
    }

    ObjectNode document(RunResult run, ReportContext context) {
        SourcePaths paths = new SourcePaths(context.baseDirectory(), context.repositoryRoot());
        ObjectNode root = JsonOutput.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.set("tool", tool(context.tool(), RuleLinks.informationUri(context)));
        ArrayNode inputs = root.putArray("inputs");
        run.inputs().forEach(inputs::add);
        Suppressions suppressed = run.suppressed();
        String fresh = suppressed.baselineUsed() ? "new" : null;
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : run.findings()) {
            findings.add(finding(finding, paths).put("baselineState", fresh));
        }
        ArrayNode waived = root.putArray("waived");
        for (Suppressions.Waived entry : suppressed.waived()) {
            ObjectNode node = finding(entry.finding(), paths);
            node.putNull("baselineState");
            ObjectNode waiver = node.putObject("waiver");
            waiver.put("kind", entry.kind().id());
            waiver.put("source", entry.source());
            waiver.put("reason", entry.justification());
            waiver.set("location", location(entry.declaredAt()));
            waiver.put("expires", entry.expires());
            waived.add(node);
        }
        if (suppressed.baselineUsed()) {
            ObjectNode baseline = root.putObject("baseline");
            ArrayNode unchanged = baseline.putArray("unchanged");
            suppressed.unchanged().forEach(finding -> unchanged.add(finding(finding, paths).put("baselineState", "unchanged")));
            ArrayNode absent = baseline.putArray("absent");
            for (Suppressions.Absent entry : suppressed.absent()) {
                ObjectNode node = absent.addObject();
                node.put("fingerprint", entry.fingerprint());
                node.put("ruleId", entry.ruleId());
                node.put("object", entry.object());
                node.put("file", entry.file());
                node.put("message", entry.message());
                node.put("baselineState", "absent");
            }
        } else {
            root.putNull("baseline");
        }
        ArrayNode servers = root.putArray("mcpServers");
        run.decisions().forEach(decision -> servers.add(decision(decision)));
        ArrayNode problems = root.putArray("problems");
        run.problems().forEach(problem -> problems.add(problem(problem)));
        ObjectNode summary = summary(Summary.of(run), run.successful());
        summary.put("waived", suppressed.waived().size());
        summary.put("existing", suppressed.unchanged().size());
        summary.put("absent", suppressed.absent().size());
        root.set("summary", summary);
        return root;
    }

    private static ObjectNode tool(ToolInfo tool, String informationUri) {
        ObjectNode node = JsonOutput.object();
        node.put("name", tool.name());
        node.put("version", tool.version());
        node.put("informationUri", informationUri);
        return node;
    }

    private static ObjectNode finding(Finding finding, SourcePaths paths) {
        ObjectNode node = JsonOutput.object();
        node.put("ruleId", finding.ruleId());
        node.put("level", finding.level().id());
        node.put("message", finding.message());
        node.set("location", location(finding.primary()));
        node.set("renderedLocation", finding.rendered() == null ? null : location(finding.rendered()));
        node.set("object", finding.object() == null ? null : object(finding.object()));
        node.put("pointer", finding.pointer());
        node.put("helmSource", finding.helmSource());
        ArrayNode related = node.putArray("related");
        for (Finding.RelatedLocation place : finding.related()) {
            ObjectNode entry = related.addObject();
            entry.set("location", location(place.location()));
            entry.put("message", place.message());
        }
        ArrayNode environments = node.putArray("environments");
        finding.environments().forEach(environments::add);
        ObjectNode properties = node.putObject("properties");
        FindingFacts.of(finding).forEach(properties::put);
        node.put("certainty", finding.certainty().id());
        String file = paths.locate(finding.primary().file()).uri();
        node.put("fingerprint", Fingerprints.semantic(finding, file));
        return node;
    }

    static ObjectNode location(Location location) {
        ObjectNode node = JsonOutput.object();
        node.put("file", location.file());
        node.put("line", location.line());
        node.put("column", location.column());
        if (location.endColumn() > 0) {
            node.put("endColumn", location.endColumn());
        } else {
            node.putNull("endColumn");
        }
        node.put("mapping", location.mapping());
        return node;
    }

    static ObjectNode object(ObjectRef object) {
        ObjectNode node = JsonOutput.object();
        node.put("apiVersion", object.apiVersion());
        node.put("kind", object.kind());
        node.put("name", object.name());
        node.put("namespace", object.namespace());
        return node;
    }

    private static ObjectNode decision(ServerDecision decision) {
        ObjectNode node = JsonOutput.object();
        node.set("object", object(decision.object()));
        node.set("location", decision.location() == null ? null : location(decision.location()));
        node.put("mcpServer", decision.mcpServer());
        node.put("reason", decision.reason());
        return node;
    }

    private static ObjectNode problem(InputProblem problem) {
        ObjectNode node = JsonOutput.object();
        node.put("file", problem.file());
        node.put("line", problem.line());
        node.put("column", problem.column());
        node.put("severity", problem.severity().name().toLowerCase(Locale.ROOT));
        node.put("message", problem.message());
        return node;
    }

    private static ObjectNode summary(Summary summary, boolean successful) {
        ObjectNode node = JsonOutput.object();
        Map<String, Integer> counts = Map.of(
                "errors", summary.errors(), "warnings", summary.warnings(), "notes", summary.notes(),
                "findings", summary.findings(), "files", summary.filesWithFindings(),
                "mcpServers", summary.mcpServers(), "workloads", summary.workloads(),
                "inputErrors", summary.inputErrors(), "inputNotes", summary.inputNotes());
        counts.forEach(node::put);
        node.put("successful", successful);
        return node;
    }
}

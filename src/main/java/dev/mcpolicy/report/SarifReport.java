package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.finding.Certainty;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Suppressions;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.pipeline.MergeSameLine;
import dev.mcpolicy.manifest.InputProblem;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: one run, every result with exactly one repository-relative
 * location, a single-line region and the upload action's {@code primaryLocationLineHash}.
 *
 * <p>Files outside the source root (and {@code <stdin>}) cannot be shown by code scanning. Their results are kept,
 * with the path as given, and the run carries one warning notification per such file saying so. Files whose text
 * cannot be read get no line hash, again with a warning notification. No snippets are emitted: the offending line
 * may hold a secret.
 */
public final class SarifReport implements Report {
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String VERSION = "2.1.0";

    @Override
    public void write(RunResult run, ReportContext context, Writer out) throws IOException {
        JsonOutput.write(document(run, context), out);
    }

    ObjectNode document(RunResult run, ReportContext context) {
        return new Builder(run, context).log();
    }

    private static final class Builder {
        private final RunResult run;
        /** One result per rule and line: code scanning would fold the others into one alert. */
        private final List<Finding> findings;
        private final ReportContext context;
        private final SourcePaths paths;
        private final SourceTexts texts;
        private final SarifRules rules;
        /** Outside-root file → number of results in it. */
        private final Map<String, Integer> outsideRoot = new TreeMap<>();
        /** File → number of results whose primary line could not be hashed. */
        private final Map<String, Integer> withoutLineHash = new TreeMap<>();

        Builder(RunResult run, ReportContext context) {
            this.run = run;
            this.findings = new MergeSameLine().apply(run.findings());
            this.context = context;
            this.paths = new SourcePaths(context.baseDirectory(), context.repositoryRoot());
            this.texts = new SourceTexts(context.baseDirectory(), context.fileTexts());
            List<Finding> all = new java.util.ArrayList<>(findings);
            run.suppressed().waived().forEach(waived -> all.add(waived.finding()));
            all.addAll(run.suppressed().unchanged());
            run.suppressed().absent().forEach(absent -> all.add(absentFinding(absent)));
            this.rules = new SarifRules(context.rules(), all);
        }

        /** A baseline entry no finding matches, as a note at the start of its file. */
        private static Finding absentFinding(Suppressions.Absent absent) {
            String file = absent.file() == null ? "" : absent.file();
            return new Finding(absent.ruleId(), Level.NOTE, "No longer found (baseline entry"
                    + (absent.object() == null ? "" : " for " + absent.object()) + "): "
                    + (absent.message() == null ? absent.ruleId() : absent.message()),
                    new Location(file, 1, 1, 0, Location.DOCUMENT), null, null, "", null, List.of(), List.of(),
                    Map.of());
        }

        ObjectNode log() {
            ObjectNode log = JsonOutput.object();
            log.put("$schema", SCHEMA_URI);
            log.put("version", VERSION);
            log.putArray("runs").add(sarifRun());
            return log;
        }

        private ObjectNode sarifRun() {
            ObjectNode sarifRun = JsonOutput.object();
            ObjectNode toolNode = sarifRun.putObject("tool");
            ObjectNode driver = toolNode.putObject("driver");
            ToolInfo tool = context.tool();
            driver.put("name", tool.name());
            driver.put("version", tool.version());
            driver.put("semanticVersion", tool.version());
            String informationUri = RuleLinks.informationUri(context);
            if (informationUri != null) {
                driver.put("informationUri", informationUri);
            }
            driver.set("rules", rules.descriptors(context));
            if (context.sarifCategory() != null && !context.sarifCategory().isBlank()) {
                sarifRun.putObject("automationDetails").put("id", automationId(context.sarifCategory()));
            }
            sarifRun.put("columnKind", "utf16CodeUnits");
            ArrayNode results = sarifRun.putArray("results");
            Suppressions suppressed = run.suppressed();
            // suppressions go on every result or on none; baselineState only when a baseline was compared
            boolean withSuppressions = !suppressed.waived().isEmpty();
            String fresh = suppressed.baselineUsed() ? "new" : null;
            for (Finding finding : findings) {
                results.add(adopted(result(finding), withSuppressions ? JsonOutput.array() : null, fresh));
            }
            for (Suppressions.Waived waived : suppressed.waived()) {
                ArrayNode suppressions = JsonOutput.array();
                ObjectNode suppression = suppressions.addObject();
                suppression.put("kind", waived.kind().id());
                suppression.put("status", "accepted");
                suppression.put("justification", waived.justification());
                ObjectNode waiverFacts = suppression.putObject("properties");
                waiverFacts.put("source", waived.source());
                waiverFacts.put("declaredAt", waived.declaredAt().shortText());
                if (waived.expires() != null) {
                    waiverFacts.put("expires", waived.expires());
                }
                results.add(adopted(result(waived.finding()), suppressions, null));
            }
            for (Finding finding : suppressed.unchanged()) {
                results.add(adopted(result(finding), withSuppressions ? JsonOutput.array() : null, "unchanged"));
            }
            for (Suppressions.Absent absent : suppressed.absent()) {
                ObjectNode result = result(absentFinding(absent));
                ((ObjectNode) result.get("partialFingerprints")).put(Fingerprints.SARIF_KEY, absent.fingerprint());
                results.add(adopted(result, withSuppressions ? JsonOutput.array() : null, "absent"));
            }
            sarifRun.putArray("invocations").add(invocation());
            return sarifRun;
        }

        private static ObjectNode adopted(ObjectNode result, ArrayNode suppressions, String baselineState) {
            if (suppressions != null) {
                result.set("suppressions", suppressions);
            }
            if (baselineState != null) {
                result.put("baselineState", baselineState);
            }
            return result;
        }

        /** Code scanning reads the part before the last '/' as the category; a bare name is meant as one. */
        private static String automationId(String category) {
            String id = category.strip();
            return id.contains("/") ? id : id + "/";
        }

        private ObjectNode result(Finding finding) {
            ObjectNode result = JsonOutput.object();
            result.put("ruleId", finding.ruleId());
            result.put("ruleIndex", rules.indexOf(finding.ruleId()));
            result.put("level", finding.level().id());
            result.putObject("message").put("text", messageText(finding));
            Location primary = finding.primary();
            SourcePaths.RepoPath primaryPath = paths.locate(primary.file());
            if (!primaryPath.inRepository()) {
                outsideRoot.merge(primary.file(), 1, Integer::sum);
            }
            result.putArray("locations").add(physical(primary, primaryPath.uri()));
            ArrayNode related = relatedLocations(finding);
            if (!related.isEmpty()) {
                result.set("relatedLocations", related);
            }
            ObjectNode fingerprints = result.putObject("partialFingerprints");
            texts.lineHash(primary.file(), primary.line()).ifPresentOrElse(
                    hash -> fingerprints.put("primaryLocationLineHash", hash),
                    () -> withoutLineHash.merge(primary.file(), 1, Integer::sum));
            fingerprints.put(Fingerprints.SARIF_KEY, Fingerprints.semantic(finding, primaryPath.uri()));
            result.set("properties", properties(finding));
            return result;
        }

        private static String messageText(Finding finding) {
            if (finding.message() == null || finding.message().isBlank()) {
                return "Finding of rule " + finding.ruleId() + ".";
            }
            if (finding.environments().isEmpty()) {
                return finding.message();
            }
            return finding.message() + " [environments: " + String.join(", ", finding.environments()) + "]";
        }

        private ArrayNode relatedLocations(Finding finding) {
            ArrayNode related = JsonOutput.array();
            Location rendered = finding.rendered();
            if (rendered != null && !rendered.equals(finding.primary())) {
                related.add(withId(related.size() + 1, physical(rendered, paths.locate(rendered.file()).uri()),
                        "Rendered manifest"));
            }
            if (HelmSources.worthShowing(finding)) {
                // Chart-relative, as helm prints it; code scanning needs a uri even on related locations.
                ObjectNode source = JsonOutput.object();
                source.putObject("physicalLocation").putObject("artifactLocation")
                        .put("uri", SourcePaths.percentEncode(finding.helmSource()));
                related.add(withId(related.size() + 1, source, "Helm template " + finding.helmSource()));
            }
            for (Finding.RelatedLocation place : finding.related()) {
                Location location = place.location();
                related.add(withId(related.size() + 1, physical(location, paths.locate(location.file()).uri()),
                        place.message()));
            }
            return related;
        }

        private static ObjectNode withId(int id, ObjectNode location, String message) {
            location.put("id", id);
            location.putObject("message").put("text", message == null || message.isBlank() ? "Related place" : message);
            return location;
        }

        /** A location with a single-line region whose end column is known, found in the text, or one past the start. */
        private ObjectNode physical(Location location, String uri) {
            ObjectNode node = JsonOutput.object();
            ObjectNode physical = node.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri);
            ObjectNode region = physical.putObject("region");
            region.put("startLine", location.line());
            region.put("startColumn", location.column());
            region.put("endLine", location.line());
            region.put("endColumn", endColumn(location));
            return node;
        }

        private int endColumn(Location location) {
            if (location.endColumn() > location.column()) {
                return location.endColumn();
            }
            int tokenEnd = texts.tokenEnd(location.file(), location.line(), location.column());
            return tokenEnd > location.column() ? tokenEnd : location.column() + 1;
        }

        private static ObjectNode properties(Finding finding) {
            ObjectNode properties = JsonOutput.object();
            properties.put("mapping", finding.primary().mapping());
            properties.put("pointer", finding.pointer());
            if (finding.helmSource() != null) {
                properties.put("helmSource", finding.helmSource());
            }
            if (!finding.environments().isEmpty()) {
                ArrayNode environments = properties.putArray("environments");
                finding.environments().forEach(environments::add);
            }
            if (finding.object() != null) {
                properties.set("object", JsonReport.object(finding.object()));
            }
            if (finding.certainty() == Certainty.INFERRED) {
                properties.put("certainty", finding.certainty().id());
            }
            SortedMap<String, String> findingFacts = FindingFacts.of(finding);
            if (!findingFacts.isEmpty()) {
                ObjectNode facts = properties.putObject("facts");
                findingFacts.forEach(facts::put);
            }
            return properties;
        }

        private ObjectNode invocation() {
            ObjectNode invocation = JsonOutput.object();
            invocation.put("executionSuccessful", run.successful());
            ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
            for (InputProblem problem : run.problems()) {
                notifications.add(problemNotification(problem));
            }
            outsideRoot.forEach((file, count) -> notifications.add(warning(
                    count + (count == 1 ? " result is" : " results are") + " in " + file
                            + ", which is outside the source root; code scanning cannot show "
                            + (count == 1 ? "it" : "them") + ". Run mcpolicy from the repository root"
                            + " or point the source root at it.")));
            withoutLineHash.forEach((file, count) -> notifications.add(warning(
                    count + (count == 1 ? " result" : " results") + " in " + file
                            + " carry no primaryLocationLineHash: the file could not be read"
                            + " or is shorter than the reported line.")));
            return invocation;
        }

        private ObjectNode problemNotification(InputProblem problem) {
            ObjectNode notification = JsonOutput.object();
            notification.put("level", problem.severity() == InputProblem.Severity.ERROR ? "error" : "note");
            notification.putObject("message").put("text", problem.message());
            ObjectNode physical = notification.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", paths.locate(problem.file()).uri());
            ObjectNode region = physical.putObject("region");
            region.put("startLine", problem.line());
            region.put("startColumn", problem.column());
            return notification;
        }

        private static ObjectNode warning(String text) {
            ObjectNode notification = JsonOutput.object();
            notification.put("level", "warning");
            notification.putObject("message").put("text", text);
            return notification;
        }
    }
}

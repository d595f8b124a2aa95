package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.finding.Level;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Combines the JSON or SARIF reports of several runs (the shards of {@code check --shard K/N}) into the report one run
 * over all their inputs would have written: findings, MCP-server decisions and input problems once each, in the order
 * one run sorts them (decisions, which one run lists in input order, by their place), with the summary counted
 * again. Entries are copied whole, so fields this class does not know (suppressions, baseline states) survive. A
 * note that an input was left to another shard is dropped unless every merged report carries it (then the shard that
 * checks that input is missing from the merge).
 */
public final class ReportMerge {
    /** How the note on an input left to another shard starts (written by {@code check --shard}). */
    public static final String SKIPPED_BY_SHARD = "not checked here (--shard): shard ";
    private static final String UNUSED_WAIVER_START = "waiver for ";
    private static final String UNUSED_WAIVER_MIDDLE = " matches no finding (";

    public enum Kind {
        JSON("json"), SARIF("sarif");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** One report to merge: its name (for messages) and its parsed content. */
    public record Source(String name, JsonNode document) {
    }

    /**
     * The merged report.
     *
     * @param successful false when a merged run met an input error (as one run, the merge then exits 2)
     * @param levels     the level of every finding that is not suppressed, for {@code --fail-on}
     * @param problems   input problems and tool notifications, one line each ({@code file:line:col: message})
     */
    public record Merged(Kind kind, ObjectNode document, boolean successful, List<Level> levels,
                         List<String> problems) {
        public void write(Writer out) throws IOException {
            JsonOutput.write(document, out);
        }
    }

    /** A report that cannot be merged; the message names the report. */
    public static final class MergeException extends Exception {
        public MergeException(String message) {
            super(message);
        }
    }

    private ReportMerge() {
    }

    /** What kind of mcpolicy report a document is. */
    public static Kind kindOf(Source source) throws MergeException {
        JsonNode document = source.document();
        if (document.isObject() && document.path("runs").isArray() && document.has("version")) {
            return Kind.SARIF;
        }
        if (document.isObject() && document.path("findings").isArray() && document.has("schemaVersion")) {
            return Kind.JSON;
        }
        throw new MergeException(source.name() + ":1:1: not an mcpolicy JSON or SARIF report");
    }

    public static Merged merge(List<Source> sources) throws MergeException {
        if (sources.isEmpty()) {
            throw new MergeException("no report to merge");
        }
        Kind kind = kindOf(sources.get(0));
        for (Source source : sources) {
            if (kindOf(source) != kind) {
                throw new MergeException(source.name() + ":1:1: is a " + kindOf(source).id() + " report, but "
                        + sources.get(0).name() + " is " + kind.id() + "; merge reports of one format");
            }
        }
        return kind == Kind.JSON ? mergeJson(sources) : mergeSarif(sources);
    }

    // ---- JSON -------------------------------------------------------------------------------------------------

    private static Merged mergeJson(List<Source> sources) throws MergeException {
        JsonNode first = sources.get(0).document();
        for (Source source : sources) {
            if (!source.document().path("schemaVersion").equals(first.path("schemaVersion"))) {
                throw new MergeException(source.name() + ":1:1: schemaVersion " + source.document().path("schemaVersion")
                        + " differs from " + first.path("schemaVersion") + " in " + sources.get(0).name());
            }
        }
        ObjectNode merged = first.deepCopy();
        Map<String, List<JsonNode>> arrays = new LinkedHashMap<>();
        for (Source source : sources) {
            Iterator<Map.Entry<String, JsonNode>> fields = source.document().fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isArray()) {
                    arrays.computeIfAbsent(field.getKey(), key -> new ArrayList<>()).add(field.getValue());
                }
            }
        }
        arrays.forEach((name, parts) -> merged.set(name, union(parts)));
        merged.set("findings", sorted((ArrayNode) merged.get("findings"), JSON_FINDING_ORDER));
        if (merged.path("mcpServers").isArray()) {
            // One run lists them in input order, which the shards no longer share: by place instead.
            merged.set("mcpServers", sorted((ArrayNode) merged.get("mcpServers"), JSON_DECISION_ORDER));
        }
        mergeJsonBaseline(sources, merged);
        ArrayNode problems = withoutCheckedSkips(jsonProblems(sources), sources.size());
        merged.set("problems", sorted(problems, JSON_PROBLEM_ORDER));

        List<Level> levels = new ArrayList<>();
        Set<String> files = new HashSet<>();
        int[] counts = new int[Level.values().length];
        for (JsonNode finding : merged.get("findings")) {
            Level level = Level.parse(finding.path("level").asText());
            counts[level.ordinal()]++;
            files.add(finding.path("location").path("file").asText());
            if (!suppressed(finding)) {
                levels.add(level);
            }
        }
        int servers = 0;
        int workloads = 0;
        for (JsonNode decision : merged.withArray("mcpServers")) {
            workloads++;
            servers += decision.path("mcpServer").asBoolean() ? 1 : 0;
        }
        int inputErrors = 0;
        List<String> lines = new ArrayList<>();
        for (JsonNode problem : merged.get("problems")) {
            inputErrors += "error".equals(problem.path("severity").asText()) ? 1 : 0;
            lines.add(problem.path("file").asText() + ":" + problem.path("line").asInt() + ":"
                    + problem.path("column").asInt() + ": " + problem.path("message").asText());
        }
        ObjectNode summary = merged.with("summary");
        summary.put("errors", counts[Level.ERROR.ordinal()]);
        summary.put("warnings", counts[Level.WARNING.ordinal()]);
        summary.put("notes", counts[Level.NOTE.ordinal()]);
        summary.put("findings", merged.get("findings").size());
        summary.put("files", files.size());
        summary.put("mcpServers", servers);
        summary.put("workloads", workloads);
        summary.put("inputErrors", inputErrors);
        summary.put("inputNotes", merged.get("problems").size() - inputErrors);
        summary.put("successful", inputErrors == 0);
        if (summary.has("waived")) {
            summary.put("waived", merged.withArray("waived").size());
        }
        JsonNode baseline = merged.path("baseline");
        if (baseline.isObject()) {
            summary.put("existing", baseline.path("unchanged").size());
            summary.put("absent", baseline.path("absent").size());
        }
        return new Merged(Kind.JSON, merged, inputErrors == 0, levels, lines);
    }

    /**
     * The baseline entries of the shards: each found one once; an entry is absent only when every shard that compared
     * with a baseline missed it, since a shard misses every entry of the charts it left to the others.
     */
    private static void mergeJsonBaseline(List<Source> sources, ObjectNode merged) {
        List<JsonNode> unchanged = new ArrayList<>();
        Map<JsonNode, Integer> absent = new LinkedHashMap<>();
        int compared = 0;
        for (Source source : sources) {
            JsonNode baseline = source.document().path("baseline");
            if (!baseline.isObject()) {
                continue;
            }
            compared++;
            unchanged.add(baseline.path("unchanged"));
            baseline.path("absent").forEach(entry -> absent.merge(entry, 1, Integer::sum));
        }
        if (compared == 0) {
            return;
        }
        ObjectNode baseline = merged.putObject("baseline");
        baseline.set("unchanged", sorted(union(unchanged), JSON_FINDING_ORDER));
        ArrayNode stillAbsent = JsonOutput.array();
        int shards = compared;
        absent.forEach((entry, times) -> {
            if (times == shards) {
                stillAbsent.add(entry);
            }
        });
        baseline.set("absent", stillAbsent);
    }

    private static List<JsonNode> jsonProblems(List<Source> sources) {
        List<JsonNode> all = new ArrayList<>();
        for (Source source : sources) {
            source.document().path("problems").forEach(all::add);
        }
        return all;
    }

    private static final Comparator<JsonNode> JSON_FINDING_ORDER = Comparator
            .comparing((JsonNode f) -> f.path("location").path("file").asText())
            .thenComparingInt(f -> f.path("location").path("line").asInt())
            .thenComparingInt(f -> f.path("location").path("column").asInt())
            .thenComparing(f -> f.path("ruleId").asText())
            .thenComparing(f -> f.path("message").asText());

    private static final Comparator<JsonNode> JSON_DECISION_ORDER = Comparator
            .comparing((JsonNode d) -> d.path("location").path("file").asText())
            .thenComparingInt(d -> d.path("location").path("line").asInt())
            .thenComparingInt(d -> d.path("location").path("column").asInt());

    private static final Comparator<JsonNode> JSON_PROBLEM_ORDER = Comparator
            .comparing((JsonNode p) -> p.path("file").asText())
            .thenComparingInt(p -> p.path("line").asInt())
            .thenComparingInt(p -> p.path("column").asInt())
            .thenComparing(p -> p.path("message").asText());

    // ---- SARIF ------------------------------------------------------------------------------------------------

    private static Merged mergeSarif(List<Source> sources) {
        ObjectNode merged = sources.get(0).document().deepCopy();
        Map<String, List<JsonNode>> runsByTool = new LinkedHashMap<>();
        for (Source source : sources) {
            for (JsonNode run : source.document().path("runs")) {
                String tool = run.path("tool").path("driver").path("name").asText();
                runsByTool.computeIfAbsent(tool, name -> new ArrayList<>()).add(run);
            }
        }
        ArrayNode runs = JsonOutput.array();
        List<Level> levels = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        boolean successful = true;
        for (List<JsonNode> group : runsByTool.values()) {
            ObjectNode run = group.get(0).deepCopy();
            TreeMap<String, JsonNode> rules = new TreeMap<>();
            for (JsonNode part : group) {
                part.path("tool").path("driver").path("rules")
                        .forEach(rule -> rules.putIfAbsent(rule.path("id").asText(), rule));
            }
            Map<String, Integer> ruleIndex = new HashMap<>();
            ArrayNode ruleArray = JsonOutput.array();
            rules.forEach((id, rule) -> {
                ruleIndex.put(id, ruleArray.size());
                ruleArray.add(rule);
            });
            ((ObjectNode) run.with("tool").with("driver")).set("rules", ruleArray);

            List<JsonNode> results = new ArrayList<>();
            List<JsonNode> notifications = new ArrayList<>();
            boolean executionSuccessful = true;
            for (JsonNode part : group) {
                for (JsonNode result : part.path("results")) {
                    ObjectNode copy = result.deepCopy();
                    Integer index = ruleIndex.get(result.path("ruleId").asText());
                    if (copy.has("ruleIndex") && index != null) {
                        copy.put("ruleIndex", index);
                    }
                    results.add(copy);
                }
                for (JsonNode invocation : part.path("invocations")) {
                    executionSuccessful &= invocation.path("executionSuccessful").asBoolean(true);
                    invocation.path("toolExecutionNotifications").forEach(notifications::add);
                }
            }
            ArrayNode mergedResults = withoutPartialAbsence(results, group.size());
            run.set("results", mergedResults);
            ArrayNode mergedNotifications = sorted(withoutCheckedSkips(notifications, group.size()),
                    SARIF_NOTIFICATION_ORDER);
            boolean runSuccessful = executionSuccessful;
            for (JsonNode notification : mergedNotifications) {
                runSuccessful &= !"error".equals(notification.path("level").asText());
                JsonNode place = notification.path("locations").path(0).path("physicalLocation");
                lines.add(place.path("artifactLocation").path("uri").asText() + ":"
                        + place.path("region").path("startLine").asInt(1) + ":"
                        + place.path("region").path("startColumn").asInt(1) + ": "
                        + notification.path("message").path("text").asText());
            }
            if (run.path("invocations").isArray() && !run.path("invocations").isEmpty()) {
                ObjectNode invocation = (ObjectNode) run.path("invocations").get(0);
                invocation.put("executionSuccessful", runSuccessful);
                invocation.set("toolExecutionNotifications", mergedNotifications);
                ArrayNode invocations = JsonOutput.array();
                invocations.add(invocation);
                run.set("invocations", invocations);
            }
            successful &= runSuccessful;
            for (JsonNode result : mergedResults) {
                if (!suppressed(result)) {
                    levels.add(sarifLevel(result.path("level").asText("warning")));
                }
            }
            runs.add(run);
        }
        merged.set("runs", runs);
        return new Merged(Kind.SARIF, merged, successful, levels, lines);
    }

    private static Level sarifLevel(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "error" -> Level.ERROR;
            case "note", "none" -> Level.NOTE;
            default -> Level.WARNING;
        };
    }

    private static final Comparator<JsonNode> SARIF_RESULT_ORDER = Comparator
            .comparing((JsonNode r) -> physical(r).path("artifactLocation").path("uri").asText())
            .thenComparingInt(r -> physical(r).path("region").path("startLine").asInt())
            .thenComparingInt(r -> physical(r).path("region").path("startColumn").asInt())
            .thenComparing(r -> r.path("ruleId").asText())
            .thenComparing(r -> r.path("message").path("text").asText());

    private static final Comparator<JsonNode> SARIF_NOTIFICATION_ORDER = Comparator
            .comparing((JsonNode n) -> physical(n).path("artifactLocation").path("uri").asText())
            .thenComparingInt(n -> physical(n).path("region").path("startLine").asInt())
            .thenComparingInt(n -> physical(n).path("region").path("startColumn").asInt())
            .thenComparing(n -> n.path("message").path("text").asText());

    private static JsonNode physical(JsonNode resultOrNotification) {
        return resultOrNotification.path("locations").path(0).path("physicalLocation");
    }

    /**
     * Each result once, in the order one run writes them: findings by place, then those a baseline holds, then its
     * entries no longer found. An entry is absent only when every run of the group reports it so (a shard misses the
     * entries of the charts it leaves to others); a result whose run had waivers carries suppressions, so when any
     * result does, all do, as in one run.
     */
    private static ArrayNode withoutPartialAbsence(List<JsonNode> results, int runs) {
        Map<String, Integer> absentTimes = new HashMap<>();
        for (JsonNode result : results) {
            if (isAbsent(result)) {
                absentTimes.merge(absenceKey(result), 1, Integer::sum);
            }
        }
        List<JsonNode> kept = new ArrayList<>();
        Set<String> absentKept = new HashSet<>();
        boolean withSuppressions = false;
        for (JsonNode result : union(List.of(arrayOf(results)))) {
            if (isAbsent(result)) {
                String key = absenceKey(result);
                if (absentTimes.get(key) < runs || !absentKept.add(key)) {
                    continue;
                }
            }
            withSuppressions |= result.has("suppressions");
            kept.add(result);
        }
        if (withSuppressions) {
            kept.stream().filter(result -> !result.has("suppressions"))
                    .forEach(result -> ((ObjectNode) result).set("suppressions", JsonOutput.array()));
        }
        List<JsonNode> ordered = new ArrayList<>(kept);
        ordered.sort(Comparator.comparingInt(ReportMerge::baselineRank).thenComparing(SARIF_RESULT_ORDER));
        return arrayOf(ordered);
    }

    private static boolean isAbsent(JsonNode result) {
        return "absent".equals(result.path("baselineState").asText());
    }

    private static String absenceKey(JsonNode result) {
        return result.path("ruleId").asText() + "\0" + result.path("partialFingerprints").path("mcpolicy/v1").asText();
    }

    private static int baselineRank(JsonNode result) {
        return switch (result.path("baselineState").asText("")) {
            case "unchanged" -> 1;
            case "absent" -> 2;
            default -> 0;
        };
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    /** The entries of several arrays, each equal entry once, in first-seen order. */
    private static ArrayNode union(List<JsonNode> arrays) {
        ArrayNode out = JsonOutput.array();
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode array : arrays) {
            for (JsonNode entry : array) {
                if (seen.add(entry)) {
                    out.add(entry);
                }
            }
        }
        return out;
    }

    /**
     * Problems or notifications of all merged reports, each once; a note that an input was left to another shard
     * only when all {@code reports} carry it, i.e. no merged shard checked that input.
     */
    private static ArrayNode withoutCheckedSkips(List<JsonNode> entries, int reports) {
        Map<JsonNode, Integer> times = new LinkedHashMap<>();
        for (JsonNode entry : entries) {
            times.merge(entry, 1, Integer::sum);
        }
        ArrayNode out = JsonOutput.array();
        times.forEach((entry, count) -> {
            if (!isShardSkip(entry) || count >= reports) {
                out.add(entry);
            }
        });
        return out;
    }

    /**
     * Notes that hold only for the share a shard checked: an input left to another shard, and a waiver that matched
     * nothing there (it may match in another shard's charts).
     */
    private static boolean isShardSkip(JsonNode problemOrNotification) {
        JsonNode message = problemOrNotification.path("message");
        String text = message.isTextual() ? message.asText() : message.path("text").asText();
        return text.startsWith(SKIPPED_BY_SHARD) || text.startsWith(UNUSED_WAIVER_START)
                && text.contains(UNUSED_WAIVER_MIDDLE);
    }

    /** Waived findings and those a baseline holds (or no longer finds) never fail the merged run. */
    private static boolean suppressed(JsonNode finding) {
        String baselineState = finding.path("baselineState").asText("");
        return finding.path("suppressions").size() > 0 || finding.path("suppressed").asBoolean(false)
                || baselineState.equals("unchanged") || baselineState.equals("absent");
    }

    private static ArrayNode sorted(ArrayNode array, Comparator<JsonNode> order) {
        List<JsonNode> entries = new ArrayList<>();
        array.forEach(entries::add);
        entries.sort(order);
        return arrayOf(entries);
    }

    private static ArrayNode arrayOf(List<JsonNode> entries) {
        ArrayNode out = JsonOutput.array();
        entries.forEach(out::add);
        return out;
    }
}

package dev.mcpolicy.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.LoaderLimits;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.manifest.NodeSpan;
import dev.mcpolicy.manifest.Position;
import dev.mcpolicy.manifest.PrintableText;
import dev.mcpolicy.manifest.ScalarTyping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A baseline on disk: YAML, or JSON when the file name ends in {@code .json}. Entries are written once per fingerprint,
 * sorted by rule, object, file and fingerprint, so a new baseline diffs well in review.
 */
public final class BaselineFile {
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ManifestLoader LOADER = new ManifestLoader(LoaderLimits.DEFAULTS.withMaxDocuments(2),
            ScalarTyping.YAML_1_2_CORE);
    private static final Comparator<BaselineEntry> ORDER = Comparator
            .comparing(BaselineEntry::rule)
            .thenComparing(e -> e.object() == null ? "" : e.object())
            .thenComparing(e -> e.file() == null ? "" : e.file())
            .thenComparing(BaselineEntry::fingerprint);

    private BaselineFile() {
    }

    public static void write(Path file, List<BaselineEntry> entries) throws BaselineException {
        Map<String, BaselineEntry> unique = new TreeMap<>();
        // one entry per fingerprint, the same whatever order the findings came in
        entries.forEach(entry -> unique.merge(entry.fingerprint(), entry, (a, b) -> ORDER.thenComparing(
                e -> e.message() == null ? "" : e.message()).compare(a, b) <= 0 ? a : b));
        List<BaselineEntry> sorted = new ArrayList<>(unique.values());
        sorted.sort(ORDER);
        String text = isJson(file) ? json(sorted) : yaml(sorted);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BaselineException(PrintableText.escape(file.toString()) + ":1:1: cannot write the baseline: "
                    + e.getMessage());
        }
    }

    /** @param display the file's name in messages */
    public static List<BaselineEntry> read(Path file, String display) throws BaselineException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BaselineException(PrintableText.escape(display) + ":1:1: cannot read the baseline: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        LoadResult loaded = LOADER.loadText(display, text);
        for (InputProblem problem : loaded.problems()) {
            if (problem.severity() == InputProblem.Severity.ERROR) {
                throw new BaselineException(problem.oneLine());
            }
        }
        if (loaded.documents().isEmpty()) {
            throw new BaselineException(PrintableText.escape(display) + ":1:1: the baseline is empty;"
                    + " write one with --write-baseline");
        }
        ManifestDocument document = loaded.documents().get(0);
        JsonNode root = document.content();
        JsonNode findings = root.path("findings");
        if (!root.isObject() || !findings.isArray()) {
            throw problem(document, "", "a baseline is a map with a list 'findings' (write one with --write-baseline)");
        }
        if (root.has("version") && root.get("version").asInt(-1) != VERSION) {
            throw problem(document, "/version", "baseline version " + root.get("version").asText()
                    + " is not supported; this mcpolicy reads version " + VERSION);
        }
        List<BaselineEntry> entries = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            JsonNode entry = findings.get(i);
            String fingerprint = entry.path("fingerprint").asText("");
            if (!entry.path("fingerprint").isTextual() || !fingerprint.matches("[0-9a-f]{64}")) {
                throw problem(document, "/findings/" + i + "/fingerprint",
                        "each baseline entry needs a 'fingerprint' of 64 hex digits, as --write-baseline writes it");
            }
            entries.add(new BaselineEntry(fingerprint, text(entry, "rule"), text(entry, "object"),
                    text(entry, "file"), text(entry, "message")));
        }
        return entries;
    }

    private static String text(JsonNode entry, String key) {
        JsonNode value = entry.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BaselineException problem(ManifestDocument document, String pointer, String message) {
        NodeSpan span = document.positions().locate(pointer).span();
        Position at = span == null ? new Position(document.firstLine(), 1) : span.anchor();
        return new BaselineException(PrintableText.escape(document.file()) + ":" + at.line() + ":" + at.column()
                + ": " + message);
    }

    private static boolean isJson(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static String yaml(List<BaselineEntry> entries) {
        StringBuilder out = new StringBuilder()
                .append("# mcpolicy baseline: findings accepted as they were, so that only new ones fail.\n")
                .append("# Written by 'mcpolicy check --write-baseline'; matched by fingerprint (rule, object, key).\n")
                .append("version: ").append(VERSION).append('\n');
        if (entries.isEmpty()) {
            return out.append("findings: []\n").toString();
        }
        out.append("findings:\n");
        for (BaselineEntry entry : entries) {
            out.append("  - fingerprint: ").append(entry.fingerprint()).append('\n')
                    .append("    rule: ").append(quoted(entry.rule())).append('\n')
                    .append("    object: ").append(quoted(entry.object())).append('\n')
                    .append("    file: ").append(quoted(entry.file())).append('\n')
                    .append("    message: ").append(quoted(entry.message())).append('\n');
        }
        return out.toString();
    }

    private static String json(List<BaselineEntry> entries) {
        StringBuilder out = new StringBuilder("{\n  \"version\": ").append(VERSION).append(",\n  \"findings\": [");
        for (int i = 0; i < entries.size(); i++) {
            BaselineEntry entry = entries.get(i);
            out.append(i == 0 ? "\n" : ",\n")
                    .append("    {\n")
                    .append("      \"fingerprint\": ").append(quoted(entry.fingerprint())).append(",\n")
                    .append("      \"rule\": ").append(quoted(entry.rule())).append(",\n")
                    .append("      \"object\": ").append(quoted(entry.object())).append(",\n")
                    .append("      \"file\": ").append(quoted(entry.file())).append(",\n")
                    .append("      \"message\": ").append(quoted(entry.message())).append('\n')
                    .append("    }");
        }
        return out.append(entries.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    /** A JSON string, which YAML reads as a double-quoted scalar; null as {@code null}. */
    private static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.mcpolicy.chart;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.manifest.NodeSpan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a place in a chart's rendered output back to the line a reviewer would edit: the values-file key that
 * supplied the value (the last {@code -f} file that sets it, as in helm), else the template line, else the
 * template document's first line. One mapper serves one chart and one render environment.
 */
public final class SourceMapper {
    private final ChartInfo chart;
    private final Path sourceRoot;
    private final SetKeys setKeys;
    private final List<ValuesFile> environmentFiles = new ArrayList<>();
    private final Map<Path, ValuesFile> chartValues = new HashMap<>();
    private final Map<Path, Optional<TemplateOutline>> outlines = new HashMap<>();
    private final Map<String, ValuesStack> stacks = new HashMap<>();
    private final Map<String, SourceFile> sources = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private HelperIndex helpers;

    private SourceMapper(ChartInfo chart, Environment environment, List<String> setArguments, Path sourceRoot) {
        this.chart = chart;
        this.sourceRoot = sourceRoot.toAbsolutePath().normalize();
        this.setKeys = SetKeys.parse(setArguments);
        for (Path file : environment.valuesFiles()) {
            ValuesFile.Loaded loaded = ValuesFile.read(file.toAbsolutePath().normalize());
            if (loaded.values() != null) {
                environmentFiles.add(loaded.values());
            } else {
                problems.add(loaded.problem());
            }
        }
    }

    /**
     * @param setArguments the {@code --set} and {@code --set-string} arguments as given ({@code a.b=c,d=e})
     * @param sourceRoot   locations are made relative to it (usually the working directory or repository root)
     */
    public static SourceMapper create(ChartInfo chart, Environment environment, List<String> setArguments,
                                      Path sourceRoot) {
        return new SourceMapper(chart, environment, setArguments, sourceRoot);
    }

    /** Values or template files that could not be read; mapping carries on without them. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * The file a chart-relative template path names ({@code # Source:} comments and helm's error messages use them:
     * {@code mcp/templates/cm.yaml}, {@code mcp/charts/db/templates/sts.yaml}), when it is a file of the chart.
     */
    public Optional<Path> templateFile(String helmPath) {
        return Optional.ofNullable(sources.computeIfAbsent(String.valueOf(helmPath), k -> resolveSource(helmPath))
                .file());
    }

    /** Never throws: when mapping itself goes wrong, the chart's Chart.yaml with a note. */
    public MappedLocation map(MappingQuery query) {
        try {
            return mapOrThrow(query);
        } catch (RuntimeException e) {
            return new MappedLocation(chartYamlLocation(chart), List.of(),
                    "could not map " + query.document().helmSource() + ": " + e);
        }
    }

    private MappedLocation mapOrThrow(MappingQuery query) {
        SourceFile source = sources.computeIfAbsent(String.valueOf(query.document().helmSource()),
                k -> resolveSource(query.document().helmSource()));
        if (source.fallback() != null) {
            return source.fallback();
        }
        Optional<TemplateOutline> outline = outlines.computeIfAbsent(source.file(), this::readOutline);
        if (outline.isEmpty() || outline.get().documents().isEmpty()) {
            return new MappedLocation(chartYamlLocation(source.chart()), List.of(),
                    "template " + display(source.file()) + " could not be read");
        }
        ChosenDocument chosen = chooseDocument(outline.get().documents(), query.document());
        TemplateOutline.Document document = chosen.document();
        ValuesStack values = stackFor(source.chain());
        Map<ValuesPath.RangeBlock, String> slots = new HashMap<>();
        for (TemplateNode top : document.root().children) {
            // a document inside "range": the n-th rendered copy is the n-th iteration
            bindIterationSlot(null, top.generatedBy(), chosen.iteration(), null, values, slots);
        }
        Walk walk = walk(document.root(), query, values, slots);
        Location template = templateLocation(source.file(), document, walk, query);
        return withValues(template, walk, query, values);
    }

    /**
     * Where to switch on an object the render lacks for a workload: a template of the chart that renders the workload
     * (a subchart's own templates for a subchart's workload) that writes {@code kind: <kind>} only inside
     * {@code {{ if .Values.x }}} ({@code podDisruptionBudget.enabled: false}) maps to the values line of {@code x},
     * with the template's {@code kind:} line as related. The template must belong to the workload's component: its
     * {@code metadata.name} fits the workload's name, or its switch is chart-wide ({@code podDisruptionBudget.enabled})
     * or sits under a component the workload's template reads ({@code gateway.pdb.enabled} for a template that reads
     * {@code .Values.gateway}). Empty when no such guarded
     * template exists or when {@code --set} decides the value.
     *
     * @param workload where the workload was rendered (its document; the pointer is not used)
     */
    public Optional<MappedLocation> mapAbsentKind(String kind, MappingQuery workload) {
        try {
            return absentKindOrThrow(kind, workload);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static final java.util.Set<String> SWITCH_WORDS = java.util.Set.of("enabled", "enable", "create",
            "pdb", "poddisruptionbudget", "disruptionbudget", "budget");

    private Optional<MappedLocation> absentKindOrThrow(String kind, MappingQuery workload) {
        if (kind == null || workload == null) {
            return Optional.empty();
        }
        SourceFile source = sources.computeIfAbsent(String.valueOf(workload.document().helmSource()),
                k -> resolveSource(workload.document().helmSource()));
        if (source.file() == null) {
            return Optional.empty();
        }
        Path templates = source.chart().directory().resolve("templates");
        if (!java.nio.file.Files.isDirectory(templates)) {
            return Optional.empty();
        }
        List<Path> files;
        try (var walk = java.nio.file.Files.walk(templates)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        ValuesStack values = stackFor(source.chain());
        java.util.Set<List<String>> readByWorkload = valuesReadBy(source.file(), workload.document());
        String workloadName = workload.document().name();
        for (Path file : files) {
            Optional<TemplateOutline> outline = outlines.computeIfAbsent(file, this::readOutline);
            for (TemplateOutline.Document document : outline.map(TemplateOutline::documents).orElse(List.of())) {
                if (!kind.equals(document.kind())) {
                    continue;
                }
                for (TemplateNode top : document.root().children) {
                    ValuesPath guard = top.scope.guard();
                    if (top.kind != TemplateNode.Kind.KEY || !"kind".equals(top.key) || guard == null) {
                        continue;
                    }
                    List<String> path = guard.concrete(Map.of());
                    if (path == null || path.isEmpty() || setKeys.covers(path)
                            || !sameComponent(document, path, workloadName, readByWorkload)) {
                        continue;
                    }
                    Optional<ValuesStack.Hit> hit = values.setting(path);
                    if (hit.isPresent()) {
                        Location kindLine = new Location(display(file), top.line, top.column, top.endColumn,
                                Location.PARENT_KEY);
                        return Optional.of(new MappedLocation(valuesLocation(hit.get()), List.of(kindLine)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a guarded template of a missing object is meant for this workload: its rendered name fits the
     * workload's name, or its switch is chart-wide or lies under a values key the workload's template reads.
     */
    private static boolean sameComponent(TemplateOutline.Document document, List<String> guard, String workloadName,
                                         java.util.Set<List<String>> readByWorkload) {
        Pattern name = document.namePattern();
        if (name != null && workloadName != null && name.pattern().replaceAll("\\\\[QE]|\\.\\*", "").length() > 1
                && name.matcher(workloadName).matches()) {
            return true;
        }
        int end = guard.size();
        while (end > 0 && SWITCH_WORDS.contains(guard.get(end - 1).toLowerCase(java.util.Locale.ROOT))) {
            end--;
        }
        if (end == 0) {
            return true;
        }
        List<String> component = guard.subList(0, end);
        return readByWorkload.stream().anyMatch(read -> read.size() >= component.size()
                && read.subList(0, component.size()).equals(component));
    }

    /** Every concrete values path the workload's template document reads (for telling components apart). */
    private java.util.Set<List<String>> valuesReadBy(Path template, DocumentIdentity identity) {
        java.util.Set<List<String>> read = new java.util.HashSet<>();
        Optional<TemplateOutline> outline = outlines.computeIfAbsent(template, this::readOutline);
        if (outline.isEmpty() || outline.get().documents().isEmpty()) {
            return read;
        }
        java.util.ArrayDeque<TemplateNode> pending = new java.util.ArrayDeque<>();
        pending.push(chooseDocument(outline.get().documents(), identity).document().root());
        while (!pending.isEmpty()) {
            TemplateNode node = pending.pop();
            for (TemplateAction action : node.valueActions) {
                for (ValuesPath path : node.scope.valuesReferences(action.body())) {
                    List<String> concrete = path.concrete(Map.of());
                    if (concrete != null) {
                        read.add(concrete);
                    }
                }
            }
            if (node.scope.guard() != null && node.scope.guard().concrete(Map.of()) != null) {
                read.add(node.scope.guard().concrete(Map.of()));
            }
            node.children.forEach(pending::push);
        }
        return read;
    }

    // ---- which file -------------------------------------------------------------------------------------------

    /** A template file and the chain of charts (top first, with the values key of each subchart) it belongs to. */
    private record SourceFile(Path file, ChartInfo chart, List<ChainLink> chain, MappedLocation fallback) {
    }

    private record ChainLink(ChartInfo chart, String valuesKey) {
    }

    private SourceFile resolveSource(String helmSource) {
        List<ChainLink> chain = new ArrayList<>(List.of(new ChainLink(chart, null)));
        if (helmSource == null || helmSource.isBlank()) {
            return unmapped(chart, chain, "the document has no '# Source:' comment");
        }
        String[] parts = helmSource.replace('\\', '/').split("/");
        ChartInfo current = chart;
        int i = 1;
        while (i + 2 < parts.length && parts[i].equals("charts")) {
            String subName = parts[i + 1];
            Optional<ChartInfo.Subchart> sub = current.subchartNamed(subName);
            if (sub.isEmpty()) {
                return unmapped(current, chain, "subchart '" + subName + "' of " + helmSource + " is not under charts/");
            }
            if (sub.get().packed()) {
                return unmapped(current, chain, "subchart '" + subName + "' is packed as " + display(sub.get().location())
                        + "; unpack it into charts/" + subName + "/ to map findings to its templates");
            }
            current = sub.get().chart();
            chain.add(new ChainLink(current, subName));
            i += 2;
        }
        List<String> rest = List.of(parts).subList(Math.min(i, parts.length), parts.length);
        if (rest.isEmpty() || rest.contains("..") || rest.contains(".")) {
            return unmapped(current, chain, "source path " + helmSource + " does not name a template");
        }
        Path file = current.directory().resolve(String.join("/", rest)).normalize();
        if (!file.startsWith(current.directory()) || !Files.isRegularFile(file) || escapes(file)) {
            return unmapped(current, chain, "template " + String.join("/", rest) + " not found in " + display(current.directory()));
        }
        return new SourceFile(file, current, chain, null);
    }

    /** True when symlinks lead the file out of the chart folder. */
    private boolean escapes(Path file) {
        try {
            return !file.toRealPath().startsWith(chart.directory().toRealPath());
        } catch (IOException e) {
            return true;
        }
    }

    private SourceFile unmapped(ChartInfo owner, List<ChainLink> chain, String note) {
        return new SourceFile(null, owner, chain, new MappedLocation(chartYamlLocation(owner), List.of(), note));
    }

    private Location chartYamlLocation(ChartInfo owner) {
        return new Location(display(owner.directory().resolve("Chart.yaml")), 1, 1, 0, Location.DOCUMENT);
    }

    private Optional<TemplateOutline> readOutline(Path file) {
        try {
            return Optional.of(TemplateOutline.parse(Files.readString(file)));
        } catch (IOException | RuntimeException e) {
            problems.add(display(file) + ": cannot read template: " + e.getMessage());
            return Optional.empty();
        }
    }

    // ---- which document ---------------------------------------------------------------------------------------

    /**
     * Helm sorts a template's documents by kind and drops empty ones, so the n-th rendered document is not the
     * n-th template document: match by literal kind and name pattern, then by order among the same kind.
     */
    record ChosenDocument(TemplateOutline.Document document, int iteration) {
    }

    static ChosenDocument chooseDocument(List<TemplateOutline.Document> documents, DocumentIdentity identity) {
        List<TemplateOutline.Document> sameKind = new ArrayList<>();
        List<TemplateOutline.Document> unknownKind = new ArrayList<>();
        for (TemplateOutline.Document document : documents) {
            if (document.kind() == null) {
                if (!document.root().children.isEmpty()) {
                    unknownKind.add(document);
                }
            } else if (document.kind().equals(identity.kind())) {
                sameKind.add(document);
            }
        }
        List<TemplateOutline.Document> candidates = !sameKind.isEmpty() ? sameKind : unknownKind;
        if (identity.name() != null && candidates.size() > 1) {
            List<TemplateOutline.Document> named = candidates.stream()
                    .filter(d -> d.namePattern() != null && d.namePattern().matcher(identity.name()).matches())
                    .toList();
            if (!named.isEmpty()) {
                candidates = named;
            }
        }
        if (candidates.isEmpty()) {
            List<TemplateOutline.Document> nonEmpty = documents.stream().filter(d -> !d.root().children.isEmpty()).toList();
            candidates = nonEmpty.isEmpty() ? documents : nonEmpty;
            return pick(candidates, identity.ordinalInSource());
        }
        return pick(candidates, identity.ordinalOfKindInSource());
    }

    /** The ordinal-th candidate; ordinals past the last candidate are further copies of it (a ranged document). */
    private static ChosenDocument pick(List<TemplateOutline.Document> candidates, int ordinal) {
        int index = Math.min(ordinal, candidates.size() - 1);
        return new ChosenDocument(candidates.get(index), ordinal - index);
    }

    // ---- which line in the template ---------------------------------------------------------------------------

    /**
     * How far the pointer got in the template.
     *
     * @param node       the deepest template node matched
     * @param consumed   pointer tokens matched (including the list index that led into {@code emit})
     * @param emit       the structure-emitting action the rest of the pointer lies in, or null
     * @param emitOffset index into the list the emit produces, or -1 when it produces a mapping
     * @param slots      the key or index of each {@code range} iteration the pointer passed through
     */
    private record Walk(TemplateNode node, int consumed, TemplateNode emit, int emitOffset,
                        Map<ValuesPath.RangeBlock, String> slots) {
    }

    private record Step(TemplateNode node, TemplateNode emit, int offset) {
    }

    private Walk walk(TemplateNode root, MappingQuery query, ValuesStack values,
                      Map<ValuesPath.RangeBlock, String> slots) {
        List<String> tokens = query.pointerTokens();
        TemplateNode node = root;
        JsonNode rendered = query.renderedDocument();
        for (int i = 0; i < query.existingTokens(); i++) {
            String token = tokens.get(i);
            boolean last = i == tokens.size() - 1;
            boolean listLevel = rendered != null ? rendered.isArray() : isIndex(token) && hasItems(node);
            JsonNode renderedChild = rendered == null ? null
                    : listLevel ? (isIndex(token) ? rendered.get(Integer.parseInt(token)) : null) : rendered.get(token);
            Step step = listLevel && isIndex(token)
                    ? stepIntoItem(node, Integer.parseInt(token), rendered, renderedChild, values, slots)
                    : stepIntoKey(node, token, last ? query.renderedScalar() : null, values, slots);
            if (step == null) {
                TemplateNode emit = firstEmit(node);
                if (emit == null && node.hasFlowValue()) {
                    // the rest of the pointer lies inside a flow collection written on this very line
                    return new Walk(node, query.existingTokens(), null, -1, slots);
                }
                TemplateNode sequence = emit == null && listLevel && isIndex(token) ? sequenceAtKeyColumn(node) : null;
                if (sequence != null) {
                    return new Walk(node, i + 1, sequence, Integer.parseInt(token), slots);
                }
                return new Walk(node, i, emit, -1, slots);
            }
            if (step.emit() != null) {
                return new Walk(node, i + 1, step.emit(), step.offset(), slots);
            }
            node = step.node();
            rendered = renderedChild;
        }
        if (!query.keyExists()) {
            for (TemplateNode child : node.children) {
                if (child.kind == TemplateNode.Kind.EMIT && canHoldMissingKey(child, node, values, slots)) {
                    return new Walk(node, query.existingTokens(), child, -1, slots);
                }
            }
        }
        return new Walk(node, query.existingTokens(), null, -1, slots);
    }

    /**
     * A block sequence may sit at its key's own column ({@code env:} then {@code {{- toYaml . | nindent 10 }}} at the
     * column of {@code env}): the emit that directly follows a key with an empty block value, at that key's column,
     * prints the key's list.
     */
    private static TemplateNode sequenceAtKeyColumn(TemplateNode key) {
        if (key.kind != TemplateNode.Kind.KEY || !key.hasBlockValue() || !key.children.isEmpty() || key.parent == null) {
            return null;
        }
        List<TemplateNode> siblings = key.parent.children;
        int at = siblings.indexOf(key);
        TemplateNode next = at >= 0 && at + 1 < siblings.size() ? siblings.get(at + 1) : null;
        return next != null && next.kind == TemplateNode.Kind.EMIT && next.indent == key.indent ? next : null;
    }

    /**
     * Whether a structure-emitting action next to a missing key could be where that key comes from: it prints a
     * values map (or a merge of them, or an unknown helper) at that place, and a guard around it, if any, is the value
     * it prints. An emit guarded by something else ({@code {{- if .Values.controller.extraVolumes }}} around
     * {@code toYaml .Values.controller.extraVolumes}, a list) does not guard the missing key's position.
     */
    private static boolean canHoldMissingKey(TemplateNode emit, TemplateNode parent, ValuesStack values,
                                             Map<ValuesPath.RangeBlock, String> slots) {
        ValuesPath guard = emit.scope.guard();
        boolean guarded = guard != null && !guard.equals(parent.scope.guard());
        String body = emit.valueActions.get(0).body();
        if (emit.scope.mergedReference(body) != null) {
            return !guarded;
        }
        List<ValuesPath> printed = emit.scope.valuesReferences(body);
        if (printed.isEmpty()) {
            return !guarded; // a helper: its output is unknown, so only an unconditional one may hold the key
        }
        if (printed.size() != 1 || (guarded && !printed.get(0).equals(guard))) {
            return false;
        }
        List<String> path = printed.get(0).concrete(slots);
        if (path == null) {
            return !guarded;
        }
        Optional<JsonNode> value = path.isEmpty() ? Optional.empty() : values.effective(path);
        return value.isEmpty() || value.get().isObject() || value.get().isNull();
    }

    private static boolean isIndex(String token) {
        if (token.isEmpty() || token.length() > 9) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasItems(TemplateNode node) {
        return node.children.stream().anyMatch(c -> c.kind == TemplateNode.Kind.ITEM);
    }

    private static TemplateNode firstEmit(TemplateNode node) {
        return node.children.stream().filter(c -> c.kind == TemplateNode.Kind.EMIT).findFirst().orElse(null);
    }

    private Step stepIntoKey(TemplateNode node, String token, String renderedScalar, ValuesStack values,
                             Map<ValuesPath.RangeBlock, String> slots) {
        List<TemplateNode> literal = new ArrayList<>();
        List<TemplateNode> templated = new ArrayList<>();
        for (TemplateNode child : node.children) {
            if (child.kind == TemplateNode.Kind.KEY && child.matchesKey(token)) {
                if (child.key != null) {
                    literal.add(child);
                } else if (templatedKeyCanBe(child, token, values, slots)) {
                    templated.add(child);
                }
            }
        }
        List<TemplateNode> candidates = !literal.isEmpty() ? literal : templated;
        if (candidates.isEmpty()) {
            return null;
        }
        TemplateNode chosen = candidates.size() > 1 && renderedScalar != null
                ? branchRendering(candidates, renderedScalar) : candidates.get(0);
        ValuesPath.RangeBlock range = rangeOfTemplatedKey(chosen);
        if (range != null) {
            slots.put(range, token);
        }
        return new Step(chosen, null, -1);
    }

    /** The range whose key a templated key ({@code {{ $k }}:}) prints, when the key is exactly that variable. */
    private static ValuesPath.RangeBlock rangeOfTemplatedKey(TemplateNode key) {
        ValuesPath.RangeBlock range = key.generatedBy();
        if (range != null && key.keyExpression != null && key.scope.rangeOfKeyVariable(key.keyExpression) == range) {
            return range;
        }
        return null;
    }

    /**
     * A key printed from a ranged map can only be one of that map's keys (when the values tell which), or one that
     * {@code --set} adds to it.
     */
    private boolean templatedKeyCanBe(TemplateNode key, String token, ValuesStack values,
                                      Map<ValuesPath.RangeBlock, String> slots) {
        ValuesPath.RangeBlock range = rangeOfTemplatedKey(key);
        List<List<String>> collections = new ArrayList<>();
        if (range != null && range.mergedCollection != null) {
            collections.addAll(range.mergedCollection.concrete(slots));
        } else if (range != null && range.collection != null && range.collection.concrete(slots) != null) {
            collections.add(range.collection.concrete(slots));
        }
        if (collections.isEmpty()) {
            return true;
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (List<String> collection : collections) {
            keys.addAll(values.mergedKeys(collection));
            List<String> withToken = new ArrayList<>(collection);
            withToken.add(token);
            if (setKeys.covers(withToken)) {
                return true;
            }
        }
        return keys.isEmpty() || keys.contains(token);
    }

    /**
     * Of several lines for the same key ({@code if}/{@code else} branches), the one that rendered the value: a
     * literal equal to it first, then a template whose literal parts fit it.
     */
    private static TemplateNode branchRendering(List<TemplateNode> candidates, String renderedScalar) {
        for (TemplateNode candidate : candidates) {
            if (!candidate.valueText.contains("{{") && TemplateOutline.unquote(
                    TemplateOutline.stripComment(candidate.valueText)).equals(renderedScalar)) {
                return candidate;
            }
        }
        for (TemplateNode candidate : candidates) {
            Pattern value = TemplateOutline.renderedValuePattern(candidate.valueText);
            if (value != null && candidate.valueText.contains("{{") && value.matcher(renderedScalar).matches()) {
                return candidate;
            }
        }
        return candidates.get(0);
    }

    /** A run of list entries: one static item, the items one range iteration produces, or one emitting action. */
    private record ListGroup(List<TemplateNode> entries, ValuesPath.RangeBlock range, boolean emit) {
        boolean repeats() {
            return range != null || emit;
        }
    }

    private Step stepIntoItem(TemplateNode node, int index, JsonNode renderedList, JsonNode renderedItem,
                              ValuesStack values, Map<ValuesPath.RangeBlock, String> slots) {
        List<ListGroup> groups = listGroups(node);
        if (groups.isEmpty()) {
            return null;
        }
        TemplateNode byName = staticItemNamed(groups, renderedItem);
        if (byName != null) {
            return new Step(byName, null, -1);
        }
        int staticCount = (int) groups.stream().filter(g -> !g.repeats()).count();
        long repeating = groups.stream().filter(ListGroup::repeats).count();
        int total = renderedList != null && renderedList.isArray() ? renderedList.size() : -1;
        int position = 0;
        for (ListGroup group : groups) {
            if (!group.repeats()) {
                if (index == position) {
                    return new Step(group.entries().get(0), null, -1);
                }
                position++;
                continue;
            }
            boolean absorbsAll = repeating > 1 || total < 0;
            int size = absorbsAll ? Integer.MAX_VALUE : total - staticCount;
            if (index >= position && (absorbsAll || index < position + size)) {
                int offset = index - position;
                if (group.emit()) {
                    return new Step(null, group.entries().get(0), offset);
                }
                int perIteration = group.entries().size();
                TemplateNode item = group.entries().get(offset % perIteration);
                bindIterationSlot(item, group.range(), offset / perIteration, renderedItem, values, slots);
                return new Step(item, null, -1);
            }
            position += Math.max(0, size);
        }
        return null;
    }

    private static List<ListGroup> listGroups(TemplateNode node) {
        List<ListGroup> groups = new ArrayList<>();
        for (TemplateNode child : node.children) {
            if (child.kind == TemplateNode.Kind.EMIT) {
                groups.add(new ListGroup(List.of(child), null, true));
            } else if (child.kind == TemplateNode.Kind.ITEM) {
                ValuesPath.RangeBlock range = child.generatedBy();
                ListGroup previous = groups.isEmpty() ? null : groups.get(groups.size() - 1);
                if (range != null && previous != null && previous.range() == range) {
                    List<TemplateNode> entries = new ArrayList<>(previous.entries());
                    entries.add(child);
                    groups.set(groups.size() - 1, new ListGroup(entries, range, false));
                } else {
                    groups.add(new ListGroup(List.of(child), range, false));
                }
            }
        }
        return groups;
    }

    /** A static list item whose literal {@code name:} equals the rendered item's name. */
    private static TemplateNode staticItemNamed(List<ListGroup> groups, JsonNode renderedItem) {
        if (renderedItem == null || !renderedItem.path("name").isValueNode()) {
            return null;
        }
        String name = renderedItem.path("name").asText();
        for (ListGroup group : groups) {
            if (group.repeats()) {
                continue;
            }
            for (TemplateNode child : group.entries().get(0).children) {
                if ("name".equals(child.key) && !child.valueText.contains("{{")
                        && TemplateOutline.unquote(TemplateOutline.stripComment(child.valueText)).equals(name)) {
                    return group.entries().get(0);
                }
            }
        }
        return null;
    }

    /** Works out which key of the ranged collection produced this item. */
    private static void bindIterationSlot(TemplateNode item, ValuesPath.RangeBlock range, int iteration,
                                          JsonNode renderedItem, ValuesStack values,
                                          Map<ValuesPath.RangeBlock, String> slots) {
        if (range == null || slots.containsKey(range)) {
            return;
        }
        if (range.keyVariable != null && renderedItem != null && item != null) {
            for (TemplateNode child : item.children) {
                if (child.kind == TemplateNode.Kind.KEY && child.key != null && child.valueActions.size() == 1
                        && child.scope.rangeOfKeyVariable(child.valueActions.get(0).body()) == range
                        && renderedItem.path(child.key).isValueNode()) {
                    slots.put(range, renderedItem.path(child.key).asText());
                    return;
                }
            }
        }
        // Go's range visits a list in order and a map in sorted key order.
        List<String> collection = range.collection == null ? null : range.collection.concrete(slots);
        if (collection == null) {
            return;
        }
        Optional<JsonNode> node = values.effective(collection);
        if (node.isPresent() && node.get().isArray()) {
            slots.put(range, String.valueOf(iteration));
        } else {
            List<String> keys = values.mergedKeys(collection);
            if (iteration < keys.size()) {
                slots.put(range, keys.get(iteration));
            }
        }
    }

    private Location templateLocation(Path file, TemplateOutline.Document document, Walk walk, MappingQuery query) {
        String path = display(file);
        if (walk.emit() != null) {
            return new Location(path, walk.emit().line, walk.emit().column, walk.emit().endColumn, Location.INCLUDE_CALL);
        }
        TemplateNode node = walk.node();
        if (node.kind == TemplateNode.Kind.ROOT) {
            return new Location(path, document.firstContentLine(), document.firstContentColumn(), 0, Location.DOCUMENT);
        }
        String mapping = walk.consumed() != query.pointerTokens().size() ? Location.PARENT_KEY
                : printsManyKeys(node) ? Location.RANGE_LINE : Location.EXACT;
        return new Location(path, node.line, node.column, node.endColumn, mapping);
    }

    /**
     * A key line printed once per iteration of a {@code range} over a map ({@code {{ $key }}: {{ $value }}}): it
     * prints every key of that map, so it is never the exact place of one of them.
     */
    private static boolean printsManyKeys(TemplateNode node) {
        return node.kind == TemplateNode.Kind.KEY && node.key == null && rangeOfTemplatedKey(node) != null;
    }

    // ---- which values line ------------------------------------------------------------------------------------

    private MappedLocation withValues(Location template, Walk walk, MappingQuery query, ValuesStack values) {
        List<String> tokens = query.pointerTokens();
        Optional<MappedLocation> merged = viaMergedValues(template, walk, query, values);
        if (merged.isPresent()) {
            return merged.get();
        }
        List<ValuesPath> references;
        // a helper mixes values with names, versions and defaults: even one value it reads is not surely the culprit
        boolean viaHelper = false;
        List<String> tail = new ArrayList<>();
        if (walk.emit() != null) {
            references = walk.emit().scope.valuesReferences(walk.emit().valueActions.get(0).body());
            if (walk.emitOffset() >= 0) {
                tail.add(String.valueOf(walk.emitOffset()));
            }
            tail.addAll(tokens.subList(walk.consumed(), tokens.size()));
        } else if (walk.consumed() == tokens.size() && walk.node().kind != TemplateNode.Kind.ROOT) {
            references = new ArrayList<>();
            for (TemplateAction action : walk.node().valueActions) {
                // a helper that prints a scalar (image: {{ include "chart.image" . }}) shows the values it reads
                if (query.renderedScalar() != null && helpers().callsKnownHelper(action.body(), walk.node().scope)) {
                    viaHelper = true;
                    references.addAll(helpers().referencesOf(action.body(), walk.node().scope));
                } else {
                    references.addAll(walk.node().scope.valuesReferences(action.body()));
                }
            }
        } else {
            return missingKey(template, walk, query, values);
        }
        if (walk.emit() == null && walk.node().hasFlowValue() && query.renderedScalar() == null) {
            // a whole flow list or map written in the template ([--port, "{{ .Values.port }}"]): a value fills
            // one element at most, so the template line is what a reviewer edits
            List<Location> related = new ArrayList<>();
            for (ValuesPath reference : references) {
                List<String> concrete = reference.concrete(walk.slots());
                if (concrete != null && !concrete.isEmpty()) {
                    values.setting(concrete).ifPresent(h -> related.add(valuesLocation(h)));
                }
            }
            return new MappedLocation(template, related);
        }
        LinkedHashSet<List<String>> paths = new LinkedHashSet<>();
        for (ValuesPath reference : references) {
            List<String> concrete = reference.concrete(walk.slots());
            if (concrete != null && !concrete.isEmpty()) {
                paths.add(concrete);
            }
        }
        if (paths.size() == 1 && !viaHelper) {
            List<String> base = paths.iterator().next();
            List<String> full = new ArrayList<>(base);
            full.addAll(tail);
            if (setKeys.covers(full)) {
                return new MappedLocation(template, List.of());
            }
            Optional<ValuesStack.Hit> hit = values.setting(full);
            if (hit.isEmpty() && !query.keyExists()) {
                hit = values.deepestSetting(full, base.size());
            }
            return hit.map(h -> new MappedLocation(valuesLocation(h), List.of(template)))
                    .orElseGet(() -> new MappedLocation(template, List.of()));
        }
        return severalValues(template, new ArrayList<>(paths), query, values);
    }

    /**
     * A place printed from a map merged from several values maps ({@code toYaml (merge .Values.a .Values.b)}, or a
     * dict filled by {@code range}/{@code set} and printed by another {@code range}): the values line of the source
     * that wins the key (the first in priority order that sets it), with the template line related. A key the render
     * lacks belongs in the winning source's map. Empty when the place is not printed from a merged map.
     */
    private Optional<MappedLocation> viaMergedValues(Location template, Walk walk, MappingQuery query,
                                                     ValuesStack values) {
        List<String> tokens = query.pointerTokens();
        MergedValues merged;
        List<String> tail = new ArrayList<>();
        if (walk.emit() != null) {
            merged = walk.emit().scope.mergedReference(walk.emit().valueActions.get(0).body());
            if (walk.emitOffset() >= 0) {
                tail.add(String.valueOf(walk.emitOffset()));
            }
            tail.addAll(tokens.subList(walk.consumed(), tokens.size()));
        } else if (walk.consumed() == tokens.size() && walk.node().kind != TemplateNode.Kind.ROOT
                && walk.node().valueActions.size() == 1) {
            merged = walk.node().scope.mergedReference(walk.node().valueActions.get(0).body());
        } else {
            return Optional.empty();
        }
        if (merged == null) {
            return Optional.empty();
        }
        List<List<String>> sources = merged.concrete(walk.slots());
        if (sources.isEmpty()) {
            return Optional.of(new MappedLocation(template, List.of()));
        }
        for (List<String> source : sources) {
            List<String> full = new ArrayList<>(source);
            full.addAll(tail);
            if (setKeys.covers(full)) {
                return Optional.of(new MappedLocation(template, List.of()));
            }
            Optional<ValuesStack.Hit> hit = values.setting(full);
            if (hit.isPresent()) {
                return Optional.of(new MappedLocation(valuesLocation(hit.get()), List.of(template)));
            }
        }
        if (!query.keyExists()) {
            List<String> winning = new ArrayList<>(sources.get(0));
            winning.addAll(tail);
            Optional<ValuesStack.Hit> hit = values.deepestSetting(winning, sources.get(0).size());
            if (hit.isPresent() && !setKeys.covers(sources.get(0))) {
                return Optional.of(new MappedLocation(valuesLocation(hit.get()), List.of(template)));
            }
        }
        return Optional.of(new MappedLocation(template, List.of()));
    }

    /**
     * A line that prints several values ({@code "{{ .Values.image.repository }}:{{ .Values.image.tag }}"}): the
     * values line of the one value the finding is about, with the template line related; the template line with
     * every values line related when that value cannot be told or was given by {@code --set}.
     */
    private MappedLocation severalValues(Location template, List<List<String>> paths, MappingQuery query,
                                         ValuesStack values) {
        Optional<List<String>> culprit = culprit(paths, query, values);
        Optional<ValuesStack.Hit> hit = culprit.filter(path -> !setKeys.covers(path)).flatMap(values::setting);
        List<Location> related = new ArrayList<>();
        hit.ifPresent(h -> related.add(template));
        for (List<String> path : paths) {
            if (hit.isEmpty() || !path.equals(hit.get().path())) {
                values.setting(path).ifPresent(h -> related.add(valuesLocation(h)));
            }
        }
        return new MappedLocation(hit.map(this::valuesLocation).orElse(template), related);
    }

    /**
     * Which of several values on one line the finding is about: first the one whose value is the offending part
     * the rule names (the tag {@code latest}), else the one value this environment overrides (an {@code -f} file
     * or {@code --set}; a chart's defaults rarely are what changed). Empty when neither tells one value.
     */
    private Optional<List<String>> culprit(List<List<String>> paths, MappingQuery query, ValuesStack values) {
        if (query.offendingValue() != null) {
            List<List<String>> holding = paths.stream()
                    .filter(path -> !setKeys.covers(path) && values.setting(path).isPresent())
                    .filter(path -> holds(values.effective(path), query.offendingValue()))
                    .toList();
            if (holding.size() == 1) {
                return Optional.of(holding.get(0));
            }
        }
        List<List<String>> overridden = paths.stream()
                .filter(path -> setKeys.covers(path) || values.setting(path).map(this::fromEnvironment).orElse(false))
                .toList();
        return overridden.size() == 1 ? Optional.of(overridden.get(0)) : Optional.empty();
    }

    /** True when a scalar value renders as {@code text} (null and an empty string both render as nothing). */
    private static boolean holds(Optional<JsonNode> value, String text) {
        if (value.isEmpty() || !value.get().isValueNode()) {
            return false;
        }
        String rendered = value.get().isNull() ? "" : value.get().asText();
        return rendered.equals(text);
    }

    private boolean fromEnvironment(ValuesStack.Hit hit) {
        return environmentFiles.stream().anyMatch(file -> file == hit.values());
    }

    private HelperIndex helpers() {
        if (helpers == null) {
            helpers = HelperIndex.of(chart, problems);
        }
        return helpers;
    }

    /** A key the render lacks: in a ranged values map, behind a values-guarded block, else the template line. */
    private MappedLocation missingKey(Location template, Walk walk, MappingQuery query, ValuesStack values) {
        if (query.keyExists() || walk.consumed() != query.existingTokens()) {
            return new MappedLocation(template, List.of());
        }
        return missingKeyOfRangedMap(template, walk, query, values)
                .or(() -> missingKeyBehindGuard(template, walk, query, values))
                .orElseGet(() -> new MappedLocation(template, List.of()));
    }

    /**
     * A key the template writes only inside {@code {{ with .Values.x }}} or {@code {{ if .Values.x }}} is missing
     * because of that value ({@code resources: {}}, {@code tls: []}, {@code pdb.enabled: false}): the values line
     * is what a reviewer edits, the guarded key line is related.
     */
    private Optional<MappedLocation> missingKeyBehindGuard(Location template, Walk walk, MappingQuery query,
                                                           ValuesStack values) {
        String token = query.pointerTokens().get(walk.consumed());
        TemplateNode parent = walk.node();
        for (TemplateNode child : parent.children) {
            ValuesPath guard = child.scope.guard();
            if (child.kind != TemplateNode.Kind.KEY || child.key == null || !child.key.equals(token)
                    || guard == null || guard.equals(parent.scope.guard())) {
                continue;
            }
            List<String> path = guard.concrete(walk.slots());
            if (path == null || path.isEmpty() || setKeys.covers(path)) {
                continue;
            }
            Location guardedLine = new Location(template.file(), child.line, child.column,
                    child.endColumn, Location.PARENT_KEY);
            Optional<ValuesStack.Hit> hit = values.setting(path);
            if (hit.isPresent()) {
                return Optional.of(new MappedLocation(valuesLocation(hit.get()), List.of(guardedLine)));
            }
        }
        return Optional.empty();
    }

    /**
     * A key missing from a mapping that a {@code range} over a values map prints ({@code {{ $k }}: {{ $v }}})
     * belongs in that values map.
     */
    private Optional<MappedLocation> missingKeyOfRangedMap(Location template, Walk walk, MappingQuery query,
                                                           ValuesStack values) {
        for (TemplateNode child : walk.node().children) {
            ValuesPath.RangeBlock range = child.kind == TemplateNode.Kind.KEY ? rangeOfTemplatedKey(child) : null;
            List<String> collection = range == null ? null
                    : range.collection != null ? range.collection.concrete(walk.slots())
                    : range.mergedCollection != null ? range.mergedCollection.concrete(walk.slots()).stream()
                            .findFirst().orElse(null) // the winning source of a merged map
                    : null;
            if (collection == null || collection.isEmpty()) {
                continue;
            }
            List<String> full = new ArrayList<>(collection);
            full.addAll(query.pointerTokens().subList(walk.consumed(), query.pointerTokens().size()));
            if (setKeys.covers(collection)) {
                return Optional.of(new MappedLocation(template, List.of()));
            }
            Optional<ValuesStack.Hit> hit = values.deepestSetting(full, collection.size());
            if (hit.isPresent()) {
                return Optional.of(new MappedLocation(valuesLocation(hit.get()), List.of(template)));
            }
        }
        return Optional.empty();
    }

    private Location valuesLocation(ValuesStack.Hit hit) {
        NodeSpan span = hit.span();
        return new Location(display(hit.values().file()), span.anchor().line(), span.anchor().column(),
                span.anchorEndColumn(), Location.VALUES);
    }

    private ValuesStack stackFor(List<ChainLink> chain) {
        StringBuilder cacheKey = new StringBuilder();
        chain.forEach(link -> cacheKey.append(link.chart().directory()).append('\u0000'));
        return stacks.computeIfAbsent(cacheKey.toString(), k -> buildStack(chain));
    }

    private ValuesStack buildStack(List<ChainLink> chain) {
        List<ValuesStack.Layer> layers = new ArrayList<>();
        List<String> prefix = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            ChainLink link = chain.get(i);
            ValuesFile own = chartValuesFile(link.chart());
            if (own != null) {
                layers.add(new ValuesStack.Layer(own, List.copyOf(prefix)));
            }
            if (link.valuesKey() != null) {
                prefix.add(0, link.valuesKey());
            }
        }
        for (ValuesFile file : environmentFiles) {
            layers.add(new ValuesStack.Layer(file, List.copyOf(prefix)));
        }
        return new ValuesStack(layers);
    }

    private ValuesFile chartValuesFile(ChartInfo owner) {
        if (owner.valuesFile() == null) {
            return null;
        }
        return chartValues.computeIfAbsent(owner.valuesFile(), file -> {
            ValuesFile.Loaded loaded = ValuesFile.read(file);
            if (loaded.problem() != null) {
                problems.add(loaded.problem());
            }
            return loaded.values();
        });
    }

    private String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(sourceRoot) ? sourceRoot.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}

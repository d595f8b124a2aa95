package dev.mcpolicy.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The named templates ({@code define} blocks) of a chart and its unpacked subcharts, and the values paths each one
 * prints. Helm shares one template namespace across a chart and its subcharts, so a call in any template can reach
 * a define in any of them; the parent chart's definition wins over a subchart's of the same name.
 */
final class HelperIndex {
    /** What follows {@code define}: the quoted name. */
    private static final Pattern DEFINE_HEAD = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*+)\".*", Pattern.DOTALL);
    /** A helper call whose context argument keeps {@code .Values} meaning what it means at the call. */
    private static final Pattern ROOT_CONTEXT_CALL = Pattern.compile(
            "\\b(?:include|template)\\s+\"((?:[^\"\\\\]|\\\\.)*+)\"\\s+(\\$|\\.)(?=\\s*(?:\\||\\)|$))");
    private static final int MAX_DEPTH = 8;

    /** The output and control actions of one define block, in order. */
    private record Define(List<TemplateAction> actions) {
    }

    private final Map<String, Define> defines = new HashMap<>();
    private final Map<String, List<ValuesPath>> references = new HashMap<>();

    private HelperIndex() {
    }

    /** Reads every template of the chart and its unpacked subcharts; files that cannot be read are skipped. */
    static HelperIndex of(ChartInfo chart, List<String> problems) {
        HelperIndex index = new HelperIndex();
        index.addChart(chart, problems);
        return index;
    }

    private void addChart(ChartInfo chart, List<String> problems) {
        // the parent's definitions are added first, so putIfAbsent keeps them over a subchart's
        Path templates = chart.directory().resolve("templates");
        if (Files.isDirectory(templates)) {
            try (Stream<Path> files = Files.walk(templates)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    addFile(file, problems);
                }
            } catch (IOException | RuntimeException e) {
                problems.add(templates + ": cannot list templates: " + e.getMessage());
            }
        }
        for (ChartInfo.Subchart sub : chart.subcharts()) {
            if (!sub.packed()) {
                addChart(sub.chart(), problems);
            }
        }
    }

    private void addFile(Path file, List<String> problems) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            problems.add(file + ": cannot read template: " + e.getMessage());
            return;
        }
        if (!text.contains("define") && !text.contains("block")) {
            return;
        }
        Deque<List<TemplateAction>> open = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        for (TemplateAction action : TemplateAction.scan(text)) {
            TemplateAction.Kind kind = action.kind();
            if (kind == TemplateAction.Kind.DEFINE) {
                Matcher head = DEFINE_HEAD.matcher(action.afterKeyword());
                names.push(head.matches() ? head.group(1) : "");
                open.push(new ArrayList<>());
                continue;
            }
            if (open.isEmpty()) {
                continue;
            }
            if (kind == TemplateAction.Kind.END && names.peek() != null && isDefineEnd(open.peek())) {
                List<TemplateAction> body = open.pop();
                String name = names.pop();
                if (!name.isEmpty()) {
                    defines.putIfAbsent(name, new Define(List.copyOf(body)));
                }
                if (!open.isEmpty()) {
                    open.peek().addAll(body);
                }
                continue;
            }
            open.peek().add(action);
        }
    }

    /** True when every block opened inside the define so far is closed: the next {@code end} closes the define. */
    private static boolean isDefineEnd(List<TemplateAction> body) {
        int depth = 0;
        for (TemplateAction action : body) {
            if (action.opensBlock()) {
                depth++;
            } else if (action.kind() == TemplateAction.Kind.END) {
                depth--;
            }
        }
        return depth <= 0;
    }

    /**
     * The values paths an output action reads, following {@code include}/{@code template} calls whose context is
     * {@code .} at the template's root or {@code $}. Other contexts ({@code (dict …)}, {@code .Values.x}) are not
     * followed: inside the helper {@code .Values} would mean something else.
     */
    List<ValuesPath> referencesOf(String actionBody, TemplateScope scope) {
        Set<ValuesPath> found = new LinkedHashSet<>(scope.valuesReferences(actionBody));
        Matcher call = ROOT_CONTEXT_CALL.matcher(actionBody);
        while (call.find()) {
            boolean rootContext = call.group(2).equals("$") || scope.dot() == null;
            if (rootContext) {
                found.addAll(helperReferences(call.group(1), new HashSet<>(), 0));
            }
        }
        return List.copyOf(found);
    }

    /** True when the action calls a helper this index knows with a context that keeps {@code .Values}. */
    boolean callsKnownHelper(String actionBody, TemplateScope scope) {
        Matcher call = ROOT_CONTEXT_CALL.matcher(actionBody);
        while (call.find()) {
            if ((call.group(2).equals("$") || scope.dot() == null) && defines.containsKey(call.group(1))) {
                return true;
            }
        }
        return false;
    }

    private List<ValuesPath> helperReferences(String name, Set<String> visiting, int depth) {
        List<ValuesPath> cached = references.get(name);
        if (cached != null) {
            return cached;
        }
        Define define = defines.get(name);
        if (define == null || depth > MAX_DEPTH || !visiting.add(name)) {
            return List.of();
        }
        Set<ValuesPath> found = new LinkedHashSet<>();
        Deque<TemplateScope> outer = new ArrayDeque<>();
        TemplateScope scope = TemplateScope.ROOT;
        for (TemplateAction action : define.actions()) {
            switch (action.kind()) {
                case IF -> {
                    outer.push(scope);
                    scope = scope.guardedBy(action.afterKeyword());
                }
                case WITH -> {
                    outer.push(scope);
                    scope = scope.enterWith(action.afterKeyword());
                }
                case RANGE -> {
                    outer.push(scope);
                    scope = scope.enterRange(action.afterKeyword(), action.line());
                }
                case DEFINE -> outer.push(scope);
                case ELSE -> {
                    if (!outer.isEmpty()) {
                        scope = outer.peek();
                        String rest = action.afterKeyword();
                        if (rest.startsWith("with")) {
                            scope = scope.enterWith(rest.substring(4).strip());
                        }
                    }
                }
                case END -> {
                    if (!outer.isEmpty()) {
                        scope = outer.pop();
                    }
                }
                case ASSIGN -> scope = scope.assign(action.body());
                case OUTPUT -> {
                    // a range slot inside a helper is unknown at the call: such paths could not be made concrete
                    for (ValuesPath path : scope.valuesReferences(action.body())) {
                        if (path.segments().stream().allMatch(String.class::isInstance)) {
                            found.add(path);
                        }
                    }
                    Matcher call = ROOT_CONTEXT_CALL.matcher(action.body());
                    while (call.find()) {
                        if (call.group(2).equals("$") || scope.dot() == null) {
                            found.addAll(helperReferences(call.group(1), visiting, depth + 1));
                        }
                    }
                }
                default -> {
                }
            }
        }
        visiting.remove(name);
        List<ValuesPath> result = List.copyOf(found);
        references.put(name, result);
        return result;
    }
}

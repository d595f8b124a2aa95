package dev.mcpolicy.chart;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The YAML structure of a helm template file, read without rendering it: its documents and, per document, a
 * tree of keys, list items and structure-emitting actions with their lines. Go-template control lines are
 * transparent; {@code with}/{@code range}/variables are tracked so value references can be resolved.
 */
final class TemplateOutline {
    private static final char PLACEHOLDER = '\u0001';
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("---(\\s.*)?");
    private static final Pattern BLOCK_SCALAR = Pattern.compile("[|>][0-9+-]*\\s*(#.*)?");

    /**
     * One document of the template.
     *
     * @param root             its structure
     * @param firstContentLine first line holding YAML (not a comment, not only actions), or the first non-blank
     *                         non-comment line when there is no YAML at all
     * @param kind             the literal {@code kind:}, or null when templated or absent
     * @param namePattern      what {@code metadata.name} may render to, or null when absent
     */
    record Document(int firstLine, int lastLine, TemplateNode root, int firstContentLine, int firstContentColumn,
                    String kind, Pattern namePattern) {
    }

    private final List<Document> documents;

    private TemplateOutline(List<Document> documents) {
        this.documents = List.copyOf(documents);
    }

    List<Document> documents() {
        return documents;
    }

    static TemplateOutline parse(String text) {
        return new Builder(text).build();
    }

    private static final class Builder {
        private final String[] lines;
        private final Map<Integer, List<TemplateAction>> actionsByLine = new HashMap<>();
        /** For lines inside a multi-line action: the column (1-based) where that action ends on the line. */
        private final Map<Integer, Integer> continuedUntil = new HashMap<>();
        private final Deque<Frame> frames = new ArrayDeque<>();
        private TemplateScope scope = TemplateScope.ROOT;
        private final List<Document> documents = new ArrayList<>();

        private TemplateNode root;
        private Deque<TemplateNode> stack;
        private int docStart;
        private int firstContent;
        private int firstContentColumn;
        private int firstNonComment;
        private int blockScalarOwnerIndent = -1;

        private record Frame(TemplateAction.Kind kind, TemplateScope outer) {
        }

        Builder(String text) {
            this.lines = text.split("\r?\n", -1);
            for (TemplateAction action : TemplateAction.scan(text)) {
                actionsByLine.computeIfAbsent(action.line(), k -> new ArrayList<>()).add(action);
                for (int l = action.line() + 1; l <= action.endLine(); l++) {
                    continuedUntil.put(l, l == action.endLine() ? action.endColumn() : Integer.MAX_VALUE);
                }
            }
        }

        TemplateOutline build() {
            startDocument(1);
            for (int number = 1; number <= lines.length; number++) {
                processLine(number);
            }
            finishDocument(lines.length);
            return new TemplateOutline(documents);
        }

        private void processLine(int number) {
            String raw = lines[number - 1];
            List<TemplateAction> actions = actionsByLine.getOrDefault(number, List.of());
            Literal line = literalOf(raw, number, actions);
            String literal = line.text();
            String stripped = literal.strip();
            boolean actionOnly = stripped.replace(String.valueOf(PLACEHOLDER), "").isBlank() && !actions.isEmpty();
            boolean inDefine = frames.stream().anyMatch(f -> f.kind() == TemplateAction.Kind.DEFINE);

            if (!actionOnly && !inDefine && DOCUMENT_SEPARATOR.matcher(literal).matches()) {
                finishDocument(number - 1);
                startDocument(number + 1);
                return;
            }
            if (!inDefine && !stripped.isEmpty() && !stripped.startsWith("#") && !continuedUntil.containsKey(number)) {
                if (firstNonComment == 0) {
                    firstNonComment = number;
                }
                if (!actionOnly && firstContent == 0) {
                    firstContent = number;
                    firstContentColumn = indentOf(literal) + 1;
                }
            }
            boolean insideBlockScalar = blockScalarOwnerIndent >= 0
                    && (stripped.isEmpty() || actionOnly || indentOf(literal) > blockScalarOwnerIndent);
            if (!insideBlockScalar) {
                blockScalarOwnerIndent = -1;
            }
            if (!inDefine && !insideBlockScalar && !stripped.startsWith("#") && !continuedUntil.containsKey(number)) {
                if (actionOnly) {
                    addEmit(number, actions);
                } else if (!stripped.isEmpty()) {
                    addYamlLine(number, raw, line, actions);
                }
            }
            applyControl(actions);
        }

        /**
         * The line with every action replaced by one placeholder character (and multi-line action tails cut),
         * with the raw column of every literal character.
         */
        private Literal literalOf(String raw, int number, List<TemplateAction> actions) {
            StringBuilder out = new StringBuilder();
            List<Integer> rawIndex = new ArrayList<>();
            int position = 0;
            Integer continued = continuedUntil.get(number);
            if (continued != null) {
                position = Math.min(raw.length(), continued - 1);
                for (int i = 0; i < position; i++) {
                    out.append(' ');
                    rawIndex.add(i);
                }
            }
            for (TemplateAction action : actions) {
                int start = action.column() - 1;
                if (start < position) {
                    continue;
                }
                for (int i = position; i < start; i++) {
                    out.append(raw.charAt(i));
                    rawIndex.add(i);
                }
                out.append(PLACEHOLDER);
                rawIndex.add(start);
                position = action.endLine() == number ? Math.min(raw.length(), action.endColumn() - 1) : raw.length();
            }
            for (int i = position; i < raw.length(); i++) {
                out.append(raw.charAt(i));
                rawIndex.add(i);
            }
            rawIndex.add(raw.length());
            return new Literal(out.toString(), rawIndex.stream().mapToInt(Integer::intValue).toArray());
        }

        /** @param rawIndex raw (0-based) column of each literal character, plus one entry for the line end */
        private record Literal(String text, int[] rawIndex) {
            int raw(int literalColumn) {
                return rawIndex[Math.min(literalColumn, rawIndex.length - 1)];
            }
        }

        private void addEmit(int number, List<TemplateAction> actions) {
            for (TemplateAction action : actions) {
                if (action.kind() == TemplateAction.Kind.OUTPUT) {
                    int indent = action.indentArgument() >= 0 ? action.indentArgument() : action.column() - 1;
                    int end = action.endLine() == number ? action.endColumn() : 0;
                    place(new TemplateNode(TemplateNode.Kind.EMIT, number, action.column(), end, indent, null, null,
                            null, "", List.of(action), scope), false);
                    return;
                }
                // control actions before the output (e.g. "{{- with .Values.x }}{{ toYaml . }}") shape its scope
                applyControl(List.of(action));
                actionsConsumed.add(action);
            }
        }

        private final java.util.Set<TemplateAction> actionsConsumed = new java.util.HashSet<>();

        private void addYamlLine(int number, String raw, Literal line, List<TemplateAction> actions) {
            String literal = line.text();
            int column = indentOf(literal);
            String rest = literal.substring(column);
            boolean afterDash = false;
            while (rest.equals("-") || rest.startsWith("- ")) {
                int valueOffset = 1;
                while (valueOffset < rest.length() && rest.charAt(valueOffset) == ' ') {
                    valueOffset++;
                }
                int afterColumn = column + valueOffset;
                int rawAfter = line.raw(afterColumn);
                TemplateNode item = new TemplateNode(TemplateNode.Kind.ITEM, number, line.raw(column) + 1, 0,
                        rawAfter, null, null, null, rawSlice(raw, rawAfter).strip(),
                        outputActionsFrom(actions, rawAfter + 1), scope);
                place(item, false);
                afterDash = true;
                column = afterColumn;
                rest = literal.substring(Math.min(afterColumn, literal.length()));
                if (BLOCK_SCALAR.matcher(rest.strip()).matches()) {
                    blockScalarOwnerIndent = item.column - 1;
                }
            }
            if (rest.isEmpty()) {
                return;
            }
            int colon = keyColon(rest);
            if (colon < 0) {
                return;
            }
            String keyText = rest.substring(0, colon).strip();
            int rawKeyStart = line.raw(column);
            int rawColon = line.raw(column + colon);
            String valueText = rawSlice(raw, rawColon + 1).strip();
            List<TemplateAction> valueActions = outputActionsFrom(actions, rawColon + 2);
            String key = null;
            Pattern pattern = null;
            String expression = null;
            if (keyText.indexOf(PLACEHOLDER) >= 0) {
                pattern = templatedKeyPattern(keyText);
                List<TemplateAction> keyActions = actionsBetween(actions, rawKeyStart + 1, rawColon + 1);
                if (keyText.equals(String.valueOf(PLACEHOLDER)) && keyActions.size() == 1) {
                    expression = keyActions.get(0).body();
                }
            } else {
                key = unquote(keyText);
            }
            TemplateNode node = new TemplateNode(TemplateNode.Kind.KEY, number, rawKeyStart + 1, rawColon + 1,
                    rawKeyStart, key, pattern, expression, valueText, valueActions, scope);
            place(node, afterDash);
            if (BLOCK_SCALAR.matcher(rest.substring(colon + 1).strip()).matches()) {
                blockScalarOwnerIndent = rawKeyStart;
            }
            for (TemplateAction action : valueActions) {
                if (action.emitsStructure() && !valueText.startsWith("\"") && !valueText.startsWith("'")) {
                    int indent = action.indentArgument() >= 0 ? action.indentArgument() : rawKeyStart + 2;
                    node.add(new TemplateNode(TemplateNode.Kind.EMIT, number, action.column(),
                            action.endLine() == number ? action.endColumn() : 0, indent, null, null, null, "",
                            List.of(action), scope));
                    break;
                }
            }
        }

        /**
         * Puts a node under the nearest enclosing node by indentation. A list item may sit at the same column as
         * the key that owns the list; a key right after a list item's dash is that item's child.
         */
        private void place(TemplateNode node, boolean sameLineAsItem) {
            if (sameLineAsItem && node.kind == TemplateNode.Kind.KEY) {
                stack.peek().add(node);
                stack.push(node);
                return;
            }
            while (stack.size() > 1) {
                TemplateNode top = stack.peek();
                boolean ownsList = node.kind == TemplateNode.Kind.ITEM && top.kind == TemplateNode.Kind.KEY
                        && top.indent == node.column - 1 && top.hasBlockValue();
                int topIndent = top.kind == TemplateNode.Kind.ITEM ? top.column - 1 : top.indent;
                int nodeIndent = node.kind == TemplateNode.Kind.ITEM ? node.column - 1 : node.indent;
                if (topIndent < nodeIndent || ownsList) {
                    break;
                }
                stack.pop();
            }
            stack.peek().add(node);
            if (node.kind != TemplateNode.Kind.EMIT) {
                stack.push(node);
            }
        }

        private void applyControl(List<TemplateAction> actions) {
            for (TemplateAction action : actions) {
                if (actionsConsumed.remove(action)) {
                    continue;
                }
                switch (action.kind()) {
                    case DEFINE -> frames.push(new Frame(action.kind(), scope));
                    case IF -> {
                        frames.push(new Frame(action.kind(), scope));
                        scope = scope.guardedBy(action.afterKeyword());
                    }
                    case WITH -> {
                        frames.push(new Frame(action.kind(), scope));
                        scope = scope.enterWith(action.afterKeyword());
                    }
                    case RANGE -> {
                        frames.push(new Frame(action.kind(), scope));
                        scope = scope.enterRange(action.afterKeyword(), action.line());
                    }
                    case ELSE -> {
                        if (!frames.isEmpty()) {
                            // a plain else renders when a value is off: that value guards nothing (see guardedBy)
                            scope = withFilledDicts(frames.peek().outer());
                            String rest = action.afterKeyword();
                            if (rest.startsWith("with")) {
                                scope = scope.enterWith(rest.substring(4).strip());
                            } else if (rest.startsWith("if")) {
                                scope = scope.guardedBy(rest.substring(2).strip());
                            } else {
                                scope = scope.withGuard(null);
                            }
                        }
                    }
                    case END -> {
                        if (!frames.isEmpty()) {
                            scope = withFilledDicts(frames.pop().outer());
                        }
                    }
                    case ASSIGN -> {
                        scope = scope.assign(action.body());
                        String dict = TemplateScope.setTarget(action.body());
                        if (dict != null && scope.variables().get(dict) instanceof MergedValues filled) {
                            filledDicts.put(dict, filled);
                        }
                    }
                    default -> {
                    }
                }
            }
        }

        /**
         * Dicts filled by {@code set} inside a block keep their entries after it (a dict is a reference in Go
         * templates), while every other binding of the block ends with it.
         */
        private final Map<String, MergedValues> filledDicts = new HashMap<>();

        private TemplateScope withFilledDicts(TemplateScope outer) {
            TemplateScope out = outer;
            for (Map.Entry<String, MergedValues> dict : filledDicts.entrySet()) {
                out = out.withDict(dict.getKey(), dict.getValue());
            }
            return out;
        }

        private void startDocument(int line) {
            root = TemplateNode.root();
            stack = new ArrayDeque<>();
            stack.push(root);
            docStart = line;
            firstContent = 0;
            firstContentColumn = 1;
            firstNonComment = 0;
            blockScalarOwnerIndent = -1;
        }

        private void finishDocument(int lastLine) {
            if (lastLine < docStart && documents.size() > 0) {
                return;
            }
            int contentLine = firstContent != 0 ? firstContent : firstNonComment != 0 ? firstNonComment : docStart;
            int contentColumn = firstContent != 0 ? firstContentColumn : 1;
            documents.add(new Document(docStart, Math.max(docStart, lastLine), root, contentLine, contentColumn,
                    literalKind(root), namePattern(root)));
        }

        private static String literalKind(TemplateNode root) {
            for (TemplateNode child : root.children) {
                if ("kind".equals(child.key) && child.valueActions.isEmpty() && !child.valueText.contains("{{")) {
                    return unquote(stripComment(child.valueText));
                }
            }
            return null;
        }

        private static Pattern namePattern(TemplateNode root) {
            for (TemplateNode metadata : root.children) {
                if (!"metadata".equals(metadata.key)) {
                    continue;
                }
                for (TemplateNode name : metadata.children) {
                    if ("name".equals(name.key)) {
                        return renderedValuePattern(name.valueText);
                    }
                }
            }
            return null;
        }

        private static String rawSlice(String raw, int column) {
            return column >= raw.length() ? "" : raw.substring(column);
        }

        private static List<TemplateAction> outputActionsFrom(List<TemplateAction> actions, int column) {
            List<TemplateAction> out = new ArrayList<>();
            for (TemplateAction action : actions) {
                if (action.column() >= column && action.kind() == TemplateAction.Kind.OUTPUT) {
                    out.add(action);
                }
            }
            return out;
        }

        private static List<TemplateAction> actionsBetween(List<TemplateAction> actions, int from, int to) {
            List<TemplateAction> out = new ArrayList<>();
            for (TemplateAction action : actions) {
                if (action.column() >= from && action.column() < to) {
                    out.add(action);
                }
            }
            return out;
        }
    }

    /** Offset of the colon that ends a mapping key in {@code text}, or -1 when the text is not a key line. */
    static int keyColon(String text) {
        char first = text.charAt(0);
        if (first == '{' || first == '[' || first == '#' || first == '&' || first == '*' || first == '!'
                || first == '|' || first == '>') {
            return -1;
        }
        int i = 0;
        if (first == '"' || first == '\'') {
            i = 1;
            while (i < text.length() && text.charAt(i) != first) {
                i += text.charAt(i) == '\\' && first == '"' ? 2 : 1;
            }
            i++;
        }
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                return i;
            }
            if (c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == '#') {
                return -1;
            }
        }
        return -1;
    }

    static int indentOf(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    static String unquote(String text) {
        String t = text.strip();
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    static String stripComment(String text) {
        int hash = text.indexOf(" #");
        return hash < 0 ? text : text.substring(0, hash);
    }

    private static Pattern templatedKeyPattern(String keyText) {
        String[] parts = unquote(keyText).split(String.valueOf(PLACEHOLDER), -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".+");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * What a template value may render to: literal text kept, each action any text. Null when the value gives no
     * clue (nothing literal at all).
     */
    static Pattern renderedValuePattern(String valueText) {
        String value = unquote(stripComment(valueText).strip());
        if (value.isEmpty()) {
            return null;
        }
        String[] parts = value.split("\\{\\{.*?}}", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        if (!value.contains("{{")) {
            return Pattern.compile(regex.toString());
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}

package dev.mcpolicy.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One structural line of a template document: a mapping key, a list item, or an action that emits YAML
 * ({@code include}, {@code toYaml}, …). Go-template control lines are not nodes; they only shape {@link #scope}.
 */
final class TemplateNode {
    enum Kind { ROOT, KEY, ITEM, EMIT }

    final Kind kind;
    final int line;
    final int column;
    final int endColumn;
    /** The column (0-based) where this node's content sits: what its children must be indented beyond. */
    final int indent;
    /** Literal key text, or null when the key is templated (see {@link #keyPattern}). */
    final String key;
    /** For a templated key: what the rendered key may look like. */
    final Pattern keyPattern;
    /** For a key that is exactly one action ({@code {{ $k }}:}): that action's body. */
    final String keyExpression;
    /** The text after {@code key:} or {@code - } on the line, with actions as written. */
    final String valueText;
    /** Output actions in the value (for EMIT: the emitting action). */
    final List<TemplateAction> valueActions;
    final TemplateScope scope;
    final List<TemplateNode> children = new ArrayList<>();
    private final boolean blockValue;
    TemplateNode parent;

    TemplateNode(Kind kind, int line, int column, int endColumn, int indent, String key, Pattern keyPattern,
                 String keyExpression, String valueText, List<TemplateAction> valueActions, TemplateScope scope) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.endColumn = endColumn;
        this.indent = indent;
        this.key = key;
        this.keyPattern = keyPattern;
        this.keyExpression = keyExpression;
        this.valueText = valueText;
        this.valueActions = List.copyOf(valueActions);
        this.scope = scope;
        this.blockValue = valueText.replaceAll("\\{\\{.*?}}", "").strip().isEmpty();
    }

    static TemplateNode root() {
        return new TemplateNode(Kind.ROOT, 1, 1, 0, -1, null, null, null, "", List.of(), TemplateScope.ROOT);
    }

    void add(TemplateNode child) {
        child.parent = this;
        children.add(child);
    }

    /** True when nothing follows the colon except structure-emitting actions: the value is a block below. */
    boolean hasBlockValue() {
        return blockValue;
    }

    /** True when the value is a flow collection ({@code [a, b]} or {@code {k: v}}) written on this line. */
    boolean hasFlowValue() {
        String value = valueText.strip();
        return value.startsWith("[") || (value.startsWith("{") && !value.startsWith("{{"));
    }

    boolean matchesKey(String token) {
        if (kind != Kind.KEY) {
            return false;
        }
        return key != null ? key.equals(token) : keyPattern.matcher(token).matches();
    }

    /** The outermost range block opened between the parent and this node: this node repeats once per iteration. */
    ValuesPath.RangeBlock generatedBy() {
        List<ValuesPath.RangeBlock> mine = scope.openRanges();
        List<ValuesPath.RangeBlock> parents = parent == null ? List.of() : parent.scope.openRanges();
        for (ValuesPath.RangeBlock block : mine) {
            if (!parents.contains(block)) {
                return block;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return kind + "@" + line + (key != null ? "[" + key + "]" : "");
    }
}

package dev.mcpolicy.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code .} and the {@code $variables} mean at one place of a template, as far as values are concerned,
 * and which {@code range} blocks are open there.
 *
 * @param dot        the values path {@code .} is bound to, or null (root context or unknown)
 * @param variables  variable name (without {@code $}) → a values path, or a {@link ValuesPath.RangeBlock} whose
 *                   key the variable holds
 * @param openRanges range blocks enclosing this place, outermost first
 * @param guard      the one values path whose truthiness the innermost {@code if}/{@code with}/{@code range}
 *                   decides whether this place renders at all, or null (no such block, or its condition reads
 *                   several values or none)
 * @param mergedDot  what {@code .} is bound to when it is a map merged from several values maps
 *                   ({@code with (merge .Values.a .Values.b)}), else null
 */
record TemplateScope(ValuesPath dot, Map<String, Object> variables, List<ValuesPath.RangeBlock> openRanges,
                     ValuesPath guard, MergedValues mergedDot) {
    static final TemplateScope ROOT = new TemplateScope(null, Map.of(), List.of(), null);
    private static final Pattern MERGE_CALL = Pattern.compile("\\b(merge|mergeOverwrite|deepMerge)\\b");
    private static final Pattern EMPTY_DICT = Pattern.compile("\\(?\\s*dict\\s*\\)?");
    private static final Pattern SET_CALL = Pattern.compile(
            "(?:\\$[A-Za-z0-9_]*\\s*:?=\\s*)?\\(?\\s*set\\s+\\$([A-Za-z0-9_]+)\\s+\\$([A-Za-z0-9_]+)\\s+(.*)", Pattern.DOTALL);

    // Possessive (*+, ++): a repeated group recurses once per repetition, and a 20 KB string literal in a template
    // action overflowed the stack. Each repetition here is unambiguous, so no match is lost.
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*+\"|`[^`]*`");
    private static final Pattern INDEX_CALL = Pattern.compile("\\bindex\\s+(\\S+)((?:\\s+\"(?:[^\"\\\\]|\\\\.)*+\")++)");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*+)\"");
    private static final Pattern TERM = Pattern.compile(
            "(?<![\\w.\"$])(\\$[A-Za-z0-9_]*+(?:\\.[A-Za-z_][A-Za-z0-9_]*+)*+|(?:\\.[A-Za-z_][A-Za-z0-9_]*+)++|\\.(?![\\w.]))");
    private static final Pattern RANGE_HEAD = Pattern.compile(
            "(?:\\$([A-Za-z0-9_]+)\\s*(?:,\\s*\\$([A-Za-z0-9_]+))?\\s*:=\\s*)?(.*)", Pattern.DOTALL);
    private static final Pattern WITH_HEAD = Pattern.compile("(?:\\$([A-Za-z0-9_]+)\\s*:=\\s*)?(.*)", Pattern.DOTALL);
    private static final Pattern KEY_VARIABLE = Pattern.compile("\\$([A-Za-z0-9_]+)(?:\\s*\\|\\s*quote)?");
    private static final Pattern ASSIGNMENT = Pattern.compile("\\$([A-Za-z0-9_]+)\\s*:?=\\s*(.*)", Pattern.DOTALL);

    TemplateScope {
        variables = Map.copyOf(variables);
        openRanges = List.copyOf(openRanges);
    }

    TemplateScope(ValuesPath dot, Map<String, Object> variables, List<ValuesPath.RangeBlock> openRanges,
                  ValuesPath guard) {
        this(dot, variables, openRanges, guard, null);
    }

    /** The scope inside {@code {{ with EXPR }}}. */
    TemplateScope enterWith(String head) {
        Matcher m = WITH_HEAD.matcher(head);
        m.matches();
        MergedValues merged = mergedValue(m.group(2));
        if (merged != null) {
            Map<String, Object> vars = new HashMap<>(variables);
            if (m.group(1) != null) {
                vars.put(m.group(1), merged);
            }
            return new TemplateScope(null, vars, openRanges, null, merged);
        }
        ValuesPath target = singlePath(m.group(2));
        Map<String, Object> vars = new HashMap<>(variables);
        if (m.group(1) != null) {
            bind(vars, m.group(1), target);
        }
        return new TemplateScope(target, vars, openRanges, target);
    }

    /**
     * The scope inside {@code {{ if CONDITION }}}: values stay as they are, only the guard changes. A negated
     * condition ({@code if not .Values.autoscaling.enabled}) guards nothing: the key it hides is absent on
     * purpose, and switching that value back is rarely the fix.
     */
    TemplateScope guardedBy(String condition) {
        String trimmed = condition.strip();
        boolean negated = trimmed.startsWith("not ") || trimmed.startsWith("not(") || trimmed.startsWith("(not ");
        return withGuard(negated ? null : singlePath(trimmed));
    }

    TemplateScope withGuard(ValuesPath newGuard) {
        return new TemplateScope(dot, variables, openRanges, newGuard, mergedDot);
    }

    /** The scope inside {@code {{ range [$k, $v :=] EXPR }}}. */
    TemplateScope enterRange(String head, int line) {
        Matcher m = RANGE_HEAD.matcher(head);
        m.matches();
        String keyVariable = m.group(2) != null ? m.group(1) : null;
        String valueVariable = m.group(2) != null ? m.group(2) : m.group(1);
        MergedValues mergedCollection = mergedValue(m.group(3));
        if (mergedCollection != null) {
            ValuesPath.RangeBlock block = new ValuesPath.RangeBlock(line, null, keyVariable, mergedCollection);
            MergedValues element = mergedCollection.plus(List.of(block));
            Map<String, Object> vars = new HashMap<>(variables);
            if (keyVariable != null) {
                vars.put(keyVariable, block);
            }
            if (valueVariable != null) {
                vars.put(valueVariable, element);
            }
            List<ValuesPath.RangeBlock> ranges = new ArrayList<>(openRanges);
            ranges.add(block);
            return new TemplateScope(null, vars, ranges, null, element);
        }
        ValuesPath collection = singlePath(m.group(3));
        ValuesPath.RangeBlock block = new ValuesPath.RangeBlock(line, collection, keyVariable);
        ValuesPath element = collection == null ? null : collection.plus(List.of(block));
        Map<String, Object> vars = new HashMap<>(variables);
        if (keyVariable != null) {
            vars.put(keyVariable, block);
        }
        if (valueVariable != null) {
            bind(vars, valueVariable, element);
        }
        List<ValuesPath.RangeBlock> ranges = new ArrayList<>(openRanges);
        ranges.add(block);
        return new TemplateScope(element, vars, ranges, collection);
    }

    /**
     * The scope after {@code {{ $x := EXPR }}}. A dict ({@code $d := dict}) and a merge ({@code $d := merge …}) are
     * tracked as {@link MergedValues}; {@code $_ := set $d $key $value} inside {@code range $key, $value := MAP}
     * adds MAP to {@code $d} as the source that now wins.
     */
    TemplateScope assign(String body) {
        Matcher set = SET_CALL.matcher(body.strip());
        if (set.matches() && variables.get(set.group(1)) instanceof MergedValues dict
                && variables.get(set.group(2)) instanceof ValuesPath.RangeBlock range && range.collection != null) {
            Map<String, Object> vars = new HashMap<>(variables);
            vars.put(set.group(1), dict.withWinningSource(range.collection));
            return new TemplateScope(dot, vars, openRanges, guard, mergedDot);
        }
        Matcher m = ASSIGNMENT.matcher(body);
        if (!m.matches()) {
            return this;
        }
        Map<String, Object> vars = new HashMap<>(variables);
        String expression = m.group(2).strip();
        MergedValues merged = EMPTY_DICT.matcher(expression).matches() ? MergedValues.EMPTY : mergedValue(expression);
        if (merged != null) {
            vars.put(m.group(1), merged);
        } else if (expression.startsWith("include") || expression.startsWith("template")) {
            vars.remove(m.group(1));
        } else {
            bind(vars, m.group(1), singlePath(expression));
        }
        return new TemplateScope(dot, vars, openRanges, guard, mergedDot);
    }

    /** The dict variable a {@code set $d $key $value} call fills, or null for any other action. */
    static String setTarget(String body) {
        Matcher set = SET_CALL.matcher(body.strip());
        return set.matches() ? set.group(1) : null;
    }

    /** The same scope with a dict variable bound to what it holds now (a {@code set} inside a block changed it). */
    TemplateScope withDict(String name, MergedValues dict) {
        if (!(variables.get(name) instanceof MergedValues)) {
            return this;
        }
        Map<String, Object> vars = new HashMap<>(variables);
        vars.put(name, dict);
        return new TemplateScope(dot, vars, openRanges, guard, mergedDot);
    }

    /**
     * What an expression yields when it is a map merged from several values maps: a {@code merge}/{@code
     * mergeOverwrite} call over values maps, a variable holding one, or {@code .} bound to one. Null otherwise.
     */
    MergedValues mergedValue(String expression) {
        String body = expression.strip();
        Matcher call = MERGE_CALL.matcher(body);
        if (call.find()) {
            List<ValuesPath> sources = new ArrayList<>();
            for (ValuesPath path : valuesReferences(body.substring(call.end()))) {
                sources.add(path);
            }
            if (sources.isEmpty()) {
                return null;
            }
            if (call.group(1).equals("mergeOverwrite")) {
                java.util.Collections.reverse(sources);
            }
            return new MergedValues(sources);
        }
        String withoutParens = body.replaceAll("^\\(\\s*|\\s*\\)$", "");
        Matcher term = TERM.matcher(withoutParens);
        if (term.find() && term.start() == 0 && term.end() == withoutParens.length()) {
            return resolveMerged(term.group(1));
        }
        return null;
    }

    /**
     * The merged map an output action prints on its own ({@code toYaml .}, {@code $value | quote},
     * {@code toYaml (merge .Values.a .Values.b)}), or null when it prints something else.
     */
    MergedValues mergedReference(String actionBody) {
        String body = actionBody.strip();
        if (body.startsWith("include") || body.startsWith("template")) {
            return null;
        }
        if (MERGE_CALL.matcher(body).find()) {
            return mergedValue(body);
        }
        String withoutStrings = STRING_LITERAL.matcher(body).replaceAll(" ");
        List<String> terms = new ArrayList<>();
        Matcher term = TERM.matcher(withoutStrings);
        while (term.find()) {
            terms.add(term.group(1));
        }
        return terms.size() == 1 ? resolveMerged(terms.get(0)) : null;
    }

    private MergedValues resolveMerged(String term) {
        List<String> fields = new ArrayList<>();
        String head;
        if (term.startsWith("$")) {
            int dotAt = term.indexOf('.');
            head = dotAt < 0 ? term : term.substring(0, dotAt);
            if (dotAt >= 0) {
                fields.addAll(List.of(term.substring(dotAt + 1).split("\\.")));
            }
            Object bound = variables.get(head.substring(1));
            return bound instanceof MergedValues merged && !merged.sources().isEmpty() ? merged.plus(fields) : null;
        }
        if (mergedDot == null || mergedDot.sources().isEmpty()) {
            return null;
        }
        if (term.length() > 1) {
            fields.addAll(List.of(term.substring(1).split("\\.")));
        }
        return mergedDot.plus(fields);
    }

    /** Key variable name → range block, for templated keys like {@code {{ $key }}:}. */
    ValuesPath.RangeBlock rangeOfKeyVariable(String expression) {
        String trimmed = expression.strip();
        Matcher m = KEY_VARIABLE.matcher(trimmed);
        if (m.matches() && variables.get(m.group(1)) instanceof ValuesPath.RangeBlock block) {
            return block;
        }
        return null;
    }

    /**
     * The distinct values paths an output action reads, in order. Helper calls ({@code include}, {@code template})
     * are not followed: their context argument is not a value the line shows.
     */
    List<ValuesPath> valuesReferences(String actionBody) {
        String body = actionBody.strip();
        if (body.startsWith("include") || body.startsWith("template")) {
            return List.of();
        }
        Set<ValuesPath> found = new LinkedHashSet<>();
        Matcher index = INDEX_CALL.matcher(body);
        StringBuilder rest = new StringBuilder();
        while (index.find()) {
            ValuesPath base = resolveTerm(index.group(1));
            if (base != null) {
                List<String> keys = new ArrayList<>();
                Matcher q = QUOTED.matcher(index.group(2));
                while (q.find()) {
                    keys.add(q.group(1));
                }
                found.add(base.plus(keys));
            }
            index.appendReplacement(rest, " ");
        }
        index.appendTail(rest);
        String withoutStrings = STRING_LITERAL.matcher(rest).replaceAll(" ");
        List<String> terms = new ArrayList<>();
        Matcher term = TERM.matcher(withoutStrings);
        while (term.find()) {
            terms.add(term.group(1));
        }
        boolean loneDotIsContext = terms.size() > 1;
        for (String t : terms) {
            if ((t.equals(".") || t.equals("$")) && loneDotIsContext) {
                continue;
            }
            ValuesPath path = resolveTerm(t);
            if (path != null) {
                found.add(path);
            }
        }
        return List.copyOf(found);
    }

    private ValuesPath singlePath(String expression) {
        List<ValuesPath> refs = valuesReferences(expression);
        return refs.size() == 1 ? refs.get(0) : null;
    }

    private static void bind(Map<String, Object> vars, String name, ValuesPath path) {
        if (path == null) {
            vars.remove(name);
        } else {
            vars.put(name, path);
        }
    }

    /** {@code .Values.a.b}, {@code $.Values.a}, {@code .b} (relative to a bound dot), {@code $v.c}, {@code .}. */
    ValuesPath resolveTerm(String term) {
        List<String> fields = new ArrayList<>();
        String head;
        if (term.startsWith("$")) {
            int dotAt = term.indexOf('.');
            head = dotAt < 0 ? term : term.substring(0, dotAt);
            if (dotAt >= 0) {
                fields.addAll(List.of(term.substring(dotAt + 1).split("\\.")));
            }
        } else {
            head = ".";
            if (term.length() > 1) {
                fields.addAll(List.of(term.substring(1).split("\\.")));
            }
        }
        if (head.equals("$") || (head.equals(".") && dot == null)) {
            if (!fields.isEmpty() && fields.get(0).equals("Values")) {
                return new ValuesPath(new ArrayList<>(fields.subList(1, fields.size())));
            }
            return null;
        }
        if (head.equals(".")) {
            return dot.plus(fields);
        }
        Object bound = variables.get(head.substring(1));
        return bound instanceof ValuesPath path ? path.plus(fields) : null;
    }
}

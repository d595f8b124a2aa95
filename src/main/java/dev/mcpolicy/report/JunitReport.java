package dev.mcpolicy.report;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.rules.RuleDefinition;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JUnit XML as Jenkins, GitLab ({@code artifacts:reports:junit}) and GitHub test reporters read it, valid against the
 * Apache Ant JUnit schema. One test suite per rule; in it one test case per object (or values file) the rule found
 * something on, failing with the findings' places and messages and the rule's help, or a single passing case when
 * the rule found nothing. Every finding is a failure whose type is its level. Input errors are errored test cases in
 * a last suite, {@value #INPUT_SUITE}.
 */
public final class JunitReport implements Report {
    static final String INPUT_SUITE = "mcpolicy-input";
    static final String PACKAGE = "mcpolicy";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Override
    public void write(RunResult run, ReportContext context, Writer out) throws IOException {
        Map<String, RuleDefinition> rules = new TreeMap<>();
        context.rules().forEach(rule -> rules.putIfAbsent(rule.id(), rule));
        Map<String, Map<String, List<Finding>>> byRule = new TreeMap<>();
        for (Finding finding : run.findings()) {
            byRule.computeIfAbsent(finding.ruleId(), id -> new LinkedHashMap<>())
                    .computeIfAbsent(testName(finding), name -> new ArrayList<>()).add(finding);
        }
        for (String id : rules.keySet()) {
            byRule.putIfAbsent(id, Map.of());
        }
        String timestamp = TIMESTAMP.format(context.generatedAt().truncatedTo(ChronoUnit.SECONDS));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        int id = 0;
        for (Map.Entry<String, Map<String, List<Finding>>> suite : byRule.entrySet()) {
            RuleDefinition rule = rules.get(suite.getKey());
            Map<String, List<Finding>> cases = suite.getValue();
            int failures = cases.size();
            suiteStart(xml, id++, suite.getKey(), timestamp, Math.max(1, failures), failures, 0);
            xml.append("    <properties>\n");
            if (rule != null) {
                property(xml, "level", rule.level() == null ? "warning" : rule.level().id());
                property(xml, "title", rule.title());
            }
            RuleLinks.helpUri(context, suite.getKey()).ifPresent(uri -> property(xml, "helpUri", uri));
            xml.append("    </properties>\n");
            String className = PACKAGE + "." + suite.getKey();
            if (cases.isEmpty()) {
                xml.append("    <testcase name=\"").append(Xml.attribute("no findings")).append("\" classname=\"")
                        .append(Xml.attribute(className)).append("\" time=\"0\"/>\n");
            }
            for (Map.Entry<String, List<Finding>> testCase : cases.entrySet()) {
                List<Finding> findings = testCase.getValue();
                Finding first = findings.get(0);
                String message = first.message() + (findings.size() > 1
                        ? " (and " + (findings.size() - 1) + " more)" : "");
                xml.append("    <testcase name=\"").append(Xml.attribute(testCase.getKey())).append("\" classname=\"")
                        .append(Xml.attribute(className)).append("\" time=\"0\">\n")
                        .append("      <failure message=\"").append(Xml.attribute(message)).append("\" type=\"")
                        .append(first.level().id()).append("\">")
                        .append(Xml.text(failureText(findings, rule, context))).append("</failure>\n")
                        .append("    </testcase>\n");
            }
            suiteEnd(xml);
        }
        List<InputProblem> errors = run.problems().stream()
                .filter(p -> p.severity() == InputProblem.Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            suiteStart(xml, id, INPUT_SUITE, timestamp, errors.size(), 0, errors.size());
            xml.append("    <properties/>\n");
            for (InputProblem problem : errors) {
                xml.append("    <testcase name=\"").append(Xml.attribute(problem.file() + ":" + problem.line()))
                        .append("\" classname=\"").append(PACKAGE).append('.').append(INPUT_SUITE)
                        .append("\" time=\"0\">\n")
                        .append("      <error message=\"").append(Xml.attribute(problem.message()))
                        .append("\" type=\"input-error\">").append(Xml.text(problem.oneLine())).append("</error>\n")
                        .append("    </testcase>\n");
            }
            suiteEnd(xml);
        }
        xml.append("</testsuites>\n");
        out.write(xml.toString());
        out.flush();
    }

    private static void suiteStart(StringBuilder xml, int id, String name, String timestamp, int tests, int failures,
                                   int errors) {
        xml.append("  <testsuite id=\"").append(id).append("\" package=\"").append(PACKAGE)
                .append("\" name=\"").append(Xml.attribute(name)).append("\" timestamp=\"").append(timestamp)
                .append("\" hostname=\"localhost\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors).append("\" skipped=\"0\" time=\"0\">\n");
    }

    private static void suiteEnd(StringBuilder xml) {
        xml.append("    <system-out></system-out>\n    <system-err></system-err>\n  </testsuite>\n");
    }

    private static void property(StringBuilder xml, String name, String value) {
        if (value != null && !value.isBlank()) {
            xml.append("      <property name=\"").append(name).append("\" value=\"").append(Xml.attribute(value))
                    .append("\"/>\n");
        }
    }

    /** The object a finding is about ({@code Deployment/web in mcp}), or its file for values-file findings. */
    static String testName(Finding finding) {
        ObjectRef object = finding.object();
        if (object == null) {
            return finding.primary().file();
        }
        return object.display() + (object.namespace() == null ? "" : " in " + object.namespace());
    }

    private static String failureText(List<Finding> findings, RuleDefinition rule, ReportContext context) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : findings) {
            text.append(finding.primary().shortText()).append(": ").append(finding.level().id()).append(": ")
                    .append(finding.message());
            if (!finding.environments().isEmpty()) {
                text.append(" [environments: ").append(String.join(", ", finding.environments())).append(']');
            }
            text.append('\n');
        }
        if (rule != null && rule.help() != null && !rule.help().isBlank()) {
            text.append("\nHow to fix: ").append(rule.help().strip()).append('\n');
        }
        RuleLinks.helpUri(context, findings.get(0).ruleId())
                .ifPresent(uri -> text.append("Rule documentation: ").append(uri).append('\n'));
        return text.toString();
    }

    /** XML 1.0 escaping; characters XML cannot carry at all become {@code ?}. */
    static final class Xml {
        private Xml() {
        }

        static String attribute(String value) {
            return escape(value, true);
        }

        static String text(String value) {
            return escape(value, false);
        }

        private static String escape(String value, boolean attribute) {
            if (value == null) {
                return "";
            }
            StringBuilder out = new StringBuilder(value.length() + 16);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append(attribute ? "&quot;" : "\"");
                    case '\n' -> out.append(attribute ? "&#10;" : "\n");
                    case '\r' -> out.append("&#13;");
                    case '\t' -> out.append(attribute ? "&#9;" : "\t");
                    default -> {
                        if (Character.isHighSurrogate(c) && i + 1 < value.length()
                                && Character.isLowSurrogate(value.charAt(i + 1))) {
                            out.append(c).append(value.charAt(++i));
                        } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                            out.append('?');
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.toString();
        }
    }
}

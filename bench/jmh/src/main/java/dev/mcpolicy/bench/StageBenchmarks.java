package dev.mcpolicy.bench;

import dev.mcpolicy.engine.Engine;
import dev.mcpolicy.engine.RuleCompiler;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleLoadException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The stages of a check on N copies of a small MCP render (examples/rendered/production.yaml, renamed per copy as
 * bench/copies.py does): parsing, building the resource graph, evaluating the rules. Steady-state figures: what the
 * stages cost once the JIT has warmed up; bench/run.sh measures whole processes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StageBenchmarks {
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])(?<!\\w/)mcp-server(?![\\w/])");
    private static final Pattern BOOKKEEPING = Pattern.compile(
            "(?m)^\\s*(helm\\.sh/chart|app\\.kubernetes\\.io/managed-by|app\\.kubernetes\\.io/version):.*\\n|^\\s*#.*\\n");

    @Param({"1", "100", "1000"})
    public int copies;

    private String text;
    private List<ManifestDocument> documents;
    private ResourceGraph graph;
    private Engine engine;

    @Setup(Level.Trial)
    public void setUp() throws IOException, RuleLoadException {
        Path render = Path.of(System.getProperty("mcpolicy.render", "examples/rendered/production.yaml"));
        String one = BOOKKEEPING.matcher(Files.readString(render)).replaceAll("");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < copies; i++) {
            all.append(copies == 1 ? one : NAME.matcher(one).replaceAll("mcp-server-" + i));
        }
        text = all.toString();
        documents = new ManifestLoader().loadText("render.yaml", text).documents();
        graph = ResourceGraph.build(documents, "default");
        engine = new Engine(RuleCompiler.standard().ruleLoader().loadBuiltIn());
    }

    @Benchmark
    public List<ManifestDocument> parse() {
        return new ManifestLoader().loadText("render.yaml", text).documents();
    }

    @Benchmark
    public ResourceGraph buildGraph() {
        return ResourceGraph.build(documents, "default");
    }

    @Benchmark
    public List<Finding> evaluateRules() {
        return engine.run(graph, List.of());
    }
}

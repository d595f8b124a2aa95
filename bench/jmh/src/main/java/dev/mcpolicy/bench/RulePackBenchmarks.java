package dev.mcpolicy.bench;

import dev.mcpolicy.engine.Engine;
import dev.mcpolicy.engine.RuleCompiler;
import dev.mcpolicy.rules.RuleLoadException;
import dev.mcpolicy.rules.RuleSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Loading the built-in rule pack: as the build compiled it (rules.pack, what a run reads) and from its YAML files
 * (parsed, schema-validated, fixtures read), and compiling it into an engine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RulePackBenchmarks {
    private final RuleCompiler compiler = RuleCompiler.standard();

    @Benchmark
    public RuleSet loadCompiledRulePack() throws RuleLoadException {
        return compiler.ruleLoader().loadBuiltIn();
    }

    @Benchmark
    public RuleSet loadRulePackFromYaml() throws RuleLoadException {
        return compiler.ruleLoader().loadBuiltInYaml();
    }

    @Benchmark
    public Engine compileRules() throws RuleLoadException {
        return new Engine(compiler.ruleLoader().loadBuiltIn());
    }
}

package dev.mcpolicy.build;

import dev.mcpolicy.engine.RuleCompiler;
import dev.mcpolicy.rules.CompiledRulePack;
import dev.mcpolicy.rules.RuleLoadException;
import dev.mcpolicy.rules.RuleProblem;
import dev.mcpolicy.rules.RuleSet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step ({@code process-classes}, see pom.xml): reads the built-in rule files from the class path, validates
 * them as a run would (schema, parameters, fixtures, supersession) and compiles every check against the mechanisms,
 * then writes {@link CompiledRulePack#RESOURCE}. A broken rule fails the build with {@code file:line:col: message}.
 */
public final class RulePackCompiler {
    private RulePackCompiler() {
    }

    /** @param args the file to write, normally {@code target/classes/dev/mcpolicy/rules/rules.pack} */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RulePackCompiler OUTPUT_FILE");
        }
        compile(Path.of(args[0]));
    }

    static void compile(Path output) throws IOException {
        RuleCompiler compiler = RuleCompiler.standard();
        RuleSet rules;
        try {
            rules = compiler.ruleLoader().loadBuiltInYaml();
        } catch (RuleLoadException e) {
            StringBuilder lines = new StringBuilder("the built-in rule pack does not load:");
            for (RuleProblem problem : e.problems()) {
                lines.append('\n').append(problem.oneLine());
            }
            throw new IllegalStateException(lines.toString(), e);
        }
        compiler.compile(rules); // every check compiles with its defaults, as the engine will compile it
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(output)) {
            CompiledRulePack.write(rules.rules(), out);
        }
    }
}

package dev.mcpolicy.engine;

import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleLoadException;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The built-in rule pack, compiled with its default parameters once per JVM. A check starts it on a thread of its
 * own ({@link #startInBackground}), so that on a machine with a second core the compiling overlaps the command line,
 * the configuration and the reading of the inputs, which is most of a small run. {@link RuleCompiler#compile} takes a
 * rule from here only when its definition is the one compiled (the same parameters, levels and checks); any rule a
 * configuration changed is compiled as before, so the findings are the same either way.
 */
public final class PrecompiledRules {
    private static final FutureTask<Map<String, Compiled>> TASK = new FutureTask<>(PrecompiledRules::compileBuiltIn);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private record Compiled(RuleDefinition definition, CompiledRule rule) {
    }

    private PrecompiledRules() {
    }

    /** Starts compiling on a daemon thread, unless that already began; a run that ends early does not wait for it. */
    public static void startInBackground() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(TASK, "mcpolicy-rules");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The compiled built-in rule of this definition, or null when it must be compiled (it differs, or failed). */
    static CompiledRule lookup(RuleDefinition definition) {
        if (STARTED.compareAndSet(false, true)) {
            TASK.run();
        }
        Map<String, Compiled> compiled;
        try {
            compiled = TASK.get();
        } catch (ExecutionException e) {
            return null; // compiling again reports the problem where it belongs
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        Compiled found = compiled.get(definition.id());
        return found != null && (found.definition() == definition || found.definition().equals(definition))
                ? found.rule() : null;
    }

    private static Map<String, Compiled> compileBuiltIn() throws RuleLoadException {
        RuleCompiler compiler = RuleCompiler.standard();
        Map<String, Compiled> out = new HashMap<>();
        for (RuleDefinition rule : compiler.ruleLoader().loadBuiltIn().rules()) {
            out.put(rule.id(), new Compiled(rule, compiler.compileHere(rule)));
        }
        return out;
    }
}

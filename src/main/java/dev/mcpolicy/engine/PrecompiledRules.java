package dev.mcpolicy.engine;

import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleLoadException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built-in rule pack, compiled with its default parameters once per JVM. A check starts it on a thread of its
 * own ({@link #startInBackground}), so that on a machine with a second core the compiling overlaps the command line,
 * the configuration and the reading of the inputs, which is most of a small run; a run that needs the rules before
 * they are all compiled compiles the rest beside that thread instead of waiting for it. {@link RuleCompiler#compile}
 * takes a rule from here only when its definition is the one compiled (the same parameters, levels and checks); a
 * rule a configuration changed is compiled as before, so the findings are the same either way.
 */
public final class PrecompiledRules {
    private static final Object LOCK = new Object();
    private static Batch batch;

    private PrecompiledRules() {
    }

    /** Starts compiling on a daemon thread, unless that already began; a run that ends early does not wait for it. */
    public static void startInBackground() {
        synchronized (LOCK) {
            if (batch != null) {
                return;
            }
            batch = new Batch();
        }
        Thread thread = new Thread(batch::work, "mcpolicy-rules");
        thread.setDaemon(true);
        thread.start();
    }

    /** The compiled built-in rule of this definition, or null when it must be compiled (it differs, or failed). */
    static CompiledRule lookup(RuleDefinition definition) {
        Batch current;
        synchronized (LOCK) {
            if (batch == null) {
                batch = new Batch();
            }
            current = batch;
        }
        return current.compiled(definition);
    }

    /** The pack's rules, claimed one at a time by every thread that works on them. */
    private static final class Batch {
        private final RuleCompiler compiler = RuleCompiler.standard();
        private final CountDownLatch loaded = new CountDownLatch(1);
        private final AtomicInteger next = new AtomicInteger();
        private List<RuleDefinition> rules = List.of();
        private CompiledRule[] compiled = new CompiledRule[0];
        private Map<String, Integer> indexById = Map.of();
        private CountDownLatch done = new CountDownLatch(0);
        private boolean loading;

        void work() {
            if (!load()) {
                awaitLoaded();
            }
            for (int i = next.getAndIncrement(); i < rules.size(); i = next.getAndIncrement()) {
                try {
                    compiled[i] = compiler.compileHere(rules.get(i));
                } catch (RuntimeException failed) {
                    // left null: the run compiles this rule itself and reports the problem where it belongs
                } finally {
                    done.countDown();
                }
            }
        }

        /** Reads the pack when no other thread does; false when another thread is reading it. */
        private boolean load() {
            synchronized (this) {
                if (loading) {
                    return false;
                }
                loading = true;
            }
            try {
                List<RuleDefinition> pack = compiler.ruleLoader().loadBuiltIn().rules();
                Map<String, Integer> ids = new HashMap<>();
                for (int i = 0; i < pack.size(); i++) {
                    ids.put(pack.get(i).id(), i);
                }
                compiled = new CompiledRule[pack.size()];
                indexById = ids;
                done = new CountDownLatch(pack.size());
                rules = pack;
            } catch (RuleLoadException | RuntimeException unreadable) {
                // no rules to share: every run compiles its own, as without this class
            } finally {
                loaded.countDown();
            }
            return true;
        }

        private void awaitLoaded() {
            try {
                loaded.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        CompiledRule compiled(RuleDefinition definition) {
            work();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            Integer index = indexById.get(definition.id());
            if (index == null) {
                return null;
            }
            RuleDefinition compiledFrom = rules.get(index);
            return compiledFrom == definition || compiledFrom.equals(definition) ? compiled[index] : null;
        }
    }
}

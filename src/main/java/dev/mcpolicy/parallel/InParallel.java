package dev.mcpolicy.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Maps the indexes {@code 0..count-1} on the calling thread and the common pool's threads (one per further core), and
 * returns the results in index order, so the outcome does not depend on the number of threads or on timing.
 *
 * <p>The threads take the next few indexes from a shared counter until none are left, so they finish together
 * however unequal the pieces of work are. (A parallel stream cuts the range into a few fixed parts up front: on two
 * cores one thread often sat idle while the other finished a part of slow documents or expensive checks.)
 */
public final class InParallel {
    /** Pieces per thread and pass: small enough to balance, large enough that the counter is not contended. */
    private static final int PIECES_PER_THREAD = 64;

    private InParallel() {
    }

    /**
     * @param minCount below this many indexes everything runs on the calling thread
     * @param work     a function of the index, safe to call from several threads at once
     */
    public static <R> List<R> map(int count, int minCount, IntFunction<R> work) {
        int helpers = Math.min(Runtime.getRuntime().availableProcessors() - 1, ForkJoinPool.getCommonPoolParallelism());
        if (count < Math.max(2, minCount) || helpers <= 0) {
            List<R> results = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                results.add(work.apply(i));
            }
            return Collections.unmodifiableList(results);
        }
        Object[] results = new Object[count];
        AtomicInteger next = new AtomicInteger();
        int piece = Math.max(1, count / (PIECES_PER_THREAD * (helpers + 1)));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable drain = () -> {
            try {
                for (int start = next.getAndAdd(piece); start < count; start = next.getAndAdd(piece)) {
                    for (int i = start, end = Math.min(count, start + piece); i < end; i++) {
                        results[i] = work.apply(i);
                    }
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                next.set(count); // the other threads stop after their current piece
            }
        };
        List<ForkJoinTask<?>> tasks = new ArrayList<>(helpers);
        for (int i = 0; i < helpers; i++) {
            tasks.add(ForkJoinPool.commonPool().submit(drain));
        }
        drain.run();
        tasks.forEach(ForkJoinTask::join); // also makes the helpers' results visible to this thread
        if (failure.get() instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure.get() instanceof Error error) {
            throw error;
        }
        @SuppressWarnings("unchecked")
        List<R> ordered = (List<R>) Collections.unmodifiableList(Arrays.asList(results));
        return ordered;
    }
}

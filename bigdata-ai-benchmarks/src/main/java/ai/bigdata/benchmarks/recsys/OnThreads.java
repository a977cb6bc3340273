package ai.bigdata.benchmarks.recsys;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * A fixed number of threads for code that runs Java parallel streams (the recsys models do): a task submitted
 * to a {@link ForkJoinPool} runs its parallel streams on that pool, so a model fitted or queried here uses
 * exactly {@code threads} threads, whatever the common pool's size.
 */
public final class OnThreads implements AutoCloseable {
    private final ForkJoinPool pool;

    /** A pool of {@code threads} worker threads (at least 1). */
    public OnThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.pool = new ForkJoinPool(threads);
    }

    /** Runs {@code work} on the pool and returns its result; its exceptions are rethrown unchanged. */
    public <T> T call(Supplier<T> work) {
        try {
            return pool.submit(work::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The pool's thread count. */
    public int threads() {
        return pool.getParallelism();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

package ai.bigdata.core.eval;

import ai.bigdata.core.internal.Futures;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The daemon threads that evaluations lend work to (counting batches, sorting one part of the scores),
 * shared by all evaluations; a thread idle for a minute ends. {@link #await} rethrows a task's failure
 * as it was.
 */
final class EvaluationThreads {
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bigdata-ai-evaluation");
        t.setDaemon(true);
        return t;
    });

    private EvaluationThreads() {
    }

    /** Starts {@code task} on an evaluation thread. */
    static Future<?> start(Runnable task) {
        return THREADS.submit(task);
    }

    /** Waits for {@code f}; its task's runtime exception or error is rethrown unchanged. */
    static void await(Future<?> f) {
        Futures.await(f, "evaluating");
    }
}

package ai.bigdata.core.eval;

import ai.bigdata.core.internal.FloatRows;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Feeds the batches of an evaluation to their sink on a second thread, one batch behind the model: while
 * the model computes batch i + 1, the counters take in batch i. Two sets of buffers alternate, so a batch
 * is never overwritten while it is being counted, and batches are counted one at a time in order (the
 * report is the same as on one thread). A failure in the sink is rethrown, as it was, by the next
 * {@link #submit} or by {@link #finish}.
 */
final class TallyThread implements AutoCloseable {
    /** What one batch of model outputs and true labels feeds (both valid until the next batch but one). */
    interface Sink {
        void accept(FloatRows out, FloatRows truth, long firstRow);
    }

    private final Sink sink;
    /** Counting threads, shared by all evaluations (a thread idle for a minute ends). */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bigdata-ai-evaluation-tally");
        t.setDaemon(true);
        return t;
    });
    private final FloatRows[] outs = {new FloatRows(), new FloatRows()};
    private final FloatRows[] truths = {new FloatRows(), new FloatRows()};
    private int slot;
    private Future<?> pending;

    TallyThread(Sink sink) {
        this.sink = sink;
    }

    /** The output buffer to fill for the next batch (not in use by the counting thread). */
    FloatRows nextOutputs() {
        return outs[slot];
    }

    /** The label buffer to fill for the next batch. */
    FloatRows nextTruth() {
        return truths[slot];
    }

    /** Hands the filled buffers over for counting, after the batch before has been counted. */
    void submit(long firstRow) {
        finish();
        FloatRows out = outs[slot];
        FloatRows truth = truths[slot];
        pending = THREADS.submit(() -> sink.accept(out, truth, firstRow));
        slot ^= 1;
    }

    /** Waits until every submitted batch has been counted. */
    void finish() {
        if (pending == null) {
            return;
        }
        Future<?> f = pending;
        pending = null;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
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

    /** Stops waiting for a batch still being counted (after a failure elsewhere; the report is abandoned). */
    @Override
    public void close() {
        if (pending != null) {
            pending.cancel(true);
            pending = null;
        }
    }
}

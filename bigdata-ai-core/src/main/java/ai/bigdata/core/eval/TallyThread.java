package ai.bigdata.core.eval;

import ai.bigdata.core.internal.FloatRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Feeds the batches of an evaluation to their sink on a second thread, one group of batches behind the
 * model: while the model computes the batches of group i + 1, the counters take in group i. Batches are
 * handed over in groups of about {@value #GROUP_VALUES} output values (at least one batch, so wide
 * outputs go one batch at a time and the buffers stay small), so that the hand-over
 * between the threads, which costs a wake-up, is paid once per group and not once per batch. Two sets
 * of buffers alternate, so a batch is never overwritten while it is being counted, and batches are
 * counted one at a time in order (the report is the same as on one thread). A failure in the sink is
 * rethrown, as it was, by the next {@link #submit} or by {@link #finish}.
 */
final class TallyThread implements AutoCloseable {
    /** What one batch of model outputs and true labels feeds (both valid until the next group but one). */
    interface Sink {
        void accept(FloatRows out, FloatRows truth, long firstRow);
    }

    /** Output values gathered before a group is handed to the counting thread. */
    static final int GROUP_VALUES = 16_384;

    private final Sink sink;
    private final Group[] groups = {new Group(), new Group()};
    private int slot;
    private Future<?> pending;

    TallyThread(Sink sink) {
        this.sink = sink;
    }

    /** The output buffer to fill for the next batch (not in use by the counting thread). */
    FloatRows nextOutputs() {
        return groups[slot].outputs();
    }

    /** The label buffer to fill for the next batch. */
    FloatRows nextTruth() {
        return groups[slot].truth();
    }

    /**
     * Adds the filled buffers of one batch, whose first row is {@code firstRow}, to the current group;
     * a full group is handed over for counting, after the group before has been counted.
     */
    void submit(long firstRow) {
        Group g = groups[slot];
        if (g.add(firstRow) >= GROUP_VALUES) {
            handOver();
        }
    }

    private void handOver() {
        Group g = groups[slot];
        if (g.size == 0) {
            return;
        }
        await();
        pending = EvaluationThreads.start(() -> g.drainTo(sink));
        slot ^= 1;
    }

    /** Counts what is left and waits until every submitted batch has been counted. */
    void finish() {
        handOver();
        await();
    }

    private void await() {
        if (pending == null) {
            return;
        }
        Future<?> f = pending;
        pending = null;
        EvaluationThreads.await(f);
    }

    /** Stops waiting for a group still being counted (after a failure elsewhere; the report is abandoned). */
    @Override
    public void close() {
        if (pending != null) {
            pending.cancel(true);
            pending = null;
        }
    }

    /** The buffers of the batches of one group, reused from group to group. */
    private static final class Group {
        private final List<FloatRows> outs = new ArrayList<>();
        private final List<FloatRows> truths = new ArrayList<>();
        private long[] firstRows = new long[4];
        private int size;
        private long values;

        FloatRows outputs() {
            if (outs.size() == size) {
                outs.add(new FloatRows());
            }
            return outs.get(size);
        }

        FloatRows truth() {
            if (truths.size() == size) {
                truths.add(new FloatRows());
            }
            return truths.get(size);
        }

        /** Closes the current batch; returns the output values in the group so far. */
        long add(long firstRow) {
            if (size == firstRows.length) {
                firstRows = Arrays.copyOf(firstRows, size * 2);
            }
            firstRows[size] = firstRow;
            FloatRows out = outs.get(size);
            values += (long) out.rows() * out.width();
            size++;
            return values;
        }

        /** Feeds every batch of the group to the sink, in order, and empties the group. */
        void drainTo(Sink sink) {
            for (int i = 0; i < size; i++) {
                sink.accept(outs.get(i), truths.get(i), firstRows[i]);
            }
            size = 0;
            values = 0;
        }
    }
}

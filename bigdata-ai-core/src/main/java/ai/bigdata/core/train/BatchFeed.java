package ai.bigdata.core.train;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.internal.Futures;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Feeds the trainer the batches of an epoch with the features to train on. Without a batch transform
 * these are the iterator's batches as they are. With one, the transform of the next batch runs on a
 * background thread while the trainer trains on the current one (one batch ahead, each batch copied out
 * of the iterator's memory first). The transform is a function of (features, epoch, batch index), so the
 * results are those of transforming on the training thread, on every run and after a resume; ND4J's
 * random generator on that thread is seeded from the trainer's seed, the epoch and the batch before each
 * call, so a transform that draws from it is repeatable too. A batch that fails to read while it is
 * fetched ahead fails when the trainer asks for it, after the batch before it has trained.
 */
final class BatchFeed implements AutoCloseable {
    /** A batch, its position in the epoch (from 0) and the features to train on. */
    record Fed(Batch batch, long index, INDArray features, boolean owned) {
        /** The same, valid after the iterator moves on. */
        Fed detached() {
            if (owned) {
                return this;
            }
            Batch copy = batch.detach();
            return new Fed(copy, index, features == batch.features() ? copy.features() : features, true);
        }
    }

    private final BatchTransform transform;
    private final long seed;
    private final ExecutorService ahead;
    private RuntimeException failedRead;
    private BatchIterator source;
    private int epoch;
    private long nextIndex;
    private Batch pendingBatch;
    private Future<INDArray> pending;

    /** A feed for {@code transform} (null: none) of a trainer with {@code seed}. */
    BatchFeed(BatchTransform transform, long seed) {
        this.transform = transform;
        this.seed = seed;
        this.ahead = transform == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bigdata-ai-batch-transform");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts epoch {@code epoch} of {@code it} (just reset), skipping its first {@code skip} batches (a resumed run). */
    void startEpoch(BatchIterator it, int epoch, long skip) {
        if (pending != null) {
            pending.cancel(true);
            pending = null;
        }
        this.failedRead = null;
        this.source = it;
        this.epoch = epoch;
        this.nextIndex = 0;
        while (nextIndex < skip && it.hasNext()) {
            it.next();
            nextIndex++;
        }
        pendingBatch = null;
        if (ahead != null) {
            startNext();
        }
    }

    /** Whether the epoch has another batch. */
    boolean hasNext() {
        return ahead == null ? source.hasNext() : pendingBatch != null || failedRead != null;
    }

    /** The next batch; without a transform it borrows the iterator's memory until the next call. */
    Fed next() {
        if (ahead == null) {
            Batch batch = source.next();
            return new Fed(batch, nextIndex++, batch.features(), false);
        }
        if (pendingBatch == null && failedRead != null) {
            throw failedRead;
        }
        Batch batch = pendingBatch;
        Future<INDArray> features = pending;
        long index = nextIndex - 1;
        startNext();
        return new Fed(batch, index, Futures.await(features, "waiting for the batch transform"), true);
    }

    private void startNext() {
        pendingBatch = null;
        pending = null;
        Batch batch;
        try {
            if (!source.hasNext()) {
                return;
            }
            batch = source.next().detach();
        } catch (RuntimeException e) {
            failedRead = e; // thrown when the trainer asks for this batch, after the one before it has trained
            return;
        }
        long index = nextIndex++;
        int e = epoch;
        long transformSeed = seed * 1_000_003L + 7_919L * e + index;
        pendingBatch = batch;
        pending = ahead.submit(() -> {
            Engine.useOnThisThread();
            Nd4j.getRandom().setSeed(transformSeed);
            return checked(transform.apply(batch.features(), e, index), batch, e, index);
        });
    }

    /** The transform's output, which must keep the features' shape. */
    private static INDArray checked(INDArray out, Batch batch, int epoch, long index) {
        if (out == null || !Arrays.equals(out.shape(), batch.features().shape())) {
            throw new IllegalStateException("the batch transform turned features of shape " + Arrays.toString(batch.features().shape())
                    + " into " + (out == null ? "null" : Arrays.toString(out.shape())) + " (epoch " + epoch + ", batch " + index
                    + "); it must keep the shape");
        }
        return out;
    }

    @Override
    public void close() {
        if (ahead != null) {
            ahead.shutdownNow();
            try {
                // a transform in flight (after a failure elsewhere) ends before fit returns; one that ignores
                // the interrupt is left to its daemon thread after this bound
                ahead.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

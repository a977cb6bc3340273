package ai.bigdata.core.serve;

import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.model.Model;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NeuralNetwork;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies of one network for concurrent callers, at most {@code max} of them: a caller borrows a copy
 * for one computation and gives it back; when all copies are busy, the next caller waits for one. The
 * copies are made from a private template that is itself never run, so nothing outside the pool (the
 * caller's training model in particular) is ever used or seen by it.
 */
final class ReplicaPool {
    private final NeuralNetwork template;
    private final int max;
    private final BlockingQueue<NeuralNetwork> idle;
    private int created;

    /** A pool of copies of {@code model} as it is now (later changes to {@code model} do not reach it). */
    ReplicaPool(NeuralNetwork model, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a predictor needs at least 1 replica, got " + max);
        }
        this.template = model.copy();
        this.max = max;
        this.idle = new ArrayBlockingQueue<>(max);
    }

    /** The most replicas this pool makes. */
    int capacity() {
        return max;
    }

    /** How many replicas exist so far. */
    synchronized int created() {
        return created;
    }

    /** A replica for the caller alone until {@link #giveBack}; waits when all {@link #capacity()} are busy. */
    NeuralNetwork borrow() {
        NeuralNetwork n = idle.poll();
        if (n != null) {
            return n;
        }
        boolean make;
        synchronized (this) {
            make = created < max;
            if (make) {
                created++;
            }
        }
        if (make) {
            try {
                synchronized (template) {
                    return template.copy();
                }
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    created--;
                }
                throw e;
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free model replica (all " + max + " are busy)", e);
        }
    }

    /** Returns a replica borrowed from this pool. */
    void giveBack(NeuralNetwork replica) {
        if (!idle.offer(replica)) {
            throw new IllegalStateException("a replica was given back twice or did not come from this pool");
        }
    }

    /**
     * The pool as a {@link Model}: each {@code output} call borrows a replica for that call only, so a
     * lazy dataset of predictions may be read at any time, from any thread, and never holds a replica
     * between chunks.
     */
    Model asModel(ModelSignature signature) {
        return new Model() {
            @Override
            public ModelSignature signature() {
                return signature;
            }

            @Override
            public INDArray output(INDArray features) {
                NeuralNetwork net = borrow();
                try {
                    Engine.useOnThisThread();
                    return net.output(features);
                } finally {
                    giveBack(net);
                }
            }
        };
    }
}

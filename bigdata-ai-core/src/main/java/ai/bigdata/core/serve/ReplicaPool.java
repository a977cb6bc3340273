package ai.bigdata.core.serve;

import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.model.Model;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Network;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies of one network for concurrent callers, at most {@code max} of them: a caller borrows a copy
 * for one computation and gives it back; when all copies are busy, the next caller waits for one. The
 * copies are made from a private template that is itself never run, so nothing outside the pool (the
 * caller's training model in particular) is ever used or seen by it. A copy that fails to be made
 * frees its place for a waiting caller; a copy given back twice, or one that was not lent, is refused,
 * so no copy is ever lent to two callers at once.
 */
final class ReplicaPool {
    private final Supplier<Network> copies;
    private final int max;
    /** Copies not lent; guarded by {@code this}. */
    private final ArrayDeque<Network> idle = new ArrayDeque<>();
    /** Copies lent and not yet given back, by identity; guarded by {@code this}. */
    private final Set<Network> lent = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Copies made or being made; guarded by {@code this}. */
    private int created;

    /** A pool of copies of {@code model} as it is now (later changes to {@code model} do not reach it). */
    ReplicaPool(Network model, int max) {
        this(copier(model.copy()), max);
    }

    /** A pool whose copies {@code copies} makes, one call per copy (called outside the pool's lock). */
    ReplicaPool(Supplier<Network> copies, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a predictor needs at least 1 replica, got " + max);
        }
        this.copies = copies;
        this.max = max;
    }

    private static Supplier<Network> copier(Network template) {
        return () -> {
            synchronized (template) {
                return template.copy();
            }
        };
    }

    /** The most replicas this pool makes. */
    int capacity() {
        return max;
    }

    /** How many replicas exist so far (or are being made). */
    synchronized int created() {
        return created;
    }

    /** A replica for the caller alone until {@link #giveBack}; waits when all {@link #capacity()} are busy. */
    Network borrow() {
        synchronized (this) {
            while (idle.isEmpty() && created >= max) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a free model replica (all " + max
                            + " are busy)", e);
                }
            }
            Network n = idle.poll();
            if (n != null) {
                lent.add(n);
                return n;
            }
            created++;
        }
        Network made;
        try {
            made = copies.get();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                created--;
                notifyAll();
            }
            throw e;
        }
        synchronized (this) {
            lent.add(made);
        }
        return made;
    }

    /** Returns a replica borrowed from this pool. */
    void giveBack(Network replica) {
        synchronized (this) {
            if (!lent.remove(replica)) {
                throw new IllegalStateException("a replica was given back twice or did not come from this pool");
            }
            idle.push(replica);
            notifyAll();
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
                Network net = borrow();
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

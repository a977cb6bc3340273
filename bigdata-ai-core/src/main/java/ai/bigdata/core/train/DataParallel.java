package ai.bigdata.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ai.bigdata.core.model.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Synchronous data-parallel training on one machine: n replicas of the network each train on their own
 * batch on their own thread, then parameters and optimiser state are averaged into every replica
 * (parameter averaging after every step). Replica 0 is the trainer's network. The averaging order is
 * fixed and every replica's dropout seed is derived from the batch number, so runs are deterministic.
 *
 * <p>Each replica trains with the iteration and epoch counters of the batch it is given (its number in
 * the whole run), so learning-rate schedules and Adam's bias correction see exactly what a single
 * worker sees at that batch; after a round every replica's counters are set to the batches done. The
 * counters are thus a function of the run's position, never of a replica's own past, which makes a
 * resume from any checkpoint exact.
 */
final class DataParallel implements AutoCloseable {
    private final Network[] replicas;
    private final ExecutorService pool;
    /** The engine's threads shared out between the workers (at least 1 each). */
    private final int threadsPerWorker;

    DataParallel(Network main, int workers) {
        threadsPerWorker = Math.max(1, ai.bigdata.core.engine.Engine.configuredThreads() / workers);
        replicas = new Network[workers];
        replicas[0] = main;
        for (int i = 1; i < workers; i++) {
            replicas[i] = main.copy();
        }
        pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "bigdata-ai-worker");
            t.setDaemon(true);
            return t;
        });
    }

    int workers() {
        return replicas.length;
    }

    /**
     * Trains replica i on {@code features.get(i)} / {@code labels.get(i)} (at most {@link #workers()}
     * batches) in parallel, then averages the replicas that trained and copies the average into all.
     *
     * @param firstSeed the random seed of the first batch (batch i gets {@code firstSeed + i})
     * @param firstIteration the iteration counter of the first batch (batch i trains at {@code firstIteration + i})
     * @param epoch the epoch counter of every batch of the round
     * @return the loss of each batch, in order
     */
    double[] fit(List<INDArray> features, List<INDArray> labels, long firstSeed, int firstIteration, int epoch) {
        int k = features.size();
        if (k > replicas.length) {
            throw new IllegalArgumentException("a round has at most " + replicas.length + " batches, got " + k);
        }
        List<Future<Double>> done = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int w = i;
            replicas[w].setIterationCount(Math.addExact(firstIteration, w));
            replicas[w].setEpochCount(epoch);
            done.add(pool.submit(() -> {
                ai.bigdata.core.engine.Engine.useOnThisThread(threadsPerWorker);
                Nd4j.getRandom().setSeed(firstSeed + w);
                return replicas[w].trainStep(features.get(w), labels.get(w));
            }));
        }
        double[] losses = new double[k];
        for (int i = 0; i < k; i++) {
            try {
                losses[i] = done.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        average(k);
        for (Network r : replicas) {
            r.setIterationCount(Math.addExact(firstIteration, k));
            r.setEpochCount(epoch);
        }
        return losses;
    }

    private void average(int trained) {
        INDArray params = replicas[0].parameters().dup();
        INDArray state = replicas[0].updaterState() == null ? null : replicas[0].updaterState().dup();
        for (int i = 1; i < trained; i++) {
            params.addi(replicas[i].parameters());
            if (state != null) {
                state.addi(replicas[i].updaterState());
            }
        }
        params.divi(trained);
        if (state != null) {
            state.divi(trained);
        }
        for (Network r : replicas) {
            r.parameters().assign(params);
            if (state != null) {
                r.updaterState().assign(state);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

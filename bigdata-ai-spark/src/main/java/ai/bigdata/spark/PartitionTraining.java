package ai.bigdata.spark;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Task;
import ai.bigdata.core.model.Network;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs on executors, one round of one partition: a replica read from the broadcast global network (with
 * its optimiser state) takes the round's local steps on the partition's rows, in core's mini-batch order,
 * and its parameters and optimiser state go back to the driver. Everything random (shuffle order, dropout)
 * is derived from the seed, the partition, the round and the step, so a task re-run elsewhere after a
 * lost executor computes the same update.
 */
final class PartitionTraining implements Function2<Integer, Iterator<byte[]>, Iterator<PartitionUpdate>> {
    private static final long serialVersionUID = 1L;
    /** Spreads the partitions' seeds apart; partition 0 keeps the trainer's seed. */
    private static final long PARTITION_STRIDE = 0x9E3779B97F4A7C15L;

    private final Broadcast<ShippedNetwork> global;
    private final ArrayList<ColumnSpec> columns;
    private final RoundPlan plan;
    private final int round;
    private final int iteration;

    /**
     * @param global the network every replica starts from
     * @param columns the staged rows' core columns
     * @param plan batch size, seed and local steps or epochs
     * @param round the round (0-based), the replicas' epoch counter
     * @param iteration the global network's iteration counter at the start of the round
     */
    PartitionTraining(Broadcast<ShippedNetwork> global, ArrayList<ColumnSpec> columns, RoundPlan plan, int round, int iteration) {
        this.global = global;
        this.columns = columns;
        this.plan = plan;
        this.round = round;
        this.iteration = iteration;
    }

    @Override
    public Iterator<PartitionUpdate> call(Integer partition, Iterator<byte[]> streams) {
        long start = System.nanoTime();
        try (Dataset data = StagedData.open(ColumnSpec.schema(columns), streams)) {
            if (data.rowCount() == 0) {
                return Collections.emptyIterator();
            }
            return List.of(train(partition, data, start)).iterator();
        }
    }

    private PartitionUpdate train(int partition, Dataset data, long start) {
        // the engine's thread count (OpenMP keeps it per thread): the same as core's trainer and evaluator use
        Engine.useOnThisThread();
        Network replica = global.value().open();
        ModelSignature sig = replica.signature();
        replica.setIterationCount(iteration);
        replica.setEpochCount(round);
        long seed = plan.seed() + partition * PARTITION_STRIDE;
        long rows = data.rowCount();
        long steps = plan.stepsFor(rows);
        BatchIterator.Builder b = data.batches().features(sig.featureNames().toArray(String[]::new)).batchSize(plan.batchSize())
                .shuffle(seed).startEpoch(round * plan.epochsPerRound(rows));
        if (sig.label() != null) {
            b.label(sig.label());
        }
        double lossSum = 0;
        long lossRows = 0;
        try (BatchIterator it = b.build()) {
            for (long s = 0; s < steps; s++) {
                if (!it.hasNext()) {
                    it.reset();
                }
                Batch batch = it.next();
                Nd4j.getRandom().setSeed(seed * 1_000_003L + iteration + s);
                INDArray x = replica.input(batch.features());
                // an autoencoder's target is its own input, row by row (as core's Trainer gives it)
                INDArray y = sig.task() == Task.RECONSTRUCTION ? x.reshape('c', x.size(0), -1) : batch.labels();
                double loss = replica.trainStep(x, y, batch.featuresMask(), batch.labelsMask());
                lossSum += loss * batch.size();
                lossRows += batch.size();
                if (!Double.isFinite(loss)) {
                    // the round's mean loss is then not finite either: the driver ends the run with core's
                    // TrainingDivergedException, as Trainer.fit does
                    break;
                }
            }
        }
        INDArray state = replica.updaterState();
        return new PartitionUpdate(partition, rows, steps, lossSum, lossRows, floats(replica.parameters()),
                state == null ? new float[0] : floats(state), (System.nanoTime() - start) / 1e9);
    }

    private static float[] floats(INDArray a) {
        return a.castTo(DataType.FLOAT).dup().data().asFloat();
    }
}

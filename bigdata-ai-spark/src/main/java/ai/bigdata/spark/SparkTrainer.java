package ai.bigdata.spark;

import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Task;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Data-parallel training of a core {@link Network} over a DataFrame's partitions, by parameter averaging.
 * The rows are converted once into core's Arrow form and persisted by Spark. Each round the driver
 * broadcasts the global network (parameters and optimiser state); every partition with rows trains a replica
 * on its own rows for the round's local epochs or steps, in core's mini-batch order; the driver averages the
 * replicas' parameters and optimiser states weighted by their rows and takes the result as the next global
 * network. The trained parameters are left in the network given to {@link #fit}.
 *
 * <p>The core {@link Trainer} gives the settings: optimiser and learning-rate schedule, weight decay, gradient
 * clipping, class weights, batch size, seed, and its epochs as the number of rounds. The network is created
 * with {@link Trainer#initialise} (the schedule laid out over the largest partition's steps per round), so a
 * network trained here is the same kind of object as one trained locally. The trainer's listeners, checkpoints,
 * early stopping, batch transform and workers are not used here; L-BFGS is refused.
 *
 * <p>Deterministic: shuffle orders and dropout noise derive from the seed, the partition, the round and the
 * step, and the average is summed in partition order, so a fixed partitioning and seed give the same
 * parameters, also when a lost executor's tasks re-run elsewhere. With one partition and one local epoch a
 * round is exactly an epoch of {@code Trainer.fit}.
 */
public final class SparkTrainer {
    private final Trainer trainer;
    private final int localEpochs;
    private final long localSteps;

    private SparkTrainer(Builder b) {
        this.trainer = b.trainer;
        this.localEpochs = b.localEpochs;
        this.localSteps = b.localSteps;
    }

    /** A new builder (defaults: core's default {@code Trainer}, one local epoch per round). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains {@code network} on the DataFrame with {@code label} as the label column (a string label is
     * categorical, so the network classifies); every other column is a feature.
     *
     * @return one record per round
     * @throws ColumnMismatchException when a column is missing, has no core type, or a value does not fit
     */
    public List<SparkRound> fit(Network network, org.apache.spark.sql.Dataset<Row> frame, String label) {
        return fit(network, DataFrames.reader(frame).label(label));
    }

    /**
     * Trains {@code network} on the reader's DataFrame, read with the reader's options (label, roles,
     * categorical columns, tensor shapes).
     *
     * @return one record per round
     * @throws ColumnMismatchException when a column has no core type or a value does not fit
     * @throws IllegalArgumentException when the DataFrame has no rows, the network segments images or cannot be
     *     averaged as replicas (a variational autoencoder, an int8 network), or the trainer uses L-BFGS
     * @throws ai.bigdata.core.model.SchemaMismatchException when a network that exists already was built for
     *     other columns
     */
    public List<SparkRound> fit(Network network, DataFrameImport reader) {
        Objects.requireNonNull(network, "network");

        if (network.workersUnsupported().isPresent()) {
            // partitions are replicas averaged each round, as the trainer's workers(n) are
            throw new IllegalArgumentException("SparkTrainer averages replicas, which " + network.workersUnsupported().get()
                    + " cannot be; train it with core's Trainer");
        }
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(reader.frame().sparkSession().sparkContext());
        RoundPlan plan = new RoundPlan(trainer.batchSize(), trainer.seed(), localEpochs, localSteps);
        try (StagedData data = StagedData.stage(reader)) {
            long largest = Arrays.stream(data.partitionRows()).max().orElse(0);
            if (largest == 0) {
                throw new IllegalArgumentException("cannot train on a DataFrame without rows");
            }
            ModelSignature sig = network.reconstructs() ? ModelSignature.reconstruction(data.schema()) : ModelSignature.supervised(data.schema());
            if (sig.task() == Task.SEGMENTATION) {
                throw new IllegalArgumentException("SparkTrainer does not train segmentation networks yet (per-element labels); use core's Trainer");
            }
            trainer.initialise(network, sig, plan.stepsFor(largest));
            List<SparkRound> rounds = new ArrayList<>();
            for (int r = 0; r < trainer.epochs(); r++) {
                rounds.add(round(spark, network, data, plan, r));
            }
            return rounds;
        }
    }

    private static SparkRound round(JavaSparkContext spark, Network network, StagedData data, RoundPlan plan, int round) {
        long start = System.nanoTime();
        int iteration = network.iterationCount();
        Broadcast<ShippedNetwork> global = spark.broadcast(ShippedNetwork.of(network, true));
        List<PartitionUpdate> updates;
        try {
            updates = data.streams()
                    .mapPartitionsWithIndex(new PartitionTraining(global, ColumnSpec.of(data.schema()), plan, round, iteration), true)
                    .collect();
        } catch (Exception e) {
            throw SparkFailures.rethrow(e);
        } finally {
            global.destroy();
        }
        WeightedAverage.into(network, updates);
        long steps = updates.stream().mapToLong(PartitionUpdate::steps).max().orElse(0);
        network.setIterationCount(Math.toIntExact(iteration + steps));
        network.setEpochCount(round + 1);
        double lossSum = updates.stream().mapToDouble(PartitionUpdate::lossSum).sum();
        long lossRows = updates.stream().mapToLong(PartitionUpdate::lossRows).sum();
        double slowest = updates.stream().mapToDouble(PartitionUpdate::seconds).max().orElse(0);
        return new SparkRound(round + 1, lossSum / Math.max(1, lossRows), updates.size(), steps, (System.nanoTime() - start) / 1e9, slowest);
    }

    /** Settings of a {@link SparkTrainer}. */
    public static final class Builder {
        private Trainer trainer = Trainer.builder().build();
        private int localEpochs = 1;
        private long localSteps;

        private Builder() {
        }

        /**
         * The core settings: optimiser, schedule, weight decay, clipping, class weights, batch size, seed, and
         * epochs, which are the rounds.
         */
        public Builder trainer(Trainer t) {
            this.trainer = Objects.requireNonNull(t, "trainer");
            return this;
        }

        /** Passes each partition makes over its rows per round (default 1); clears {@link #localSteps}. */
        public Builder localEpochs(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("localEpochs must be at least 1, got " + n);
            }
            this.localEpochs = n;
            this.localSteps = 0;
            return this;
        }

        /** Mini-batch steps each partition takes per round, whatever its size; replaces {@link #localEpochs}. */
        public Builder localSteps(long n) {
            if (n < 1) {
                throw new IllegalArgumentException("localSteps must be at least 1, got " + n);
            }
            this.localSteps = n;
            return this;
        }

        /** The trainer. */
        public SparkTrainer build() {
            return new SparkTrainer(this);
        }
    }
}

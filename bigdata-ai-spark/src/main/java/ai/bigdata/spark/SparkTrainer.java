package ai.bigdata.spark;

import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.model.Task;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingRun;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
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
 * network trained here is the same kind of object as one trained locally. L-BFGS is refused; the trainer's
 * batch transform and workers are not used.
 *
 * <p>On the driver, each round is one epoch of core's {@link TrainingRun}: the trainer's listeners hear
 * {@code onStart}, {@code onEpoch} (the round's mean training loss, validation metrics and seconds),
 * {@code onWarning} and {@code onEnd} (not {@code onBatch}: batches run on executors); with a validation
 * DataFrame each round is evaluated on the cluster (counters merged from the partitions, no curves) and the
 * trainer's early stopping watches those metrics, restoring the best round's parameters when it says so; the
 * trainer's checkpoints are written after the rounds they fall on (by epochs, or by batches or time checked at
 * round ends) with the averaged parameters and optimiser state, and {@link #resume} continues from one exactly.
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
     * @throws IllegalArgumentException when the DataFrame has no rows, the network segments images, is an
     *     encoder-decoder or cannot be averaged as replicas (a variational autoencoder, an int8 network), or the trainer uses L-BFGS or stops
     *     early (which needs validation data)
     * @throws ai.bigdata.core.model.SchemaMismatchException when a network that exists already was built for
     *     other columns
     */
    public List<SparkRound> fit(Network network, DataFrameImport reader) {
        return fit(network, reader, null).rounds();
    }

    /**
     * Trains {@code network} on {@code frame} and evaluates it on {@code validation} after every round (both with
     * {@code label} as the label column): the round's validation metrics go to the history, the listeners and the
     * trainer's early stopping. Test data must not be given here: early stopping selects the model on it. Without
     * validation data ({@code validation} null) the metrics are empty.
     *
     * @return the rounds and the run's history
     * @throws ColumnMismatchException when a column is missing, has no core type, or a value does not fit
     */
    public SparkTraining fit(Network network, org.apache.spark.sql.Dataset<Row> frame, org.apache.spark.sql.Dataset<Row> validation,
            String label) {
        return fit(network, DataFrames.reader(frame).label(label), reader(validation, label));
    }

    /**
     * Trains {@code network} on the reader's DataFrame; with a {@code validation} reader (may be null) every round
     * is evaluated on its DataFrame (counters merged from the partitions, no ROC or precision-recall curves), for
     * the history, the listeners and early stopping.
     *
     * @return the rounds and the run's history
     * @throws ColumnMismatchException when a column has no core type or a value does not fit
     * @throws IllegalArgumentException as {@link #fit(Network, DataFrameImport)}, or when validation data is given
     *     for a network that is neither a classifier nor a regressor
     * @throws ai.bigdata.core.model.SchemaMismatchException when the network exists already and was built for
     *     other columns, or the validation DataFrame does not fit it
     */
    public SparkTraining fit(Network network, DataFrameImport reader, DataFrameImport validation) {
        return train(null, network, reader, validation);
    }

    /**
     * Continues the run saved in {@code checkpoint} (see {@link ai.bigdata.core.train.Checkpoints#latest}) on the
     * same data and partitioning: the network, its optimiser state and counters, the history and early stopping's
     * state are restored into {@code network} (a fresh network of the same kind) and the rounds go on from the
     * next one, so the result equals the uninterrupted run's bit for bit. {@code validation} (null for none) must be
     * the one the run was validated on for its rounds to be validated alike.
     *
     * @return the rounds trained by this call and the history of the whole run
     * @throws IllegalArgumentException when the checkpoint is damaged, holds another kind of network, or was
     *     written by another trainer, seed, batch size, local epochs or steps, or partitioning
     * @throws ai.bigdata.core.model.SchemaMismatchException when the checkpoint's network was built for other
     *     columns or another label
     */
    public SparkTraining resume(Path checkpoint, Network network, org.apache.spark.sql.Dataset<Row> frame,
            org.apache.spark.sql.Dataset<Row> validation, String label) {
        return resume(checkpoint, network, DataFrames.reader(frame).label(label), reader(validation, label));
    }

    /** As {@link #resume(Path, Network, org.apache.spark.sql.Dataset, org.apache.spark.sql.Dataset, String)}, with readers. */
    public SparkTraining resume(Path checkpoint, Network network, DataFrameImport reader, DataFrameImport validation) {
        return train(Objects.requireNonNull(checkpoint, "checkpoint"), network, reader, validation);
    }

    private static DataFrameImport reader(org.apache.spark.sql.Dataset<Row> frame, String label) {
        return frame == null ? null : DataFrames.reader(frame).label(label);
    }

    private SparkTraining train(Path checkpoint, Network network, DataFrameImport reader, DataFrameImport validation) {
        Objects.requireNonNull(network, "network");
        if (network.workersUnsupported().isPresent()) {
            // partitions are replicas averaged each round, as the trainer's workers(n) are
            throw new IllegalArgumentException("SparkTrainer averages replicas, which " + network.workersUnsupported().get()
                    + " cannot be; train it with core's Trainer");
        }
        if (network instanceof ai.bigdata.core.model.Seq2SeqNetwork) {
            throw new IllegalArgumentException("SparkTrainer does not train encoder-decoders yet (their replicas are averaged"
                    + " only by core's workers(n), where it is tested); use core's Trainer");
        }
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(reader.frame().sparkSession().sparkContext());
        RoundPlan plan = new RoundPlan(trainer.batchSize(), trainer.seed(), localEpochs, localSteps);
        try (StagedData data = StagedData.stage(reader); StagedData checked = validation == null ? null : StagedData.stage(validation)) {
            long[] rows = data.partitionRows();
            long largest = Arrays.stream(rows).max().orElse(0);
            if (largest == 0) {
                throw new IllegalArgumentException("cannot train on a DataFrame without rows");
            }
            ModelSignature sig = network.reconstructs() ? ModelSignature.reconstruction(data.schema()) : ModelSignature.supervised(data.schema());
            if (sig.task() == Task.SEGMENTATION) {
                throw new IllegalArgumentException("SparkTrainer does not train segmentation networks yet (per-element labels); use core's Trainer");
            }
            if (checked != null && !(sig.task() == Task.CLASSIFICATION || sig.task() == Task.REGRESSION)) {
                throw new IllegalArgumentException("a validation DataFrame needs a classifier or a regressor (SparkEvaluator's metrics);"
                        + " this network's task is " + sig.task());
            }
            long steps = plan.stepsFor(largest);
            String origin = origin(rows);
            TrainingRun run;
            if (checkpoint == null) {
                trainer.initialise(network, sig, steps);
                checkValidation(network, checked);
                run = TrainingRun.start(trainer, network, steps, origin, checked != null);
                long empty = Arrays.stream(rows).filter(n -> n == 0).count();
                if (empty > 0) {
                    run.warn(empty + " of " + rows.length + " partitions hold no rows and train nothing; repartition the DataFrame"
                            + " to use every task");
                }
            } else {
                run = TrainingRun.resume(trainer, checkpoint, network, data.schema(), steps, origin, checked != null);
                requireSameColumns(checkpoint, network.signature(), sig);
                checkValidation(network, checked);
            }
            return new RoundLoop(spark, data, plan, checked).run(network, run);
        }
    }

    /**
     * A resumed run trains on every non-label column, as the checkpointed one did: the checkpoint's features,
     * label and task must be the DataFrame's.
     */
    private static void requireSameColumns(Path checkpoint, ModelSignature saved, ModelSignature data) {
        java.util.Set<String> differ = new java.util.TreeSet<>(saved.featureNames());
        differ.addAll(data.featureNames());
        differ.removeIf(c -> saved.featureNames().contains(c) && data.featureNames().contains(c));
        if (!differ.isEmpty() || !Objects.equals(saved.label(), data.label()) || saved.task() != data.task()) {
            if (!Objects.equals(saved.label(), data.label())) {
                differ.add(String.valueOf(data.label()));
            }
            throw new SchemaMismatchException(List.copyOf(differ), "checkpoint " + checkpoint + " holds a network for features "
                    + saved.featureNames() + " and label '" + saved.label() + "' (" + saved.task() + "); this DataFrame has features "
                    + data.featureNames() + " and label '" + data.label() + "' (" + data.task() + ")");
        }
    }

    /** Core's schema and class checks of the validation rows, on the driver before any round. */
    private static void checkValidation(Network network, StagedData validation) {
        if (validation != null) {
            SparkEvaluator.emptyPart(network, validation.schema(), false);
        }
    }

    /**
     * What a run's rounds depend on besides the trainer's settings and the rows: kept in its checkpoints, so a
     * run resumes only where it would continue exactly.
     */
    private String origin(long[] partitionRows) {
        return "SparkTrainer: localEpochs " + (localSteps > 0 ? 0 : localEpochs) + ", localSteps " + localSteps + ", partition rows "
                + Arrays.toString(partitionRows);
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

package ai.bigdata.core.train;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NetworkSettings;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.model.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a {@link Network} of any family ({@code NeuralNetwork}, {@code GraphNetwork}) on a dataset:
 * mini-batches straight from the Arrow data, an optimiser
 * with a learning-rate schedule, per-epoch validation, early stopping with best-model restore,
 * atomic checkpoints with exact resume, divergence detection and listeners.
 *
 * <p>Runs are deterministic: the shuffle order of epoch {@code e} and the dropout noise of every batch
 * are derived from the seed, the epoch and the batch number, so the same seed, data and thread count
 * give the same parameters, and a run resumed from any checkpoint ends with the same parameters as an
 * uninterrupted one. A Trainer is an immutable recipe; one instance may train many models.
 */
public final class Trainer {
    private final int epochs;
    private final int batchSize;
    private final Optimizer optimizer;
    private final double clipGradientNorm;
    private final Map<String, Double> classWeights;
    private final long seed;
    private final EarlyStopping earlyStopping;
    private final Checkpoints checkpoints;
    private final List<TrainingListener> listeners;
    private final int workers;
    private final BatchTransform batchTransform;

    private Trainer(Builder b) {
        this.workers = b.workers;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.optimizer = b.optimizer;
        this.clipGradientNorm = b.clipGradientNorm;
        this.classWeights = b.classWeights;
        this.seed = b.seed;
        this.earlyStopping = b.earlyStopping;
        this.checkpoints = b.checkpoints;
        this.listeners = List.copyOf(b.listeners);
        this.batchTransform = b.batchTransform;
    }

    /** A new trainer builder (defaults: 10 epochs, batch 32, Adam 1e-3, seed 42). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains {@code model} on {@code train}; with {@code validation} (may be null) every epoch is
     * evaluated on it and early stopping can watch it. The model's input and output sizes come from
     * the training data's schema (feature and label roles); an autoencoder reconstructs its features.
     */
    public TrainingHistory fit(Network model, Dataset train, Dataset validation) {
        ModelSignature sig = model.reconstructs() ? ModelSignature.reconstruction(train.schema())
                : ModelSignature.supervised(train.schema());
        if (validation != null) {
            sig.check(validation.schema());
        }
        long perEpoch = batchesPerEpoch(train);
        model.initialise(sig, new NetworkSettings(seed, optimizer.updater(epochs, perEpoch), optimizer.weightDecay(),
                clipGradientNorm, weights(sig)));
        if (optimizer.fullBatch()) {
            refuseMiniBatchOptions();
            return FullBatchFit.fit(model, sig, train, validation, optimizer, listeners,
                    (m, v) -> ValidationMetrics.of(m, sig, v));
        }
        TrainingState state = new TrainingState();
        state.seed = seed;
        state.batchSize = batchSize;
        return run(model, sig, train, validation, state, null);
    }

    /**
     * Creates {@code model} for {@code signature} with this trainer's optimiser, seed, gradient clipping
     * and class weights, without training it: for a party that holds no rows of its own, such as a
     * federated server. A learning-rate schedule is laid out over {@code batchesPerEpoch} batches per
     * epoch. When the model exists already, its signature is checked instead.
     *
     * @throws IllegalArgumentException for L-BFGS (it trains in one piece on rows it holds) or
     *     {@code batchesPerEpoch < 1}
     * @throws ai.bigdata.core.model.SchemaMismatchException when an existing model was built for another signature
     */
    public void initialise(Network model, ModelSignature signature, long batchesPerEpoch) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(signature, "signature");
        if (optimizer.fullBatch()) {
            throw new IllegalArgumentException("Optimizer.lbfgs() solves on a whole training set at once; initialise a network"
                    + " for mini-batch training with sgd, momentum, adam, adamW or rmsProp");
        }
        if (batchesPerEpoch < 1) {
            throw new IllegalArgumentException("batchesPerEpoch must be >= 1, got " + batchesPerEpoch);
        }
        model.initialise(signature, new NetworkSettings(seed, optimizer.updater(epochs, batchesPerEpoch), optimizer.weightDecay(),
                clipGradientNorm, weights(signature)));
    }

    /** Options that only a mini-batch run has: L-BFGS solves in one piece, so they are refused rather than ignored. */
    private void refuseMiniBatchOptions() {
        List<String> set = new ArrayList<>();
        if (checkpoints != null) {
            set.add("checkpoints");
        }
        if (earlyStopping != null) {
            set.add("earlyStopping");
        }
        if (workers > 1) {
            set.add("workers(" + workers + ")");
        }
        if (classWeights != null) {
            set.add("classWeights");
        }
        if (clipGradientNorm > 0) {
            set.add("clipGradientNorm");
        }
        if (batchTransform != null) {
            set.add("batchTransform");
        }
        if (!set.isEmpty()) {
            throw new IllegalArgumentException("Optimizer.lbfgs() solves on the whole training set at once; " + set
                    + " apply to mini-batch training only");
        }
    }

    /** Trains without validation data. */
    public TrainingHistory fit(Network model, Dataset train) {
        return fit(model, train, null);
    }

    /**
     * Continues the run saved in {@code checkpoint} (see {@link Checkpoints#latest}) with the same
     * data: the network, optimiser state, epoch, batch position and history are restored into
     * {@code model} (a fresh network of the same kind), and training goes on exactly as if it had
     * never stopped.
     *
     * @throws IllegalArgumentException when the checkpoint is damaged, was written with another seed or
     *     batch size, or is for another kind of network
     */
    public TrainingHistory resume(Path checkpoint, Network model, Dataset train, Dataset validation) {
        CheckpointFile.Contents c = opened(checkpoint, model, train.schema(), null);
        model.restore(c.network());
        return run(model, c.signature(), train, validation, c.state(), checkpoint);
    }

    /**
     * A checkpoint read for resuming {@code model} on rows of {@code train}: refused when it holds another kind
     * of network, was written by another {@code origin} (null: this trainer's own runs), with another seed or
     * batch size, or for other feature columns.
     */
    CheckpointFile.Contents opened(Path checkpoint, Network model, ai.bigdata.core.data.Schema train, String origin) {
        CheckpointFile.Contents c = CheckpointFile.read(checkpoint);
        if (!c.network().family().equals(model.family()) || !c.network().kind().equals(model.kind())) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " holds a " + describe(c.network()) + ", not a "
                    + describe(model));
        }
        if (!Objects.equals(c.state().origin, origin)) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " was written by " + originName(c.state().origin)
                    + "; this run is " + originName(origin) + ", so it could not continue exactly");
        }
        if (c.state().seed != seed || c.state().batchSize != batchSize) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " was written with seed " + c.state().seed + " and batch size "
                    + c.state().batchSize + "; this trainer has seed " + seed + " and batch size " + batchSize
                    + ", so the run could not continue exactly");
        }
        c.signature().check(train);
        return c;
    }

    private static String originName(String origin) {
        return origin == null ? "Trainer.fit" : "'" + origin + "'";
    }

    /** The kind, with the family when it is not the original multilayer one (messages stay as they were for those). */
    private static String describe(Network n) {
        return n.family().equals(ai.bigdata.core.model.NeuralNetwork.FAMILY) ? n.kind() : n.family() + " " + n.kind();
    }

    private long batchesPerEpoch(Dataset train) {
        long rows = train.rowCount();
        if (rows == 0) {
            throw new IllegalArgumentException("cannot train on an empty dataset");
        }
        return (rows + batchSize - 1) / batchSize;
    }

    private double[] weights(ModelSignature sig) {
        if (classWeights == null) {
            return null;
        }
        if (sig.task() != Task.CLASSIFICATION) {
            throw new IllegalArgumentException("class weights need a categorical label; '" + sig.label() + "' is " + sig.task());
        }
        double[] w = new double[sig.classNames().size()];
        java.util.Arrays.fill(w, 1.0);
        for (Map.Entry<String, Double> e : classWeights.entrySet()) {
            int k = sig.classNames().indexOf(e.getKey());
            if (k < 0) {
                throw new IllegalArgumentException("class weight for unknown class '" + e.getKey() + "'; classes are " + sig.classNames());
            }
            w[k] = e.getValue();
        }
        return w;
    }

    /** Trains from {@code state} on; {@code resumedFrom} is the checkpoint it was read from (null for a new run). */
    private TrainingHistory run(Network model, ModelSignature sig, Dataset train, Dataset validation, TrainingState state,
            Path resumedFrom) {
        ai.bigdata.core.engine.Engine.useOnThisThread();
        if (workers > 1 && model.workersUnsupported().isPresent()) {
            throw new IllegalArgumentException("workers(" + workers + ") is not available for "
                    + model.workersUnsupported().get() + "; use workers(1)");
        }
        long perEpoch = batchesPerEpoch(train);
        if (resumedFrom != null && (state.batchInEpoch >= perEpoch || state.totalBatches != state.epoch * perEpoch + state.batchInEpoch)) {
            // a checkpoint of this trainer stands at a batch of an epoch of these rows: anything else is other data, or damage
            throw new IllegalArgumentException("checkpoint " + resumedFrom + " stands at batch " + state.batchInEpoch + " of epoch "
                    + (state.epoch + 1) + " after " + state.totalBatches + " batches, which does not fit epochs of " + perEpoch
                    + " batches over these rows: it was written for other data, or is damaged");
        }
        RunRecorder rec = recorder(model, state, resumedFrom);
        rec.start(perEpoch);
        BatchIterator.Builder ib = train.batches().features(sig.featureNames().toArray(String[]::new)).batchSize(batchSize)
                .shuffle(seed).startEpoch(state.epoch);
        if (sig.label() != null) {
            ib.label(sig.label());
        }
        FeatureScaleCheck scale = new FeatureScaleCheck(sig);
        // the network's iteration counter at batch 0 of this run's state (0 unless a trained network trains on)
        long iterationBase = model.iterationCount() - state.totalBatches;
        try (BatchIterator it = ib.build(); BatchFeed feed = new BatchFeed(batchTransform, seed);
             DataParallel parallel = workers > 1 ? new DataParallel(model, workers) : null) {
            while (!rec.done()) {
                long epochStart = System.nanoTime();
                model.setEpochCount(state.epoch);
                List<BatchFeed.Fed> round = new ArrayList<>();
                feed.startEpoch(it, state.epoch, state.batchInEpoch);
                while (feed.hasNext()) {
                    BatchFeed.Fed fed = feed.next();
                    long b = fed.index() + 1;
                    if (scale.looksAt(state.totalBatches + round.size())) {
                        rec.warn(scale.check(fed.batch().features(), state.epoch, b - 1, state.warnings));
                    }
                    if (parallel == null) {
                        trainBatch(model, fed, state, rec, perEpoch);
                    } else {
                        round.add(fed.detached());
                        if (round.size() < workers && feed.hasNext()) {
                            continue;
                        }
                        trainRound(model, parallel, round, state, rec, b - round.size(), perEpoch, iterationBase);
                        round.clear();
                    }
                    state.batchInEpoch = b;
                    if (b < perEpoch && rec.checkpointDueInEpoch()) {
                        state.epochSeconds += (System.nanoTime() - epochStart) / 1e9;
                        epochStart = System.nanoTime();
                        rec.checkpoint();
                    }
                }
                it.reset();
                double seconds = state.epochSeconds + (System.nanoTime() - epochStart) / 1e9; // training only, as before
                Map<String, Double> metrics = new LinkedHashMap<>();
                if (validation != null) {
                    metrics.putAll(ValidationMetrics.of(model, sig, validation));
                }
                rec.endEpoch(state.lossSum / Math.max(1, state.lossRows), metrics, validation != null, seconds);
            }
        }
        return rec.finish();
    }

    /** The bookkeeping of a run of {@code model} with this trainer's epochs, early stopping, checkpoints and listeners. */
    RunRecorder recorder(Network model, TrainingState state, Path resumedFrom) {
        return new RunRecorder(epochs, earlyStopping, checkpoints, listeners, model, state, resumedFrom);
    }

    private void trainBatch(Network model, BatchFeed.Fed fed, TrainingState state, RunRecorder rec, long perEpoch) {
        Nd4j.getRandom().setSeed(seed * 1_000_003L + state.totalBatches);
        INDArray x = model.input(fed.features());
        Batch batch = fed.batch();
        INDArray y = targets(model, batch, x);
        rec.batch(fed.index(), perEpoch, batch.size(), model.trainStep(x, y, batch.featuresMask(), batch.labelsMask()));
    }

    /** What the network learns to output: the labels, or its own (flattened) input when it reconstructs. */
    private static INDArray targets(Network model, Batch batch, INDArray x) {
        ModelSignature sig = model.signature();
        if (sig.task() == Task.SEGMENTATION) {
            // one-hot rows [n, classes * elements] as the network's per-element output [n, classes, ...maskShape]
            int[] shape = sig.outputShape();
            long[] full = new long[shape.length + 1];
            full[0] = batch.labels().size(0);
            for (int i = 0; i < shape.length; i++) {
                full[i + 1] = shape[i];
            }
            return batch.labels().reshape('c', full);
        }
        return sig.task() == Task.RECONSTRUCTION ? x.reshape('c', x.size(0), -1) : batch.labels();
    }

    /** Trains a round of batches on the parallel replicas (first batch number {@code b}). */
    private void trainRound(Network model, DataParallel parallel, List<BatchFeed.Fed> round, TrainingState state, RunRecorder rec,
            long b, long perEpoch, long iterationBase) {
        List<INDArray> xs = new ArrayList<>();
        List<INDArray> ys = new ArrayList<>();
        for (BatchFeed.Fed fed : round) {
            INDArray x = model.input(fed.features());
            xs.add(x);
            ys.add(targets(model, fed.batch(), x));
        }
        double[] losses = parallel.fit(xs, ys, seed * 1_000_003L + state.totalBatches,
                Math.toIntExact(iterationBase + state.totalBatches), state.epoch);
        for (int i = 0; i < losses.length; i++) {
            rec.batch(b + i, perEpoch, round.get(i).batch().size(), losses[i]);
        }
    }

    /** Whether early stopping is set: it needs validation data. */
    boolean stopsEarly() {
        return earlyStopping != null;
    }

    /** The epochs. */
    public int epochs() {
        return epochs;
    }

    /** The batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "trainer: " + epochs + " epochs, batch " + batchSize + ", " + optimizer + ", seed " + seed
                + (workers > 1 ? ", " + workers + " workers" : "") + (earlyStopping != null ? ", " + earlyStopping : "")
                + (checkpoints != null ? ", " + checkpoints : "");
    }

    /** Options of a {@link Trainer}. */
    public static final class Builder {
        private int epochs = 10;
        private int batchSize = 32;
        private Optimizer optimizer = Optimizer.adam(1e-3);
        private double clipGradientNorm;
        private Map<String, Double> classWeights;
        private long seed = 42;
        private EarlyStopping earlyStopping;
        private Checkpoints checkpoints;
        private int workers = 1;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private BatchTransform batchTransform;

        private Builder() {
        }

        /**
         * Trains {@code n} replicas in parallel on CPU threads (each on its own batch, parameters and
         * optimiser state averaged after every step); 1 (the default) trains one network.
         */
        public Builder workers(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("workers must be positive, got " + n);
            }
            this.workers = n;
            return this;
        }

        /** Epochs to train (an upper bound with early stopping). */
        public Builder epochs(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("epochs must be positive, got " + n);
            }
            this.epochs = n;
            return this;
        }

        /** Rows per mini-batch. */
        public Builder batchSize(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("batchSize must be positive, got " + n);
            }
            this.batchSize = n;
            return this;
        }

        /** The optimiser (default Adam with learning rate 1e-3). */
        public Builder optimizer(Optimizer o) {
            this.optimizer = Objects.requireNonNull(o, "optimizer");
            return this;
        }

        /** Clips each layer's gradient to this L2 norm (default: no clipping). */
        public Builder clipGradientNorm(double maxNorm) {
            if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
                throw new IllegalArgumentException("clipGradientNorm must be positive and finite, got " + maxNorm);
            }
            this.clipGradientNorm = maxNorm;
            return this;
        }

        /** Weights of the loss per class name (classes not named weigh 1). */
        public Builder classWeights(Map<String, Double> weights) {
            weights.forEach((k, v) -> {
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("class weight of '" + k + "' must be positive and finite, got " + v);
                }
            });
            this.classWeights = Map.copyOf(weights);
            return this;
        }

        /** The seed of initialisation, shuffling and dropout (default 42). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Stops early on a validation metric. */
        public Builder earlyStopping(EarlyStopping e) {
            this.earlyStopping = Objects.requireNonNull(e, "earlyStopping");
            return this;
        }

        /** Writes checkpoints. */
        public Builder checkpoints(Checkpoints c) {
            this.checkpoints = Objects.requireNonNull(c, "checkpoints");
            return this;
        }

        /**
         * Changes each training batch's features before its step (augmentation, for example): seeded by
         * epoch and batch position, so runs, parallel workers and resumed runs see the same batches.
         */
        public Builder batchTransform(BatchTransform t) {
            this.batchTransform = java.util.Objects.requireNonNull(t, "batch transform");
            return this;
        }

        /** Adds a listener (for example {@code new ConsoleProgress(System.err)}). */
        public Builder listener(TrainingListener l) {
            this.listeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        /** The trainer. */
        public Trainer build() {
            return new Trainer(this);
        }
    }
}

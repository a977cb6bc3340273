package ai.bigdata.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable network behind the {@link Model} interface, whatever its shape: {@link NeuralNetwork}
 * (a DL4J {@code MultiLayerNetwork}, a stack of layers) or {@link GraphNetwork} (a DL4J
 * {@code ComputationGraph}: residual and skip connections). This is what {@code Trainer},
 * {@code ModelBundle}, {@code Predictor}, {@code CrossValidation} and checkpoints take: a network stays
 * a recipe until the trainer first sees data ({@link #initialise}), then trains one batch at a time
 * ({@link #trainStep}), copies itself for other threads ({@link #copy}), exposes its flat parameter
 * and optimiser-state views for data-parallel averaging, and writes and reads itself ({@link #write},
 * {@link #read}).
 *
 * <p>Each family is its own type; the family name ({@link #family()}) and the kind name
 * ({@link #kind()}) are stored in bundles and checkpoints so that {@link #read} restores the right type.
 * Only this package defines families; other modules supply builders through
 * {@link NeuralNetwork#of(String, NetworkRecipe)} and {@link GraphNetwork#of(String, GraphRecipe)}.
 *
 * <p>Not thread-safe: one thread trains or predicts at a time.
 */
public abstract class Network implements Model {
    private final String kind;
    private final String description;
    private ModelSignature signature;

    Network(String kind, String description, ModelSignature signature) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.description = Objects.requireNonNull(description, "description");
        this.signature = signature;
    }

    /**
     * Reads a network written by {@link #write}, given the family, kind, description and signature
     * stored beside it.
     *
     * @throws IllegalArgumentException when the family or kind is unknown to this library
     * @throws IOException when the stream cannot be read as a network of that family
     */
    public static Network read(String family, String kind, String description, ModelSignature signature, InputStream in,
            boolean withUpdater) throws IOException {
        return NetworkFamilies.reader(family).read(kind, description, signature, in, withUpdater);
    }

    /** The family's stored name: {@code "multilayer"} or {@code "graph"}. */
    public abstract String family();

    /** What kind of network this is within its family (for example mlp, lstm, residual-cnn, wrapped). */
    public final String kind() {
        return kind;
    }

    /** A one-line description of the architecture. */
    public final String description() {
        return description;
    }

    /** Whether this network learns to reconstruct its input (autoencoder or VAE) rather than a label. */
    public boolean reconstructs() {
        return false;
    }

    /** Whether the network exists (it does after the first training call, or when wrapped or read). */
    public abstract boolean isInitialised();

    /**
     * Creates the network for this signature with the trainer's settings; when it exists already, checks
     * that the signature is the one it was built for (training continues where it was).
     *
     * @throws SchemaMismatchException when an existing network was built for other columns, or the
     *     builder cannot serve the signature
     */
    public final void initialise(ModelSignature sig, NetworkSettings settings) {
        Objects.requireNonNull(sig, "signature");
        Objects.requireNonNull(settings, "settings");
        if (isInitialised()) {
            if (!sig.equals(signature)) {
                throw new SchemaMismatchException(sig.featureNames(), "this network was built for " + signature
                        + " and cannot train on " + sig);
            }
            return;
        }
        create(sig, settings);
        this.signature = sig;
    }

    /** Builds the family's network from its recipe for this signature. */
    abstract void create(ModelSignature sig, NetworkSettings settings);

    /**
     * Replaces this network by one restored from a checkpoint: the same family and kind, and the same
     * signature when this network exists already.
     *
     * @throws IllegalArgumentException when {@code checkpointed} is of another family or kind
     * @throws SchemaMismatchException when it was written for other columns
     */
    public final void restore(Network checkpointed) {
        if (checkpointed.getClass() != getClass() || !checkpointed.kind().equals(kind)) {
            throw new IllegalArgumentException("cannot restore a " + checkpointed.family() + " " + checkpointed.kind()
                    + " network into a " + family() + " " + kind + " network");
        }
        checkSameSignature(checkpointed.signature());
        adopt(checkpointed);
        this.signature = checkpointed.signature();
    }

    void checkSameSignature(ModelSignature sig) {
        if (signature != null && !signature.equals(sig)) {
            throw new SchemaMismatchException(sig.featureNames(), "the checkpoint was written for " + sig
                    + " but this network was built for " + signature);
        }
    }

    void setSignature(ModelSignature sig) {
        this.signature = sig;
    }

    /** Takes over the DL4J network of {@code other}, a network of the same class. */
    abstract void adopt(Network other);

    /** Trains on one batch without masks; see {@link #trainStep(INDArray, INDArray, INDArray, INDArray)}. */
    public final double trainStep(INDArray features, INDArray labels) {
        return trainStep(features, labels, null, null);
    }

    /**
     * Trains on one batch ({@code features} in the layout {@link #input} gives) and returns its loss:
     * a supervised step on {@code labels}, or the family's own step (a VAE's unsupervised step).
     *
     * @param featuresMask the features mask of sequences, or null
     * @param labelsMask the labels mask of sequences, or null
     */
    public abstract double trainStep(INDArray features, INDArray labels, INDArray featuresMask, INDArray labelsMask);

    /**
     * The features in the layout this network reads, from a batch shaped {@code [rows, ...shape]}: dense
     * stacks flatten it (a view when it is contiguous), the others read it as it is.
     */
    public abstract INDArray input(INDArray features);

    /** An independent copy (same parameters and optimiser state, own buffers), for another thread. */
    public abstract Network copy();

    /** Number of trainable parameters. */
    public abstract long parameterCount();

    /** Writes the network's configuration and parameters (and the optimiser's state, if asked). */
    public abstract void write(OutputStream out, boolean withUpdater) throws IOException;

    /** The flat view of all parameters (writing to it changes the network). */
    public abstract INDArray parameters();

    /** Sets every parameter from a flat array of {@link #parameterCount()} values. */
    public abstract void setParameters(INDArray values);

    /** The flat view of the optimiser's state (writing to it changes the optimiser), or null when it has none. */
    public abstract INDArray updaterState();

    /** The number of training steps taken so far (drives schedules and Adam's bias correction). */
    public abstract int iterationCount();

    /** Sets the iteration counter (data-parallel replicas train at the run's batch number). */
    public abstract void setIterationCount(int iteration);

    /** Sets the epoch counter (drives epoch-based schedules). */
    public abstract void setEpochCount(int epoch);

    /** The current learning rate of the first layer with parameters, or NaN when it has none. */
    public abstract double learningRate();

    /**
     * Why {@code Trainer.workers(n)} with n above 1 cannot train this network, or empty when it can
     * (parameter and optimiser-state averaging after each step).
     */
    public Optional<String> workersUnsupported() {
        return Optional.empty();
    }

    /**
     * A plain-Java pass for small requests when this network is a dense stack it covers exactly (the
     * predictor uses it for up to 32 rows), else empty. The pass holds its own copy of the parameters.
     */
    public Optional<DenseInference> denseInference() {
        return Optional.empty();
    }

    @Override
    public ModelSignature signature() {
        requireInitialised();
        return signature;
    }

    void requireInitialised() {
        if (!isInitialised()) {
            throw new IllegalStateException("the " + kind + " is not trained yet: give it to Trainer.fit first");
        }
    }

    @Override
    public String toString() {
        return description + (signature == null ? " (untrained)" : ", " + signature + ", " + parameterCount() + " parameters");
    }
}

package ai.bigdata.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J network behind the {@link Model} interface. Built by a small builder ({@link #mlp()},
 * {@link #logisticRegression()}, {@link #linearRegression()}, {@link #autoencoder()}, {@link #lstm()}),
 * it stays a recipe until the trainer first sees data: then the input and output sizes come from the
 * data's schema and the network is initialised with the trainer's seed and optimiser. {@link #wrap}
 * takes any {@link MultiLayerNetwork} the user built.
 *
 * <p>Not thread-safe: one thread trains or predicts at a time ({@code Predictor} serves many threads
 * with one replica each).
 */
public final class NeuralNetwork implements Model {
    private final String kind;
    private final NetworkRecipe recipe;
    private final String description;
    private MultiLayerNetwork network;
    private ModelSignature signature;

    NeuralNetwork(String kind, NetworkRecipe recipe, String description) {
        this.kind = kind;
        this.recipe = recipe;
        this.description = description;
    }

    private NeuralNetwork(String kind, String description, MultiLayerNetwork network, ModelSignature signature) {
        this.kind = kind;
        this.recipe = null;
        this.description = description;
        this.network = network;
        this.signature = signature;
    }

    /** A multi-layer perceptron; choose hidden sizes, activation, dropout, batch norm, L2. */
    public static Mlp mlp() {
        return new Mlp("mlp", null);
    }

    /** Multinomial logistic (softmax) regression: needs a categorical label. */
    public static Mlp logisticRegression() {
        return new Mlp("logistic-regression", Task.CLASSIFICATION);
    }

    /** Linear regression on mean squared error: needs a numeric label. */
    public static Mlp linearRegression() {
        return new Mlp("linear-regression", Task.REGRESSION);
    }

    /** A dense autoencoder whose reconstruction error is an anomaly score. */
    public static Autoencoder autoencoder() {
        return new Autoencoder();
    }

    /** A variational autoencoder; its reconstruction error is an anomaly score. */
    public static VariationalAutoencoder variationalAutoencoder() {
        return new VariationalAutoencoder();
    }

    /** Whether this network learns to reconstruct its input (autoencoder or VAE) rather than a label. */
    public boolean reconstructs() {
        return kind.equals("autoencoder") || kind.equals("vae");
    }

    /**
     * Trains on one batch: a supervised step, or for a VAE an unsupervised step on the evidence lower
     * bound; returns the batch's loss.
     */
    public double trainStep(INDArray features, INDArray labels) {
        MultiLayerNetwork net = requireNetwork();
        if (kind.equals("vae")) {
            net.pretrainLayer(0, input(features));
            return net.getLayer(0).score();
        }
        net.fit(input(features), labels);
        return net.score();
    }

    /** A recurrent network over a sequence tensor column shaped {@code [time, features]}. */
    public static SequenceNetwork lstm() {
        return new SequenceNetwork();
    }

    /**
     * Wraps a network the user configured and initialised. Its first layer must read
     * {@code signature.featureWidth()} values and its output must match the signature's task.
     */
    public static NeuralNetwork wrap(MultiLayerNetwork network, ModelSignature signature) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(signature, "signature");
        if (network.getLayerWiseConfigurations() == null || network.params() == null) {
            throw new IllegalArgumentException("wrap needs an initialised network: call network.init() first");
        }
        long nOut = network.layerSize(network.getnLayers() - 1);
        if (nOut != signature.outputWidth()) {
            throw new SchemaMismatchException(List.of(String.valueOf(signature.label())), "the wrapped network outputs " + nOut
                    + " values per row but the signature needs " + signature.outputWidth() + " (" + signature + ")");
        }
        return new NeuralNetwork("wrapped", "wrapped DL4J network", network, signature);
    }

    /** Reads a network written by {@link #write}, with the kind and signature stored beside it. */
    public static NeuralNetwork read(String kind, String description, ModelSignature signature, InputStream in, boolean withUpdater)
            throws IOException {
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(in, withUpdater);
        return new NeuralNetwork(kind, description, net, signature);
    }

    /** Writes the network's configuration and parameters (and the optimiser's state, if asked). */
    public void write(OutputStream out, boolean withUpdater) throws IOException {
        ModelSerializer.writeModel(requireNetwork(), out, withUpdater);
    }

    /** What kind of network this is: mlp, logistic-regression, linear-regression, autoencoder, vae, lstm or wrapped. */
    public String kind() {
        return kind;
    }

    /** A one-line description of the architecture. */
    public String description() {
        return description;
    }

    /** Whether the network exists (it does after the first training call, or when wrapped or read). */
    public boolean isInitialised() {
        return network != null;
    }

    /**
     * Creates the network for this signature with the trainer's settings; when it exists already, checks
     * that the signature is the one it was built for (training continues where it was).
     *
     * @throws SchemaMismatchException when an existing network was built for other columns
     */
    public void initialise(ModelSignature sig, NetworkSettings settings) {
        if (network != null) {
            if (!sig.equals(signature)) {
                throw new SchemaMismatchException(sig.featureNames(), "this network was built for " + signature
                        + " and cannot train on " + sig);
            }
            return;
        }
        if (recipe == null) {
            throw new IllegalStateException("network has neither a recipe nor parameters");
        }
        MultiLayerConfiguration conf = recipe.configure(sig, settings);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        this.network = net;
        this.signature = sig;
    }

    /** Replaces the network by one restored from a checkpoint of the same signature. */
    public void restore(MultiLayerNetwork restored, ModelSignature sig) {
        if (signature != null && !signature.equals(sig)) {
            throw new SchemaMismatchException(sig.featureNames(), "the checkpoint was written for " + sig
                    + " but this network was built for " + signature);
        }
        this.network = restored;
        this.signature = sig;
    }

    /** The DL4J network (the escape hatch to everything DL4J offers). */
    public MultiLayerNetwork network() {
        return requireNetwork();
    }

    @Override
    public ModelSignature signature() {
        requireNetwork();
        return signature;
    }

    @Override
    public INDArray output(INDArray features) {
        MultiLayerNetwork net = requireNetwork();
        if (kind.equals("vae")) {
            INDArray z = net.output(input(features), false);
            return ((org.deeplearning4j.nn.layers.variational.VariationalAutoencoder) net.getLayer(0)).generateAtMeanGivenZ(z);
        }
        if (NativeDenseForward.supports(net)) {
            return NativeDenseForward.output(net, input(features));
        }
        return net.output(input(features), false);
    }

    /**
     * The features in the layout this network reads: dense networks read {@code [rows, width]}, so a
     * batch shaped {@code [rows, ...shape]} is flattened (a view when it is contiguous); recurrent and
     * wrapped networks read the batch as it is.
     */
    public INDArray input(INDArray features) {
        boolean dense = !kind.equals("lstm") && !kind.equals("wrapped");
        return dense && features.rank() > 2 ? features.reshape('c', features.size(0), -1) : features;
    }

    /** An independent copy (same parameters, own state), for another thread. */
    public NeuralNetwork copy() {
        return new NeuralNetwork(kind, description, requireNetwork().clone(), signature);
    }

    /** Number of trainable parameters. */
    public long parameterCount() {
        return requireNetwork().numParams();
    }

    private MultiLayerNetwork requireNetwork() {
        if (network == null) {
            throw new IllegalStateException("the " + kind + " is not trained yet: give it to Trainer.fit first");
        }
        return network;
    }

    @Override
    public String toString() {
        return description + (signature == null ? " (untrained)" : ", " + signature + ", " + network.numParams() + " parameters");
    }
}

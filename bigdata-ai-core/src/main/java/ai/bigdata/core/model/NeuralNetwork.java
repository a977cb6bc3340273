package ai.bigdata.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J {@link MultiLayerNetwork} (a stack of layers) behind the {@link Network} interface. Built by a
 * small builder ({@link #mlp()}, {@link #logisticRegression()}, {@link #linearRegression()},
 * {@link #autoencoder()}, {@link #variationalAutoencoder()}, {@link #lstm()}, {@link #transformer()}) or from another module's
 * recipe ({@link #of}), it stays a recipe until the trainer first sees data: then the input and output
 * sizes come from the data's schema and the network is initialised with the trainer's seed and
 * optimiser. {@link #wrap} takes any {@link MultiLayerNetwork} the user built.
 *
 * <p>Not thread-safe: one thread trains or predicts at a time ({@code Predictor} serves many threads
 * with one replica each).
 */
public final class NeuralNetwork extends Network {
    /** The family name stored in bundles and checkpoints. */
    public static final String FAMILY = "multilayer";
    /** The kind name of a network given to {@link #wrap}. */
    static final String WRAPPED = "wrapped";
    /** The kind name of a network built by another module's recipe ({@link #of}). */
    static final String RECIPE = "recipe";
    /** The kind name of a network built by a token-id recipe ({@link #ofTokenIds}). */
    static final String TOKEN_RECIPE = "token-recipe";
    /** The kind name of a {@link TransformerEncoder}. */
    static final String TRANSFORMER = "transformer";

    private final LayerStack stack;
    private final NetworkRecipe recipe;
    /** Builds the whole network (parameters included) instead of a recipe's configuration; null for recipe networks. */
    private final NetworkFactory factory;
    private MultiLayerNetwork network;
    /** The own training pass of {@link #network} when it covers it (null: not chosen yet, or refused for {@link #passChecked}). */
    private DenseTrainingPass pass;
    /** The network whose pass was last chosen or refused. */
    private MultiLayerNetwork passChecked;

    NeuralNetwork(String kind, NetworkRecipe recipe, String description) {
        super(kind, description, null);
        this.stack = LayerStack.of(kind);
        this.recipe = recipe;
        this.factory = null;
    }

    /** A network of {@code kind} that {@code factory} builds, parameters included, once the trainer sees data. */
    NeuralNetwork(String kind, String description, NetworkFactory factory) {
        super(kind, description, null);
        this.stack = LayerStack.of(kind);
        this.recipe = null;
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    private NeuralNetwork(String kind, String description, MultiLayerNetwork network, ModelSignature signature) {
        super(kind, description, signature);
        this.stack = LayerStack.of(kind);
        this.recipe = null;
        this.factory = null;
        this.network = network;
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

    /** A recurrent network over a sequence tensor column shaped {@code [time, features]}. */
    public static SequenceNetwork lstm() {
        return new SequenceNetwork();
    }

    /**
     * A Transformer encoder over a token-id tensor column shaped {@code [time]} (0 = padding); give it the
     * vocabulary size.
     */
    public static TransformerEncoder transformer() {
        return new TransformerEncoder();
    }

    /**
     * An untrained network that {@code recipe} configures once the trainer knows the data's signature and
     * its settings (seed, optimiser, weight decay, clipping, class weights: a recipe should start from
     * {@code new NeuralNetConfiguration.Builder().seed(settings.seed()).updater(settings.updater())} and
     * honour the rest). It reads each batch as the data gives it, {@code [rows, ...featureShape]}; a
     * recipe over a tensor column declares its input type (for example
     * {@code setInputType(InputType.convolutional(h, w, c))}). This is how other modules add builders
     * sized from the data.
     *
     * @param description a one-line description of the architecture, stored in bundles
     */
    public static NeuralNetwork of(String description, NetworkRecipe recipe) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(recipe, "recipe");
        return new NeuralNetwork(RECIPE, recipe, description);
    }

    /**
     * An untrained network over one token-id column ({@code [time]} ids, 0 = padding, as the NLP module's
     * token-sequence vectoriser writes them) that {@code recipe} configures like {@link #of}, whose first layer
     * is an embedding (DL4J's {@code EmbeddingSequenceLayer}, {@code nIn} = the vocabulary size). Every batch's
     * ids are checked against the vocabulary before native code ({@link InvalidTokenIdException}), and the
     * padding mask (ids that are not 0; a row of padding only keeps its first position) goes with every
     * training step and output, so masked layers (global pooling, recurrent layers) ignore the padding.
     *
     * @param description a one-line description of the architecture, stored in bundles
     */
    public static NeuralNetwork ofTokenIds(String description, NetworkRecipe recipe) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(recipe, "recipe");
        return new NeuralNetwork(TOKEN_RECIPE, recipe, description);
    }

    /**
     * Wraps a network the user configured and initialised. Its output must match the signature's task
     * (as many values per row as {@code signature.outputWidth()}); it reads each batch as the data gives
     * it.
     *
     * @throws IllegalArgumentException when the network is not initialised
     * @throws SchemaMismatchException when its output width differs from the signature's
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
        return new NeuralNetwork(WRAPPED, "wrapped DL4J network", network, signature);
    }

    /**
     * Reads a network written by {@link #write}, with the kind, description and signature stored beside
     * it.
     *
     * @throws IllegalArgumentException when the kind is unknown
     */
    public static NeuralNetwork read(String kind, String description, ModelSignature signature, InputStream in, boolean withUpdater)
            throws IOException {
        LayerStack.of(kind);
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(in, withUpdater);
        return new NeuralNetwork(kind, description, net, signature);
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public boolean reconstructs() {
        return stack.reconstructs();
    }

    @Override
    public boolean isInitialised() {
        return network != null;
    }

    @Override
    void create(ModelSignature sig, NetworkSettings settings) {
        if (factory != null) {
            this.network = factory.build(sig, settings);
            return;
        }
        if (recipe == null) {
            throw new IllegalStateException("network has neither a recipe nor parameters");
        }
        MultiLayerConfiguration conf = recipe.configure(sig, settings);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        this.network = net;
    }

    /** Replaces the network by one restored from a checkpoint of the same signature. */
    public void restore(MultiLayerNetwork restored, ModelSignature sig) {
        checkSameSignature(sig);
        this.network = Objects.requireNonNull(restored, "restored");
        setSignature(sig);
    }

    @Override
    void adopt(Network other) {
        this.network = ((NeuralNetwork) other).network;
    }

    /** The DL4J network (the escape hatch to everything DL4J offers). */
    public MultiLayerNetwork network() {
        return requireNetwork();
    }

    @Override
    public double trainStep(INDArray features, INDArray labels, INDArray featuresMask, INDArray labelsMask) {
        MultiLayerNetwork net = requireNetwork();
        INDArray x = input(features);
        stack.check(net, x, signature());
        if (featuresMask == null && labelsMask == null && x.rank() == 2 && labels != null && labels.rank() == 2
                && stack.backpropagates()) {
            DenseTrainingPass own = trainingPass(net);
            if (own != null) {
                return own.step(x, labels);
            }
        }
        return stack.step(net, x, labels, featuresMask, labelsMask);
    }

    /**
     * The own dense training pass for {@code net}, or null when it does not cover the network (then
     * DL4J's {@code fit} trains it); chosen again whenever the network or its arrays change.
     */
    private DenseTrainingPass trainingPass(MultiLayerNetwork net) {
        boolean current = pass != null ? pass.isFor(net) : passChecked == net;
        if (!current) {
            pass = DenseTrainingPass.of(net).orElse(null);
            passChecked = net;
        }
        return pass;
    }

    /** Whether a training step on this network goes through the own dense pass rather than DL4J's {@code fit}. */
    boolean trainsWithOwnPass() {
        return stack.backpropagates() && trainingPass(requireNetwork()) != null;
    }

    @Override
    public INDArray output(INDArray features) {
        MultiLayerNetwork net = requireNetwork();
        INDArray x = input(features);
        stack.check(net, x, signature());
        return stack.output(net, x);
    }

    @Override
    public INDArray input(INDArray features) {
        return stack.flattens() && features.rank() > 2 ? features.reshape('c', features.size(0), -1) : features;
    }

    @Override
    public NeuralNetwork copy() {
        return new NeuralNetwork(kind(), description(), requireNetwork().clone(), signature());
    }

    @Override
    public long parameterCount() {
        return requireNetwork().numParams();
    }

    @Override
    public void write(OutputStream out, boolean withUpdater) throws IOException {
        ModelSerializer.writeModel(requireNetwork(), out, withUpdater);
    }

    @Override
    public INDArray parameters() {
        return requireNetwork().params();
    }

    @Override
    public void setParameters(INDArray values) {
        requireNetwork().setParams(values);
    }

    @Override
    public INDArray updaterState() {
        MultiLayerNetwork net = requireNetwork();
        return net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
    }

    @Override
    public int iterationCount() {
        return requireNetwork().getIterationCount();
    }

    @Override
    public void setIterationCount(int iteration) {
        requireNetwork().setIterationCount(iteration);
    }

    @Override
    public void setEpochCount(int epoch) {
        requireNetwork().setEpochCount(epoch);
    }

    @Override
    public double learningRate() {
        // the first layer whose learning rate DL4J reports (it reports none for a SameDiff layer such as the transformer's)
        MultiLayerNetwork net = requireNetwork();
        for (int i = 0; i < net.getnLayers(); i++) {
            Double rate = net.getLearningRate(i);
            if (rate != null) {
                return rate;
            }
        }
        return Double.NaN;
    }

    @Override
    public Optional<String> workersUnsupported() {
        return stack.workersUnsupported();
    }

    @Override
    public Optional<DenseInference> denseInference() {
        return stack.flattens() ? DenseInference.of(requireNetwork()) : Optional.empty();
    }

    private MultiLayerNetwork requireNetwork() {
        requireInitialised();
        return network;
    }
}

package ai.bigdata.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J {@link ComputationGraph} (residual and skip connections, any directed acyclic graph of layers
 * and vertices) behind the {@link Network} interface, trained, checkpointed, bundled and served like a
 * {@link NeuralNetwork}. The graph has one input, the features as the data gives them
 * ({@code [rows, ...featureShape]}), and one output. Built by {@link #residualCnn()}, from another
 * module's recipe ({@link #of}), or wrapped ({@link #wrap}).
 *
 * <p>Not thread-safe: one thread trains or predicts at a time ({@code Predictor} serves many threads
 * with one replica each).
 */
public final class GraphNetwork extends Network {
    /** The family name stored in bundles and checkpoints. */
    public static final String FAMILY = "graph";
    static final String RESIDUAL_CNN = "residual-cnn";
    private static final Set<String> KINDS = Set.of(RESIDUAL_CNN, NeuralNetwork.WRAPPED, NeuralNetwork.RECIPE);

    private final GraphRecipe recipe;
    private ComputationGraph graph;
    /** The YOLO output grid of a detection graph, found on its first training step. */
    private int[] detectionGrid;

    GraphNetwork(String kind, GraphRecipe recipe, String description) {
        super(checkKind(kind), description, null);
        this.recipe = recipe;
    }

    private GraphNetwork(String kind, String description, ComputationGraph graph, ModelSignature signature) {
        super(checkKind(kind), description, signature);
        this.recipe = null;
        this.graph = graph;
    }

    private static String checkKind(String kind) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown graph network kind '" + kind + "'; known kinds are " + new java.util.TreeSet<>(KINDS));
        }
        return kind;
    }

    /**
     * A residual convolutional classifier or regressor over one tensor column shaped
     * {@code [channels, height, width]}: a convolutional stem, residual blocks, global average pooling
     * and an output layer sized from the data.
     */
    public static ResidualCnn residualCnn() {
        return new ResidualCnn();
    }

    /**
     * An untrained graph that {@code recipe} configures once the trainer knows the data's signature and
     * its settings; this is how other modules add graph builders sized from the data.
     *
     * @param description a one-line description of the architecture, stored in bundles
     */
    public static GraphNetwork of(String description, GraphRecipe recipe) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(recipe, "recipe");
        return new GraphNetwork(NeuralNetwork.RECIPE, recipe, description);
    }

    /**
     * Wraps a graph the user configured and initialised. It must have one input and one output, and
     * output as many values per row as {@code signature.outputWidth()}.
     *
     * @throws IllegalArgumentException when the graph is not initialised or has several inputs or outputs
     * @throws SchemaMismatchException when its output width differs from the signature's
     */
    public static GraphNetwork wrap(ComputationGraph graph, ModelSignature signature) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(signature, "signature");
        check(graph, signature, "the wrapped graph");
        return new GraphNetwork(NeuralNetwork.WRAPPED, "wrapped DL4J graph", graph, signature);
    }

    private static void check(ComputationGraph graph, ModelSignature signature, String what) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        if (conf == null || graph.getVertices() == null || graph.params() == null) {
            throw new IllegalArgumentException(what + " is not initialised: call graph.init() first");
        }
        if (conf.getNetworkInputs().size() != 1 || conf.getNetworkOutputs().size() != 1) {
            throw new IllegalArgumentException(what + " has inputs " + conf.getNetworkInputs() + " and outputs "
                    + conf.getNetworkOutputs() + "; a GraphNetwork reads the features as one input and gives one output");
        }
        if (signature.task() == Task.SEGMENTATION) {
            SegmentationCheck.outputShape(graph, signature, what);
            return;
        }
        if (signature.task() == Task.DETECTION) {
            DetectionHead.grid(graph, signature, what);
            return;
        }
        long nOut = graph.layerSize(conf.getNetworkOutputs().get(0));
        if (nOut != signature.outputWidth()) {
            throw new SchemaMismatchException(List.of(String.valueOf(signature.label())), what + " outputs " + nOut
                    + " values per row but the signature needs " + signature.outputWidth() + " (" + signature + ")");
        }
    }

    /**
     * Reads a graph written by {@link #write}, with the kind, description and signature stored beside it.
     *
     * @throws IllegalArgumentException when the kind is unknown
     */
    public static GraphNetwork read(String kind, String description, ModelSignature signature, InputStream in, boolean withUpdater)
            throws IOException {
        checkKind(kind);
        ComputationGraph graph = ModelSerializer.restoreComputationGraph(in, withUpdater);
        return new GraphNetwork(kind, description, graph, signature);
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public boolean isInitialised() {
        return graph != null;
    }

    @Override
    void create(ModelSignature sig, NetworkSettings settings) {
        if (recipe == null) {
            throw new IllegalStateException("graph has neither a recipe nor parameters");
        }
        ComputationGraph g = new ComputationGraph(recipe.configure(sig, settings));
        g.init();
        check(g, sig, "the graph of " + description());
        this.graph = g;
    }

    @Override
    void adopt(Network other) {
        this.graph = ((GraphNetwork) other).graph;
    }

    /** The DL4J graph (the escape hatch to everything DL4J offers). */
    public ComputationGraph graph() {
        return requireGraph();
    }

    @Override
    public double trainStep(INDArray features, INDArray labels, INDArray featuresMask, INDArray labelsMask) {
        ComputationGraph g = requireGraph();
        if (signature().task() == Task.DETECTION) {
            if (detectionGrid == null) {
                detectionGrid = DetectionHead.grid(g, signature(), "the graph of " + description());
            }
            labels = DetectionHead.targets(labels, signature(), detectionGrid);
        }
        g.fit(new INDArray[] {input(features)}, new INDArray[] {labels}, featuresMask == null ? null : new INDArray[] {featuresMask},
                labelsMask == null ? null : new INDArray[] {labelsMask});
        return g.score();
    }

    @Override
    public INDArray output(INDArray features) {
        return requireGraph().outputSingle(false, input(features));
    }

    @Override
    public INDArray input(INDArray features) {
        return features;
    }

    @Override
    public GraphNetwork copy() {
        return new GraphNetwork(kind(), description(), requireGraph().clone(), signature());
    }

    @Override
    public long parameterCount() {
        return requireGraph().numParams();
    }

    @Override
    public void write(OutputStream out, boolean withUpdater) throws IOException {
        ModelSerializer.writeModel(requireGraph(), out, withUpdater);
    }

    @Override
    public INDArray parameters() {
        return requireGraph().params();
    }

    @Override
    public void setParameters(INDArray values) {
        requireGraph().setParams(values);
    }

    @Override
    public INDArray updaterState() {
        return GraphState.updaterState(requireGraph());
    }

    @Override
    public int iterationCount() {
        return requireGraph().getIterationCount();
    }

    @Override
    public void setIterationCount(int iteration) {
        requireGraph().getConfiguration().setIterationCount(iteration);
    }

    @Override
    public void setEpochCount(int epoch) {
        requireGraph().getConfiguration().setEpochCount(epoch);
    }

    @Override
    public double learningRate() {
        return GraphState.learningRate(requireGraph());
    }

    private ComputationGraph requireGraph() {
        requireInitialised();
        return graph;
    }
}

package ai.bigdata.core.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An encoder-decoder ("sequence to sequence", translation) network behind the {@link Network} interface,
 * trained, checkpointed, bundled and served like the other families. It reads one tensor column of
 * source token ids shaped {@code [sourceTime]} and predicts a tensor label of target token ids shaped
 * {@code [targetTime]} (float32 whole numbers). In both, id 0 is padding; a target sequence ends at its
 * first 0, and the network learns to emit id 0 there (so 0 is also the end symbol of its output).
 *
 * <p>The DL4J {@link ComputationGraph} behind it has two inputs, {@link #SOURCE} (the source ids
 * {@code [rows, sourceTime]}) and {@link #TARGET} (the decoder's input ids {@code [rows, t]}: the start id
 * {@code targetVocabulary} followed by the target shifted by one, "teacher forcing") and one output, the
 * next-id probabilities {@code [rows, targetVocabulary, t]}, which must depend on decoder positions up to
 * {@code t} only (a causal decoder, such as an LSTM). Training builds the decoder input, the one-hot
 * labels and both padding masks from the label ids ({@code Seq2SeqBatch}); {@link #output} decodes by
 * beam search ({@link #beamWidth()}; width 1 is greedy decoding) and returns the ids
 * {@code [rows, targetTime]} with 0 after the end, the label's own layout, so the regression-shaped
 * prediction column and {@code Evaluator.sequence()} read it as it is.
 *
 * <p>Every batch's ids are checked in Java before native code ({@link InvalidTokenIdException}).
 * Data-parallel training ({@code Trainer.workers(n)}) trains replicas copied through the stored form.
 * Not thread-safe: one thread trains or predicts at a time.
 */
public final class Seq2SeqNetwork extends Network {
    /** The family name stored in bundles and checkpoints. */
    public static final String FAMILY = "seq2seq";
    /** The graph input of the source ids. */
    public static final String SOURCE = "source";
    /** The graph input of the decoder's (shifted target) ids. */
    public static final String TARGET = "target";
    static final String KIND = "attention-recipe";
    private static final String MAGIC = "bigdata-ai seq2seq";
    private static final int VERSION = 1;

    private final GraphRecipe recipe;
    private final int sourceVocabulary;
    private final int targetVocabulary;
    private final int beamWidth;
    private ComputationGraph graph;

    private Seq2SeqNetwork(String description, GraphRecipe recipe, int sourceVocabulary, int targetVocabulary, int beamWidth,
            ComputationGraph graph, ModelSignature signature) {
        super(KIND, description, signature);
        if (sourceVocabulary < 2 || targetVocabulary < 2) {
            throw new IllegalArgumentException("vocabularies need at least 2 ids (padding and one token), got source "
                    + sourceVocabulary + " and target " + targetVocabulary);
        }
        if (beamWidth < 1) {
            throw new IllegalArgumentException("beamWidth must be at least 1, got " + beamWidth);
        }
        this.recipe = recipe;
        this.sourceVocabulary = sourceVocabulary;
        this.targetVocabulary = targetVocabulary;
        this.beamWidth = beamWidth;
        this.graph = graph;
    }

    /** An encoder-decoder with attention: BiLSTM encoder, LSTM decoder, dot-product attention. */
    public static AttentionSeq2Seq attention() {
        return new AttentionSeq2Seq();
    }

    /**
     * An untrained encoder-decoder that {@code recipe} configures once the trainer knows the data and its
     * settings. The recipe's graph has inputs {@link #SOURCE} and {@link #TARGET} (in that order), a source
     * embedding of {@code sourceVocabulary} ids, a decoder embedding of {@code targetVocabulary + 1} ids
     * (the last is the start id) and one recurrent softmax output of {@code targetVocabulary} ids.
     *
     * @param sourceVocabulary source ids are in [0, sourceVocabulary), 0 padding
     * @param targetVocabulary target ids are in [0, targetVocabulary), 0 padding and end
     * @param beamWidth hypotheses kept per row when decoding (1: greedy)
     */
    public static Seq2SeqNetwork of(String description, GraphRecipe recipe, int sourceVocabulary, int targetVocabulary,
            int beamWidth) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(recipe, "recipe");
        return new Seq2SeqNetwork(description, recipe, sourceVocabulary, targetVocabulary, beamWidth, null, null);
    }

    /**
     * Reads a network written by {@link #write}, with the kind, description and signature stored beside it.
     *
     * @throws IllegalArgumentException when the kind is unknown
     * @throws IOException when the stream is not a sequence-to-sequence network
     */
    public static Seq2SeqNetwork read(String kind, String description, ModelSignature signature, InputStream in,
            boolean withUpdater) throws IOException {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("unknown seq2seq network kind '" + kind + "'; known kinds are [" + KIND + "]");
        }
        DataInputStream data = new DataInputStream(in);
        String magic = data.readUTF();
        int version = data.readInt();
        if (!MAGIC.equals(magic) || version != VERSION) {
            throw new IOException("not a sequence-to-sequence network of format " + VERSION + " (found '" + magic + "' format "
                    + version + ")");
        }
        int source = data.readInt();
        int target = data.readInt();
        int beam = data.readInt();
        ComputationGraph g = ModelSerializer.restoreComputationGraph(data, withUpdater);
        return new Seq2SeqNetwork(description, null, source, target, beam, g, signature);
    }

    @Override
    public String family() {
        return FAMILY;
    }

    /** Source ids are in [0, sourceVocabulary()). */
    public int sourceVocabulary() {
        return sourceVocabulary;
    }

    /** Target ids are in [0, targetVocabulary()); the decoder's start id is {@code targetVocabulary()}. */
    public int targetVocabulary() {
        return targetVocabulary;
    }

    /** Hypotheses kept per row by {@link #output} (1: greedy decoding). */
    public int beamWidth() {
        return beamWidth;
    }

    /**
     * A copy of this trained network (own parameters) that decodes with {@code width} hypotheses per row.
     *
     * @throws IllegalArgumentException when {@code width} is below 1
     */
    public Seq2SeqNetwork withBeamWidth(int width) {
        return new Seq2SeqNetwork(description(), null, sourceVocabulary, targetVocabulary, width, cloneGraph(), signature());
    }

    /**
     * An independent copy of the graph, parameters and optimiser state included. Through the stored form,
     * because DL4J M2.1's {@code ComputationGraph.clone()} fails on the attention vertex ("Updater for
     * parameter Wq ... was null").
     */
    private ComputationGraph cloneGraph() {
        ComputationGraph g = requireGraph();
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            ModelSerializer.writeModel(g, bytes, true);
            ComputationGraph copy = ModelSerializer.restoreComputationGraph(new java.io.ByteArrayInputStream(bytes.toByteArray()), true);
            copy.getConfiguration().setIterationCount(g.getConfiguration().getIterationCount());
            copy.getConfiguration().setEpochCount(g.getConfiguration().getEpochCount());
            return copy;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not copy the graph of " + description(), e);
        }
    }

    @Override
    public boolean isInitialised() {
        return graph != null;
    }

    @Override
    void create(ModelSignature sig, NetworkSettings settings) {
        if (recipe == null) {
            throw new IllegalStateException("network has neither a recipe nor parameters");
        }
        checkSignature(sig);
        ComputationGraph g = new ComputationGraph(recipe.configure(sig, settings));
        g.init();
        ComputationGraphConfiguration conf = g.getConfiguration();
        if (!conf.getNetworkInputs().equals(List.of(SOURCE, TARGET)) || conf.getNetworkOutputs().size() != 1) {
            throw new IllegalArgumentException("the graph of " + description() + " has inputs " + conf.getNetworkInputs()
                    + " and outputs " + conf.getNetworkOutputs() + "; an encoder-decoder needs inputs [" + SOURCE + ", "
                    + TARGET + "] and one output");
        }
        long nOut = g.layerSize(conf.getNetworkOutputs().get(0));
        if (nOut != targetVocabulary) {
            throw new IllegalArgumentException("the graph of " + description() + " outputs " + nOut
                    + " ids per step but the target vocabulary has " + targetVocabulary);
        }
        this.graph = g;
    }

    private static void checkSignature(ModelSignature sig) {
        int[] in = sig.featureShape();
        if (sig.features().size() != 1 || in.length != 1 || sig.task() != Task.REGRESSION) {
            throw new SchemaMismatchException(sig.featureNames(), "an encoder-decoder reads one tensor column of source ids"
                    + " [time] and predicts a tensor label of target ids [time]; the data gives " + sig);
        }
    }

    @Override
    void adopt(Network other) {
        this.graph = ((Seq2SeqNetwork) other).graph;
    }

    /** The DL4J graph (the escape hatch to everything DL4J offers). */
    public ComputationGraph graph() {
        return requireGraph();
    }

    @Override
    public double trainStep(INDArray features, INDArray labels, INDArray featuresMask, INDArray labelsMask) {
        ComputationGraph g = requireGraph();
        Seq2SeqBatch b = Seq2SeqBatch.of(features, labels, sourceVocabulary, targetVocabulary, signature());
        g.fit(new INDArray[] {b.source(), b.decoderInput()}, new INDArray[] {b.oneHotTargets()},
                new INDArray[] {b.sourceMask(), b.targetMask()}, new INDArray[] {b.targetMask()});
        return g.score();
    }

    /**
     * The decoded target ids {@code [rows, targetTime]} of a batch of source ids {@code [rows, sourceTime]}:
     * beam search with {@link #beamWidth()} hypotheses per row, each sequence followed by 0s.
     *
     * @throws InvalidTokenIdException when a source id is not whole or outside the source vocabulary
     */
    @Override
    public INDArray output(INDArray features) {
        ComputationGraph g = requireGraph();
        ModelSignature sig = signature();
        TokenIds.check(features, sourceVocabulary, sig.featureShape()[0], sig.featureNames().get(0));
        INDArray source = Seq2SeqBatch.trimmed(features).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        return new BeamSearch(g, targetVocabulary, sig.outputWidth(), beamWidth).decode(source, TokenIds.paddingMask(source)
                .castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
    }

    @Override
    public INDArray input(INDArray features) {
        return features;
    }

    @Override
    public Seq2SeqNetwork copy() {
        return new Seq2SeqNetwork(description(), null, sourceVocabulary, targetVocabulary, beamWidth, cloneGraph(), signature());
    }

    @Override
    public long parameterCount() {
        return requireGraph().numParams();
    }

    @Override
    public void write(OutputStream out, boolean withUpdater) throws IOException {
        ComputationGraph g = requireGraph();
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(sourceVocabulary);
        data.writeInt(targetVocabulary);
        data.writeInt(beamWidth);
        data.flush();
        ModelSerializer.writeModel(g, out, withUpdater);
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

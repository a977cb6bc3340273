package ai.bigdata.core.model;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * Builder of a Transformer encoder (Vaswani et al., 2017) classifier or regressor over one tensor
 * column of token ids shaped {@code [time]}: float32 whole numbers in [0, vocabulary), 0 being padding
 * The network embeds the
 * tokens, adds sinusoidal (default) or learned position vectors, runs {@link #blocks(int)} pre-norm encoder
 * blocks (multi-head self-attention that ignores padding keys, a GELU or ReLU feed-forward layer, each
 * with a residual connection), a final layer norm, averages the non-padding positions and ends in a
 * softmax (classification) or linear (regression) output sized from the data.
 *
 * <p>Training goes through SameDiff inside a DL4J layer; in DL4J 1.0.0-M2.1 its graph bookkeeping
 * costs about a second per step even for small widths, so this suits small models and data.
 *
 * <p>The padding mask is derived inside the network from the ids (id 0), so training, data-parallel
 * workers, evaluation, bundles and the predictor all see the same masked model; trailing padding does
 * not change the output beyond float rounding. The vocabulary size must be given ({@link #vocabulary(int)});
 * every batch is checked against it before it reaches native code, and a bad id is an
 * {@link InvalidTokenIdException}. There is no dropout: SameDiff's dropout has no gradient in DL4J
 * 1.0.0-M2.1, and a hand-made mask would need random state that checkpoints do not carry.
 */
public final class TransformerEncoder {
    /** How positions are encoded. */
    public enum Positions {
        /** Fixed sine and cosine waves; no parameters, and the same network reads sequences of any length. */
        SINUSOIDAL,
        /** A learned vector per position. */
        LEARNED
    }

    /** The activation of the feed-forward layer inside each block. */
    public enum FeedForwardActivation {
        /** Gaussian error linear unit (the usual choice). */
        GELU,
        /** Rectified linear unit. */
        RELU
    }

    private int vocabulary;
    private int width = 32;
    private int heads = 4;
    private int blocks = 2;
    private int feedForward;
    private Positions positions = Positions.SINUSOIDAL;
    private FeedForwardActivation activation = FeedForwardActivation.GELU;

    TransformerEncoder() {
    }

    /**
     * The number of token ids the embedding holds, ids 0 (padding) to {@code size - 1}; required: the
     * size of the vocabulary that wrote the column. Every batch is checked against it.
     */
    public TransformerEncoder vocabulary(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("the vocabulary needs at least 2 ids (padding and one token), got " + size);
        }
        this.vocabulary = size;
        return this;
    }

    /** The model width: embedding and hidden size of every block (default 32; a multiple of the heads). */
    public TransformerEncoder width(int size) {
        this.width = positive("width", size);
        return this;
    }

    /** Attention heads per block (default 4; must divide the width). */
    public TransformerEncoder heads(int count) {
        this.heads = positive("heads", count);
        return this;
    }

    /** Encoder blocks (default 2). */
    public TransformerEncoder blocks(int count) {
        this.blocks = positive("blocks", count);
        return this;
    }

    /** Hidden units of each block's feed-forward layer (default 4 x width). */
    public TransformerEncoder feedForward(int size) {
        this.feedForward = positive("feedForward", size);
        return this;
    }

    /** How positions are encoded (default sinusoidal). */
    public TransformerEncoder positions(Positions p) {
        this.positions = java.util.Objects.requireNonNull(p, "positions");
        return this;
    }

    /** The feed-forward activation (default GELU). */
    public TransformerEncoder activation(FeedForwardActivation a) {
        this.activation = java.util.Objects.requireNonNull(a, "activation");
        return this;
    }

    private static int positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }

    /**
     * The untrained network; the trainer sizes it from the data.
     *
     * @throws IllegalStateException when no vocabulary size was given
     * @throws IllegalArgumentException when the heads do not divide the width
     */
    public NeuralNetwork build() {
        if (vocabulary == 0) {
            throw new IllegalStateException("a Transformer encoder needs vocabulary(size): the number of token ids of its column");
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException(heads + " heads do not divide the width " + width);
        }
        int v = vocabulary;
        int w = width;
        int h = heads;
        int n = blocks;
        int ff = feedForward == 0 ? 4 * width : feedForward;
        boolean learned = positions == Positions.LEARNED;
        boolean relu = activation == FeedForwardActivation.RELU;
        NetworkRecipe recipe = (sig, settings) -> {
            int[] shape = sig.featureShape();
            if (sig.features().size() != 1 || shape.length != 1) {
                throw new SchemaMismatchException(sig.featureNames(), "a Transformer encoder reads one tensor column of token ids"
                        + " shaped [time]; the data gives " + sig.featureNames() + " with shape " + Arrays.toString(shape));
            }
            if (sig.task() == Task.RECONSTRUCTION) {
                throw new SchemaMismatchException(List.of(), "a Transformer encoder needs a label; got a reconstruction signature");
            }
            NeuralNetConfiguration.ListBuilder b = Layers.base(settings, 0).list();
            b.layer(new TransformerEncoderLayer(v, shape[0], w, h, n, ff, learned, relu));
            b.layer(Layers.output(sig, settings, w));
            b.setInputType(InputType.feedForward(shape[0]));
            return b.build();
        };
        return new NeuralNetwork(NeuralNetwork.TRANSFORMER, recipe, toString());
    }

    @Override
    public String toString() {
        return "transformer encoder vocabulary " + vocabulary + ", width " + width + ", heads " + heads + ", blocks " + blocks
                + ", feed-forward " + (feedForward == 0 ? 4 * width : feedForward) + " " + activation.name().toLowerCase(java.util.Locale.ROOT)
                + ", " + positions.name().toLowerCase(java.util.Locale.ROOT) + " positions";
    }
}

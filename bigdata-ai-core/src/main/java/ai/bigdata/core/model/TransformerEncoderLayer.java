package ai.bigdata.core.model;

import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The DL4J layer of a {@link TransformerEncoder}: it reads token ids {@code [rows, time]} (float32 whole
 * numbers, 0 = padding) and gives one vector of {@code width} values per row. Inside one SameDiff graph:
 * token embedding, sinusoidal or learned positions, {@code blocks} pre-norm encoder blocks (layer norm,
 * multi-head self-attention whose keys are masked where the id is 0, residual add; layer norm, GELU or
 * ReLU feed-forward, residual add), a final layer norm and the mean over the non-padding positions. The
 * padding mask is derived from the ids here, so every caller (trainer, workers, evaluator, predictor) is
 * masked alike without mask arrays.
 *
 * <p>The ids must lie in [0, vocabulary) and be whole; {@link TokenIds} checks that before a batch
 * reaches this layer. DL4J serialises the layer to JSON through its getters and setters and the no-arg
 * constructor.
 */
final class TransformerEncoderLayer extends SameDiffLayer {
    static final String EMBEDDING = "embedding";
    static final String POSITION = "position";
    // DL4J's updater splits gradient keys at the last '_' into layer and parameter, so no parameter name holds one

    private int vocabulary;
    private int time;
    private int width;
    private int heads;
    private int blocks;
    private int feedForward;
    private boolean learnedPositions;
    private boolean relu;

    /** For DL4J's JSON reader. */
    TransformerEncoderLayer() {
    }

    TransformerEncoderLayer(int vocabulary, int time, int width, int heads, int blocks, int feedForward, boolean learnedPositions,
            boolean relu) {
        this.vocabulary = vocabulary;
        this.time = time;
        this.width = width;
        this.heads = heads;
        this.blocks = blocks;
        this.feedForward = feedForward;
        this.learnedPositions = learnedPositions;
        this.relu = relu;
        this.weightInit = WeightInit.XAVIER;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(width);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // sizes are fixed by the builder from the signature
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(EMBEDDING, vocabulary, width);
        if (learnedPositions) {
            params.addWeightParam(POSITION, time, width);
        }
        int headSize = width / heads;
        for (int b = 0; b < blocks; b++) {
            String p = "b" + b;
            params.addWeightParam(p + "Ln1Gain", 1, width);
            params.addBiasParam(p + "Ln1Bias", 1, width);
            params.addWeightParam(p + "Wq", heads, headSize, width);
            params.addWeightParam(p + "Wk", heads, headSize, width);
            params.addWeightParam(p + "Wv", heads, headSize, width);
            params.addWeightParam(p + "Wo", (long) heads * headSize, width);
            params.addWeightParam(p + "Ln2Gain", 1, width);
            params.addBiasParam(p + "Ln2Bias", 1, width);
            params.addWeightParam(p + "W1", width, feedForward);
            params.addBiasParam(p + "B1", 1, feedForward);
            params.addWeightParam(p + "W2", feedForward, width);
            params.addBiasParam(p + "B2", 1, width);
        }
        params.addWeightParam("finalGain", 1, width);
        params.addBiasParam("finalBias", 1, width);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            String name = e.getKey();
            INDArray a = e.getValue();
            if (name.endsWith("Gain")) {
                a.assign(1);
            } else if (name.endsWith("Bias") || name.matches("b\\d+B[12]")) {
                a.assign(0);
            } else if (name.equals(EMBEDDING) || name.equals(POSITION)) {
                a.assign(Nd4j.randn(DataType.FLOAT, a.shape()).muli(0.1));
            } else if (name.endsWith("W1")) {
                initWeights(width, feedForward, WeightInit.XAVIER, a);
            } else if (name.endsWith("W2")) {
                initWeights(feedForward, width, WeightInit.XAVIER, a);
            } else {
                initWeights(width, width, WeightInit.XAVIER, a);
            }
        }
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable ids, Map<String, SDVariable> p, SDVariable unusedMask) {
        SDVariable mask = sd.neq(ids, 0.0).castTo(DataType.FLOAT);
        SDVariable flatIds = ids.castTo(DataType.INT).reshape(-1);
        // the embedding lookup as one-hot [rows * time, vocabulary] x table [vocabulary, width], a 2-D mmul: in M2.1 the
        // gradient of sd.gather is built from SDVariable views and put (create_view, assign), and that assign failed with
        // "Output array did not match expected shape" for a 3,000-id table; the one-hot row picks the table row exactly
        // (1 * e + 0 * rest). Cost: the one-hot holds rows * time * vocabulary floats per batch
        SDVariable oneHot = sd.oneHot(flatIds, vocabulary, -1, 1.0, 0.0, DataType.FLOAT);
        SDVariable h = oneHot.mmul(p.get(EMBEDDING)).reshape(-1, time, width);
        SDVariable positions = learnedPositions ? p.get(POSITION) : sd.constant(sinusoidal(time, width));
        h = h.add(positions.reshape(1, time, width));
        for (int b = 0; b < blocks; b++) {
            String n = "b" + b;
            SDVariable x = norm(sd, h, p.get(n + "Ln1Gain"), p.get(n + "Ln1Bias"));
            SDVariable ncw = x.permute(0, 2, 1);
            SDVariable attention = sd.nn().multiHeadDotProductAttention(ncw, ncw, ncw, p.get(n + "Wq"), p.get(n + "Wk"),
                    p.get(n + "Wv"), p.get(n + "Wo"), mask, true);
            h = h.add(attention.permute(0, 2, 1));
            x = norm(sd, h, p.get(n + "Ln2Gain"), p.get(n + "Ln2Bias")).reshape(-1, width);
            SDVariable hidden = x.mmul(p.get(n + "W1")).add(p.get(n + "B1"));
            hidden = relu ? sd.nn().relu(hidden, 0) : sd.nn().gelu(hidden);
            h = h.add(hidden.mmul(p.get(n + "W2")).add(p.get(n + "B2")).reshape(-1, time, width));
        }
        h = norm(sd, h, p.get("finalGain"), p.get("finalBias"));
        SDVariable kept = mask.reshape(-1, time, 1);
        SDVariable sum = h.mul(kept).sum(false, 1);
        SDVariable count = sd.math().max(mask.sum(false, 1), sd.constant(1f)).reshape(-1, 1);
        // DL4J asks for the gradient of the layer's input; ids have none (the one-hot is not differentiable in them), so a zero
        // term gives them an exact zero gradient
        SDVariable zero = ids.mul(0.0).sum(true, 1);
        return sum.div(count).add(zero);
    }

    /** Layer norm over the last axis (axis 2 of {@code [rows, time, width]}), with gain and bias {@code [1, width]}. */
    private SDVariable norm(SameDiff sd, SDVariable x, SDVariable gain, SDVariable bias) {
        return sd.nn().layerNorm(x, gain.reshape(width), bias.reshape(width), false, 2);
    }

    /** The sinusoidal position encoding of Vaswani et al. (2017), {@code [time, width]}. */
    static INDArray sinusoidal(int time, int width) {
        float[][] pe = new float[time][width];
        for (int t = 0; t < time; t++) {
            for (int i = 0; i < width; i++) {
                double angle = t / Math.pow(10_000, (2 * (i / 2)) / (double) width);
                pe[t][i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return Nd4j.createFromArray(pe);
    }

    public int getVocabulary() {
        return vocabulary;
    }

    public void setVocabulary(int vocabulary) {
        this.vocabulary = vocabulary;
    }

    public int getTime() {
        return time;
    }

    public void setTime(int time) {
        this.time = time;
    }

    public int getWidth() {
        return width;
    }

    public void setWidth(int width) {
        this.width = width;
    }

    public int getHeads() {
        return heads;
    }

    public void setHeads(int heads) {
        this.heads = heads;
    }

    public int getBlocks() {
        return blocks;
    }

    public void setBlocks(int blocks) {
        this.blocks = blocks;
    }

    public int getFeedForward() {
        return feedForward;
    }

    public void setFeedForward(int feedForward) {
        this.feedForward = feedForward;
    }

    public boolean isLearnedPositions() {
        return learnedPositions;
    }

    public void setLearnedPositions(boolean learnedPositions) {
        this.learnedPositions = learnedPositions;
    }

    public boolean isRelu() {
        return relu;
    }

    public void setRelu(boolean relu) {
        this.relu = relu;
    }
}

package ai.bigdata.core.model;

import ai.bigdata.core.data.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.deeplearning4j.nn.conf.weightnoise.WeightNoise;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns a trained {@link MultiLayerNetwork} into int8 steps, layer by layer, and calibrates each
 * weighted layer's input scale on sample rows as they flow through the steps already quantised (so a
 * scale accounts for the rounding before it). Covers dense and output layers, 2D convolutions (NCHW,
 * truncate, strict or same mode, no dilation), max and average pooling, activation and dropout layers,
 * batch normalisation (folded into the layer before when that layer's activation is the identity, else
 * a float per-channel step; as in DL4J's inference, the layer's own activation setting is not applied) and the flatten and reshape preprocessors that
 * {@code InputType.convolutional} adds; anything else is an {@link UnsupportedLayerException}.
 */
final class Int8Compiler {
    private final MultiLayerNetwork net;
    private final List<Int8Op> ops = new ArrayList<>();
    /** The calibration rows as they come out of the last step. */
    private float[][] sample;
    /** The shape of one row now: {@code [width]} or {@code [channels, height, width]}. */
    private int[] shape;

    private Int8Compiler(MultiLayerNetwork net, float[][] sample, int[] shape) {
        this.net = net;
        this.sample = sample;
        this.shape = shape;
    }

    /** The int8 steps of {@code net} for rows of the signature's features, calibrated on {@code sample}. */
    static List<Int8Op> compile(MultiLayerNetwork net, ModelSignature sig, float[][] sample) {
        Int8Compiler c = new Int8Compiler(net, sample, inputShape(sig));
        for (int i = 0; i < net.getnLayers(); i++) {
            i = c.layer(i);
        }
        return List.copyOf(c.ops);
    }

    private static int[] inputShape(ModelSignature sig) {
        List<Column> f = sig.features();
        if (f.size() == 1 && f.get(0).shape() != null && f.get(0).shape().length == 3) {
            return f.get(0).shape().clone();
        }
        return new int[] {sig.featureWidth()};
    }

    /** Compiles layer {@code i} (and a batch normalisation it absorbs); returns the last layer index used. */
    private int layer(int i) {
        Layer conf = net.getLayer(i).conf().getLayer();
        preprocessor(i, conf);
        checkNoise(i, conf);
        Map<String, INDArray> p = net.getLayer(i).paramTable();
        if (conf.getClass() == DenseLayer.class || conf.getClass() == OutputLayer.class) {
            if (conf instanceof DenseLayer d && d.hasLayerNorm()) {
                throw unsupported(i, conf, "layer normalisation has no int8 counterpart here");
            }
            if (conf instanceof DenseLayer d && !d.hasBias() || conf instanceof OutputLayer o && !o.hasBias()) {
                throw unsupported(i, conf, "a layer without bias is not covered");
            }
            int nIn = width();
            float[] w = p.get("W").dup('c').data().asFloat();
            float[] b = p.get("b").dup('c').data().asFloat();
            int nOut = b.length;
            if (w.length != (long) nIn * nOut) {
                throw unsupported(i, conf, "its " + w.length + " weights do not match " + nIn + " inputs x " + nOut + " outputs");
            }
            RowActivation act = activation(i, conf);
            int used = foldBatchNorm(i, act, w, b, nOut, 1, false);
            add(Int8Dense.quantise(nIn, nOut, calibratedScale(), w, b, act), new int[] {nOut});
            return used;
        }
        if (conf.getClass() == ConvolutionLayer.class) {
            return conv(i, (ConvolutionLayer) conf, p);
        }
        if (conf.getClass() == SubsamplingLayer.class) {
            pool(i, (SubsamplingLayer) conf);
        } else if (conf.getClass() == BatchNormalization.class) {
            float[][] ab = batchNorm(i);
            int channels = ab[0].length;
            if (width() % channels != 0 || shape[0] != channels) {
                throw unsupported(i, conf, "its " + channels + " channels do not match the input " + java.util.Arrays.toString(shape));
            }
            add(new ChannelAffine(width() / ab[0].length, ab[0], ab[1]), shape);
        } else if (conf.getClass() == ActivationLayer.class) {
            add(new ActivationStep(width(), activation(i, conf)), shape);
        } else if (conf.getClass() != DropoutLayer.class) {
            throw unsupported(i, conf, "this layer type has no int8 counterpart (covered: dense, output, convolution 2D, "
                    + "subsampling, batch normalisation, activation, dropout)");
        }
        return i;
    }

    private int conv(int i, ConvolutionLayer conf, Map<String, INDArray> p) {
        requireImage(i, conf);
        if (conf.getCnn2dDataFormat() != CNN2DFormat.NCHW) {
            throw unsupported(i, conf, "only the NCHW data format is covered, not " + conf.getCnn2dDataFormat());
        }
        if (!conf.hasBias()) {
            throw unsupported(i, conf, "a convolution without bias is not covered");
        }
        Grid g = grid(i, conf, conf.getKernelSize(), conf.getStride(), conf.getPadding(), conf.getDilation(), conf.getConvolutionMode());
        float[] w = p.get("W").dup('c').data().asFloat();
        float[] b = p.get("b").dup('c').data().asFloat();
        int nOut = b.length;
        if (w.length != (long) nOut * g.channels() * g.kh() * g.kw()) {
            throw unsupported(i, conf, "its weights do not match " + nOut + " x " + g.channels() + " x " + g.kh() + " x " + g.kw());
        }
        RowActivation act = activation(i, conf);
        int used = foldBatchNorm(i, act, w, b, nOut, g.channels() * g.kh() * g.kw(), true);
        add(Int8Conv.quantise(g, nOut, calibratedScale(), w, b, act), new int[] {nOut, g.outH(), g.outW()});
        return used;
    }

    private void pool(int i, SubsamplingLayer conf) {
        requireImage(i, conf);
        if (conf.getCnn2dDataFormat() != CNN2DFormat.NCHW) {
            throw unsupported(i, conf, "only the NCHW data format is covered, not " + conf.getCnn2dDataFormat());
        }
        boolean max = conf.getPoolingType() == PoolingType.MAX;
        if (!max && conf.getPoolingType() != PoolingType.AVG) {
            throw unsupported(i, conf, "pooling type " + conf.getPoolingType() + " is not covered (max and average are)");
        }
        Grid g = grid(i, conf, conf.getKernelSize(), conf.getStride(), conf.getPadding(), conf.getDilation(), conf.getConvolutionMode());
        if (!max && (g.padTop() > 0 || g.padLeft() > 0 || (g.outH() - 1) * g.sy() + g.kh() > g.height()
                || (g.outW() - 1) * g.sx() + g.kw() > g.width())) {
            throw unsupported(i, conf, "average pooling with padding is not covered");
        }
        add(new Pool2d(g, max), new int[] {g.channels(), g.outH(), g.outW()});
    }

    private Grid grid(int i, Layer conf, int[] k, int[] s, int[] pad, int[] dilation, ConvolutionMode mode) {
        if (dilation != null && (dilation[0] != 1 || dilation[1] != 1)) {
            throw unsupported(i, conf, "dilation " + dilation[0] + " x " + dilation[1] + " is not covered");
        }
        int c = shape[0];
        int h = shape[1];
        int w = shape[2];
        int outH;
        int outW;
        int top;
        int left;
        if (mode == ConvolutionMode.Same) {
            outH = (h + s[0] - 1) / s[0];
            outW = (w + s[1] - 1) / s[1];
            top = Math.max(0, (outH - 1) * s[0] + k[0] - h) / 2;
            left = Math.max(0, (outW - 1) * s[1] + k[1] - w) / 2;
        } else if (mode == ConvolutionMode.Truncate || mode == ConvolutionMode.Strict) {
            outH = (h + 2 * pad[0] - k[0]) / s[0] + 1;
            outW = (w + 2 * pad[1] - k[1]) / s[1] + 1;
            top = pad[0];
            left = pad[1];
        } else {
            throw unsupported(i, conf, "convolution mode " + mode + " is not covered");
        }
        return new Grid(c, h, w, k[0], k[1], s[0], s[1], top, left, outH, outW);
    }

    /**
     * Folds a batch normalisation right after layer {@code i} into its weights and bias (in place) when
     * layer {@code i} has no activation of its own; returns the index of the last layer used.
     */
    private int foldBatchNorm(int i, RowActivation act, float[] w, float[] b, int nOut, int perOut, boolean outMajor) {
        if (act != RowActivation.IDENTITY || i + 1 >= net.getnLayers()
                || net.getLayer(i + 1).conf().getLayer().getClass() != BatchNormalization.class
                || net.getLayerWiseConfigurations().getInputPreProcess(i + 1) != null) {
            return i;
        }
        float[][] ab = batchNorm(i + 1);
        if (ab[0].length != nOut) {
            return i;
        }
        for (int o = 0; o < nOut; o++) {
            for (int k = 0; k < perOut; k++) {
                w[outMajor ? o * perOut + k : k * nOut + o] *= ab[0][o];
            }
            b[o] = b[o] * ab[0][o] + ab[1][o];
        }
        return i + 1;
    }

    /** A batch normalisation at inference as {@code x * scale + shift} per channel. */
    private float[][] batchNorm(int i) {
        BatchNormalization bn = (BatchNormalization) net.getLayer(i).conf().getLayer();
        Map<String, INDArray> p = net.getLayer(i).paramTable();
        float[] mean = p.get("mean").dup('c').data().asFloat();
        float[] gamma = bn.isLockGammaBeta() ? filled(mean.length, (float) bn.getGamma()) : p.get("gamma").dup('c').data().asFloat();
        float[] beta = bn.isLockGammaBeta() ? filled(mean.length, (float) bn.getBeta()) : p.get("beta").dup('c').data().asFloat();
        float[] scale = new float[mean.length];
        float[] shift = new float[mean.length];
        float[] log10 = bn.isUseLogStd() ? p.get("log10stdev").dup('c').data().asFloat() : null;
        float[] var = bn.isUseLogStd() ? null : p.get("var").dup('c').data().asFloat();
        for (int k = 0; k < mean.length; k++) {
            double std = log10 != null ? Math.pow(10, log10[k]) : Math.sqrt(var[k] + bn.getEps());
            scale[k] = (float) (gamma[k] / std);
            shift[k] = (float) (beta[k] - mean[k] * gamma[k] / std);
        }
        return new float[][] {scale, shift};
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private void preprocessor(int i, Layer conf) {
        InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
        if (pre == null) {
            return;
        }
        if (pre instanceof CnnToFeedForwardPreProcessor f) {
            if (f.getFormat() != CNN2DFormat.NCHW) {
                throw unsupported(i, conf, "its flatten preprocessor reads " + f.getFormat() + "; only NCHW is covered");
            }
            shape = new int[] {width()};
        } else if (pre instanceof FeedForwardToCnnPreProcessor f) {
            int[] s = {(int) f.getNumChannels(), (int) f.getInputHeight(), (int) f.getInputWidth()};
            if ((long) s[0] * s[1] * s[2] != width()) {
                throw unsupported(i, conf, "its reshape preprocessor makes " + java.util.Arrays.toString(s) + " of " + width() + " values");
            }
            shape = s;
        } else {
            throw unsupported(i, conf, "its input preprocessor " + pre.getClass().getSimpleName() + " is not covered");
        }
    }

    private void checkNoise(int i, Layer conf) {
        if (conf instanceof BaseLayer bl && bl.getWeightNoise() != null && bl.getWeightNoise().getClass() != WeightNoise.class
                && bl.getWeightNoise().getClass() != DropConnect.class) {
            throw unsupported(i, conf, "its weight noise " + bl.getWeightNoise().getClass().getSimpleName() + " may act at inference");
        }
    }

    private RowActivation activation(int i, Layer conf) {
        org.nd4j.linalg.activations.IActivation a = conf instanceof BaseLayer bl ? bl.getActivationFn()
                : ((ActivationLayer) conf).getActivationFn();
        return RowActivation.of(a).orElseThrow(() -> unsupported(i, conf, "activation " + a + " is not covered (identity, ReLU, "
                + "tanh, sigmoid and softmax are)"));
    }

    private void requireImage(int i, Layer conf) {
        if (shape.length != 3) {
            throw unsupported(i, conf, "it needs an image [channels, height, width] but gets rows of " + width() + " values");
        }
    }

    private int width() {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /** The per-tensor scale of the next step's input: the largest magnitude the calibration rows reach there. */
    private float calibratedScale() {
        return Int8Math.scale(Int8Math.maxAbs(sample));
    }

    private void add(Int8Op op, int[] outShape) {
        if (op.inputs() != width()) {
            throw new IllegalStateException("step " + ops.size() + " reads " + op.inputs() + " values but gets " + width());
        }
        ops.add(op);
        float[][] next = new float[sample.length][];
        for (int r = 0; r < sample.length; r++) {
            next[r] = op.apply(sample[r]);
        }
        sample = next;
        shape = outShape;
    }

    private static UnsupportedLayerException unsupported(int i, Layer conf, String why) {
        return new UnsupportedLayerException(i, conf.getClass().getSimpleName(), why);
    }
}

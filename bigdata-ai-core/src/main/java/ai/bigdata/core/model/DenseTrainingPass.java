package ai.bigdata.core.model;

import ai.bigdata.core.internal.NdFloats;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One training step of a dense network (what {@link DenseTrainingCoverage} accepts) computed here
 * instead of by DL4J's {@code fit}: forward and backward with every product written row-major by the
 * native engine into arrays reused across batches, bias, activation, softmax and loss gradient fused in
 * Java loops, the weight gradients written straight into the network's own flat gradient view. The
 * rest of the step is DL4J's own: its updater divides the gradient by the batch size, normalises or
 * clips it, adds the regularisation and runs the optimiser (state in its own state view) at the
 * network's iteration and epoch counters; the parameters are then moved by the update, the counters
 * advanced and the score set, as {@code fit} does. Parameters, gradient and optimiser state thus stay
 * in DL4J's layout, so checkpoints, averaging and resume work unchanged.
 *
 * <p>Not thread-safe (one per network, like the network itself).
 */
final class DenseTrainingPass {
    private static final MMulTranspose FIRST_TRANSPOSED = MMulTranspose.builder().transposeA(true).build();
    private static final MMulTranspose SECOND_TRANSPOSED = MMulTranspose.builder().transposeB(true).build();

    private final MultiLayerNetwork net;
    private final INDArray params;
    private final INDArray gradients;
    private final Updater updater;
    private final Block[] blocks;
    private final DenseLoss loss;
    private final Gradient gradient;
    /** The parameters and the gradient (then the update) as vectors of one shape, views of the network's arrays. */
    private final INDArray paramVector;
    private final INDArray updateVector;
    /** Buffers by batch size: the full batches and the smaller last batch of an epoch, kept both. */
    private final Map<Integer, Buffers> buffers = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Buffers> eldest) {
            return size() > 2;
        }
    };

    /** The parameter and gradient views of one layer. */
    private record Block(int in, int out, INDArray w, INDArray b, INDArray gradWt, INDArray gradB, DenseActivation activation,
            float[] bias, float[] biasGrad) {
    }

    /**
     * The network's own flat gradient, handed to DL4J's updater as that very array: {@code DefaultGradient}
     * hands out a reshaped copy of the view, which the updater takes for another network's gradient
     * ("external") and then slices the whole gradient and parameter vectors anew for every parameter at
     * every step (dozens of native views per step, whose memory only garbage collection gave back). Given
     * its own view the updater works on the views it made once; the arithmetic is the same.
     */
    private static final class NetworkGradient extends DefaultGradient {
        private final INDArray flat;

        NetworkGradient(INDArray flat) {
            super(flat);
            this.flat = flat;
        }

        @Override
        public INDArray gradient() {
            return flat;
        }
    }

    /** Arrays for one batch size: per layer its output (then its pre-activation gradient), native and Java. */
    private record Buffers(int rows, INDArray input, INDArray[] out, float[][] outJava, INDArray[] back, float[] scratch,
            float[] labels, Products products) {
    }

    /**
     * The products of one batch size, bound once to their arrays: per layer the forward product (input
     * times weights), the weight gradient (pre-activation gradient transposed times input) and, above
     * the first layer, the gradient passed down (pre-activation gradient times weights transposed). The
     * first layer's products read the pass's own input array, into which each batch's features are copied:
     * rebinding a context to each batch's array would pin every batch's native memory in the context.
     */
    private record Products(BoundMatMul[] forward, BoundMatMul[] weightGradient, BoundMatMul[] passDown) {
    }

    private DenseTrainingPass(MultiLayerNetwork net) {
        this.net = net;
        this.params = net.params();
        this.updater = net.getUpdater();
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView();
        }
        this.gradients = net.getFlattenedGradients();
        this.gradient = new NetworkGradient(gradients);
        this.paramVector = params.reshape(params.length());
        this.updateVector = gradients.reshape(gradients.length());
        if (paramVector.length() != updateVector.length()) {
            throw new IllegalStateException(params.length() + " parameters but " + gradients.length() + " gradient values");
        }
        int n = net.getnLayers();
        blocks = new Block[n];
        for (int i = 0; i < n; i++) {
            Layer layer = net.getLayer(i);
            Map<String, INDArray> p = layer.paramTable();
            INDArray w = p.get("W");
            int in = Math.toIntExact(w.size(0));
            int out = Math.toIntExact(w.size(1));
            INDArray seg = layer.getGradientsViewArray();
            if (seg == null || seg.length() != (long) in * out + out) {
                throw new IllegalStateException("layer " + i + " has no gradient view of " + ((long) in * out + out) + " values");
            }
            INDArray flat = seg.reshape(seg.length());
            Map<String, INDArray> views = layer.conf().getLayer().initializer().getGradientsFromFlattened(layer.conf(), seg);
            INDArray gradWt = flat.get(NDArrayIndex.interval(0, (long) in * out)).reshape('c', out, in);
            INDArray gradB = flat.get(NDArrayIndex.interval((long) in * out, (long) in * out + out));
            if (views.get("W") == null || views.get("W").offset() != gradWt.offset() || views.get("b") == null
                    || views.get("b").offset() != gradB.offset()) {
                throw new IllegalStateException("layer " + i + " does not keep its gradient in DL4J's dense layout");
            }
            String key = String.valueOf(i); // DL4J keys a multilayer gradient by layer index
            views.forEach((k, v) -> gradient.setGradientFor(key + "_" + k, v));
            DenseActivation act = i < n - 1 ? DenseActivation.of(((BaseLayer) layer.conf().getLayer()).getActivationFn())
                    .orElseThrow() : null;
            blocks[i] = new Block(in, out, w, p.get("b"), gradWt, gradB, act, new float[out], new float[out]);
        }
        this.loss = DenseLoss.of((OutputLayer) net.getLayer(n - 1).conf().getLayer()).orElseThrow();
    }

    /** The pass for this network, or empty (with DL4J's {@code fit} to use instead) when it does not cover it. */
    static Optional<DenseTrainingPass> of(MultiLayerNetwork net) {
        return DenseTrainingCoverage.unsupported(net).isPresent() ? Optional.empty() : Optional.of(new DenseTrainingPass(net));
    }

    /**
     * Whether this pass still works on {@code net}'s current arrays: the same network, parameter,
     * gradient and updater objects, and still no DL4J listeners.
     */
    boolean isFor(MultiLayerNetwork other) {
        return other == net && net.params() == params && net.getFlattenedGradients() == gradients && net.getUpdater() == updater
                && (net.getListeners() == null || net.getListeners().isEmpty());
    }

    /** Trains one batch ({@code [rows, inputs]} features, {@code [rows, outputs]} targets); returns DL4J's score of it. */
    double step(INDArray features, INDArray labels) {
        Block first = blocks[0];
        Block last = blocks[blocks.length - 1];
        if (features.rank() != 2 || features.size(1) != first.in || labels.rank() != 2 || labels.size(0) != features.size(0)
                || labels.size(1) != last.out) {
            throw new IllegalArgumentException("a batch of features " + Arrays.toString(features.shape()) + " and targets "
                    + Arrays.toString(labels.shape()) + " does not fit a network of " + first.in + " inputs and " + last.out
                    + " outputs");
        }
        int rows = Math.toIntExact(features.size(0));
        INDArray x = features.dataType() == DataType.FLOAT ? features : features.castTo(DataType.FLOAT);
        Buffers buf = buffers(rows);
        double lossSum = forward(x, contiguous(labels), buf);
        backward(buf);
        int iteration = net.getIterationCount();
        int epoch = net.getEpochCount();
        double score = lossSum / rows + net.calcRegularizationScore(true);
        updater.update(net, gradient, iteration, epoch, rows, LayerWorkspaceMgr.noWorkspaces());
        paramVector.subi(updateVector); // DL4J's step: parameters minus the update, in place
        net.setScore(score);
        net.setIterationCount(iteration + 1);
        for (int i = 0; i < blocks.length; i++) {
            net.getLayer(i).setIterationCount(iteration + 1);
            net.getLayer(i).setEpochCount(epoch);
        }
        return score;
    }

    private double forward(INDArray x, INDArray labels, Buffers buf) {
        int rows = buf.rows;
        for (int l = 0; l < blocks.length; l++) {
            Block k = blocks[l];
            INDArray z = buf.out[l];
            if (l == 0) {
                buf.input.assign(x);
                buf.products.forward[0].run();
            } else {
                buf.products.forward[l].run();
            }
            float[] zj = buf.outJava[l];
            NdFloats.read(z, zj, rows * k.out);
            NdFloats.read(k.b, k.bias, k.out);
            if (k.activation == null) {
                NdFloats.read(labels, buf.labels, rows * k.out);
                double sum = loss.lossAndGradient(zj, k.bias, buf.labels, rows, k.out);
                NdFloats.write(zj, z, rows * k.out);
                return sum;
            }
            k.activation.forward(zj, k.bias, rows, k.out);
            NdFloats.write(zj, z, rows * k.out);
        }
        throw new IllegalStateException("the network has no output layer");
    }

    private void backward(Buffers buf) {
        int rows = buf.rows;
        for (int l = blocks.length - 1; l >= 0; l--) {
            Block k = blocks[l];
            INDArray delta = buf.out[l];
            columnSums(buf.outJava[l], rows, k.out, k.biasGrad);
            NdFloats.write(k.biasGrad, k.gradB, k.out);
            if (l == 0) {
                buf.products.weightGradient[0].run();
            } else {
                buf.products.weightGradient[l].run();
            }
            if (l > 0) {
                INDArray back = buf.back[l - 1];
                buf.products.passDown[l].run();
                NdFloats.read(back, buf.scratch, rows * k.in);
                blocks[l - 1].activation.backward(buf.scratch, buf.outJava[l - 1], rows * k.in);
                NdFloats.write(buf.outJava[l - 1], buf.out[l - 1], rows * k.in);
            }
        }
    }

    private static void columnSums(float[] m, int rows, int cols, float[] sums) {
        Arrays.fill(sums, 0f);
        for (int r = 0, i = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, i++) {
                sums[c] += m[i];
            }
        }
    }

    private static INDArray contiguous(INDArray a) {
        INDArray f = a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT);
        return f.ordering() == 'c' && f.elementWiseStride() == 1 ? f : f.dup('c');
    }

    /** The buffers and bound products for batches of {@code rows} rows. */
    private Buffers buffers(int rows) {
        Buffers cached = buffers.get(rows);
        if (cached != null) {
            return cached;
        }
        int n = blocks.length;
        INDArray input = Nd4j.createUninitializedDetached(DataType.FLOAT, 'c', rows, blocks[0].in);
        INDArray[] out = new INDArray[n];
        float[][] outJava = new float[n][];
        INDArray[] back = new INDArray[Math.max(0, n - 1)];
        int widest = 0;
        for (int l = 0; l < n; l++) {
            out[l] = Nd4j.createUninitializedDetached(DataType.FLOAT, 'c', rows, blocks[l].out);
            outJava[l] = new float[Math.multiplyExact(rows, blocks[l].out)];
            if (l < n - 1) {
                back[l] = Nd4j.createUninitializedDetached(DataType.FLOAT, 'c', rows, blocks[l].out);
                widest = Math.max(widest, blocks[l].out);
            }
        }
        BoundMatMul[] forward = new BoundMatMul[n];
        BoundMatMul[] weightGradient = new BoundMatMul[n];
        BoundMatMul[] passDown = new BoundMatMul[n];
        for (int l = 0; l < n; l++) {
            INDArray in = l == 0 ? input : out[l - 1];
            forward[l] = new BoundMatMul(in, blocks[l].w, out[l], MMulTranspose.allFalse());
            weightGradient[l] = new BoundMatMul(out[l], in, blocks[l].gradWt, FIRST_TRANSPOSED);
            if (l > 0) {
                passDown[l] = new BoundMatMul(out[l], blocks[l].w, back[l - 1], SECOND_TRANSPOSED);
            }
        }
        Buffers made = new Buffers(rows, input, out, outJava, back, new float[rows * widest], new float[rows * blocks[n - 1].out],
                new Products(forward, weightGradient, passDown));
        buffers.put(rows, made);
        return made;
    }
}

package ai.bigdata.core.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network quantised to int8 by {@link Quantization}: per-output-channel symmetric int8 weights,
 * per-tensor input scales calibrated on training rows, int32 accumulation, float bias, activations and
 * output softmax, all in plain Java. It is a {@link Model} and a {@link Network} of the family
 * {@value #FAMILY}, so {@code ModelBundle} saves it (one byte per weight), {@code Predictor} serves
 * it and {@code Evaluator} evaluates it; it cannot be trained (training calls throw
 * {@link UnsupportedOperationException}: quantise a trained float network again instead).
 *
 * <p>Immutable and thread-safe; {@link #copy()} shares the same steps.
 */
public final class QuantizedNetwork extends Network {
    /** The family name stored in bundles. */
    public static final String FAMILY = "int8";
    /** The kind name stored in bundles. */
    static final String KIND = "int8";

    private final List<Int8Op> ops;

    QuantizedNetwork(String description, ModelSignature signature, List<Int8Op> ops) {
        super(KIND, description, signature);
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("an int8 network needs at least one step");
        }
        if (ops.get(0).inputs() != signature.featureWidth() || ops.get(ops.size() - 1).outputs() != signature.outputWidth()) {
            throw new IllegalArgumentException("the int8 steps read " + ops.get(0).inputs() + " and give "
                    + ops.get(ops.size() - 1).outputs() + " values per row but the signature " + signature + " has "
                    + signature.featureWidth() + " and " + signature.outputWidth());
        }
        this.ops = List.copyOf(ops);
    }

    /**
     * Reads a network written by {@link #write}.
     *
     * @throws IOException when the bytes are no int8 network, are cut short or disagree with the signature
     */
    static QuantizedNetwork read(String kind, String description, ModelSignature signature, InputStream in, boolean withUpdater)
            throws IOException {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("unknown int8 network kind '" + kind + "'; the known kind is " + KIND);
        }
        try {
            return new QuantizedNetwork(description, signature, Int8Codec.read(in));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public boolean isInitialised() {
        return true;
    }

    @Override
    void create(ModelSignature sig, NetworkSettings settings) {
        throw trainingUnsupported();
    }

    @Override
    void adopt(Network other) {
        throw trainingUnsupported();
    }

    @Override
    public double trainStep(INDArray features, INDArray labels, INDArray featuresMask, INDArray labelsMask) {
        throw trainingUnsupported();
    }

    /**
     * The output for a batch shaped {@code [rows, ...featureShape]}, computed row by row.
     *
     * @throws IllegalArgumentException when a row has another width or a value that is not finite
     */
    @Override
    public INDArray output(INDArray features) {
        long rows = features.size(0);
        int width = ops.get(0).inputs();
        if (features.length() != rows * width) {
            throw new IllegalArgumentException("the int8 network reads " + width + " values per row, got a batch shaped "
                    + java.util.Arrays.toString(features.shape()));
        }
        float[] all = features.dup('c').data().asFloat();
        int outs = ops.get(ops.size() - 1).outputs();
        float[] y = new float[(int) rows * outs];
        float[] row = new float[width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(all, r * width, row, 0, width);
            System.arraycopy(outputRow(row, r), 0, y, r * outs, outs);
        }
        return Nd4j.create(y, new long[] {rows, outs}, 'c');
    }

    private float[] outputRow(float[] row, long index) {
        for (int i = 0; i < row.length; i++) {
            if (!Float.isFinite(row[i])) {
                throw new IllegalArgumentException("row " + index + ", feature value " + i + " is " + row[i]
                        + "; the int8 network predicts from finite values only");
            }
        }
        float[] x = row;
        for (Int8Op op : ops) {
            x = op.apply(x);
        }
        return x;
    }

    @Override
    public INDArray input(INDArray features) {
        return features;
    }

    @Override
    public QuantizedNetwork copy() {
        return new QuantizedNetwork(description(), signature(), ops);
    }

    /** The number of stored weights and per-channel values: int8 weights count one each. */
    @Override
    public long parameterCount() {
        long n = 0;
        for (Int8Op op : ops) {
            n += op.weights();
        }
        return n;
    }

    /** Writes the int8 steps (there is no optimiser state: {@code withUpdater} changes nothing). */
    @Override
    public void write(OutputStream out, boolean withUpdater) throws IOException {
        Int8Codec.write(ops, out);
    }

    /** The size in bytes of the stored form ({@link #write}), before the bundle compresses it. */
    public long storedBytes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            write(b, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.size();
    }

    @Override
    public INDArray parameters() {
        throw trainingUnsupported();
    }

    @Override
    public void setParameters(INDArray values) {
        throw trainingUnsupported();
    }

    @Override
    public INDArray updaterState() {
        return null;
    }

    @Override
    public int iterationCount() {
        return 0;
    }

    @Override
    public void setIterationCount(int iteration) {
        throw trainingUnsupported();
    }

    @Override
    public void setEpochCount(int epoch) {
        throw trainingUnsupported();
    }

    @Override
    public double learningRate() {
        return Double.NaN;
    }

    @Override
    public Optional<String> workersUnsupported() {
        return Optional.of("an int8 network is not trained");
    }

    /** The plain-Java pass (the same steps {@link #output} runs), which the predictor uses for small requests. */
    @Override
    public Optional<DenseInference> denseInference() {
        return Optional.of(DenseInference.ofPass(ops.get(0).inputs(), row -> outputRow(row, 0)));
    }

    private UnsupportedOperationException trainingUnsupported() {
        return new UnsupportedOperationException("an int8 network cannot be trained: train the float network and quantise it again");
    }
}

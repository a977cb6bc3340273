package ai.bigdata.core.model;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkReader;
import ai.bigdata.core.internal.Datasets;
import ai.bigdata.core.internal.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Post-training int8 quantisation of a trained {@link NeuralNetwork}:
 * {@code Quantization.int8().calibrateOn(trainingFeatures, 1000).quantize(network)} gives a
 * {@link QuantizedNetwork} with symmetric int8 weights, one scale per output unit or channel
 * ({@code max|w| / 127}), and one input scale per weighted layer ({@code max|x| / 127} over the
 * calibration rows as they reach that layer through the layers already quantised: min/max
 * calibration, values beyond it are clamped). Products accumulate in int32; bias, batch normalisation
 * (folded into the layer before it where that layer has no activation), pooling, activations and the
 * output softmax stay in float.
 *
 * <p>Covered layers: dense, output, convolution 2D (NCHW, truncate/strict/same mode, no dilation),
 * max and average subsampling, batch normalisation, activation and dropout layers, with ReLU, identity,
 * tanh, sigmoid and softmax, and the flatten/reshape preprocessors {@code InputType.convolutional}
 * adds. Any other layer is an {@link UnsupportedLayerException} naming it; graph networks
 * ({@link GraphNetwork}) are refused as a whole.
 */
public final class Quantization {
    private final Dataset calibration;
    private final int rows;

    private Quantization(Dataset calibration, int rows) {
        this.calibration = calibration;
        this.rows = rows;
    }

    /** Int8 quantisation; give it calibration data with {@link #calibrateOn} before {@link #quantize}. */
    public static Quantization int8() {
        return new Quantization(null, 0);
    }

    /**
     * Calibrates the activation scales on the first {@code rows} rows of {@code data} (the network's
     * features, as the trainer saw them: after the transform; a representative sample of the training
     * data). The data is read when {@link #quantize} runs.
     *
     * @throws IllegalArgumentException when {@code rows} is below 1
     */
    public Quantization calibrateOn(Dataset data, int rows) {
        Objects.requireNonNull(data, "data");
        if (rows < 1) {
            throw new IllegalArgumentException("calibration needs at least 1 row, got " + rows);
        }
        return new Quantization(data, rows);
    }

    /**
     * The int8 network of a trained network.
     *
     * @throws IllegalStateException when no calibration data was given
     * @throws UnsupportedLayerException when a layer, layer option, activation or preprocessor has no int8 counterpart
     * @throws SchemaMismatchException when the calibration data lacks the network's features
     * @throws IllegalArgumentException when the calibration data has fewer rows than asked, or a value that is not finite
     */
    public QuantizedNetwork quantize(Network trained) {
        Objects.requireNonNull(trained, "trained");
        if (calibration == null) {
            throw new IllegalStateException("give calibration data first: Quantization.int8().calibrateOn(trainingFeatures, rows)");
        }
        if (!(trained instanceof NeuralNetwork nn)) {
            throw new UnsupportedLayerException(-1, trained.family() + " network", "only multilayer networks (NeuralNetwork) are "
                    + "covered; a " + trained.family() + " network's layers are not quantised");
        }
        if (trained.reconstructs()) {
            throw new UnsupportedLayerException(-1, nn.kind(), "autoencoders are not covered");
        }
        ModelSignature sig = nn.signature();
        float[][] sample = sample(sig);
        List<Int8Op> ops = Int8Compiler.compile(nn.network(), sig, sample);
        return new QuantizedNetwork("int8 of " + nn.description(), sig, ops);
    }

    private float[][] sample(ModelSignature sig) {
        sig.check(calibration.schema());
        if (calibration.rowCount() < rows) {
            throw new IllegalArgumentException("calibration asks for " + rows + " rows but the data has " + calibration.rowCount());
        }
        List<float[]> out = new ArrayList<>(rows);
        try (ChunkReader reader = Datasets.source(calibration).open()) {
            long first = 0;
            for (int k = 0; k < calibration.chunkCount() && out.size() < rows; k++) {
                Chunk chunk = reader.chunk(k);
                try (INDArray x = FeatureMatrix.pack(sig, chunk, first)) {
                    float[][] m = x.reshape('c', chunk.rowCount(), -1).toFloatMatrix();
                    for (int r = 0; r < m.length && out.size() < rows; r++) {
                        requireFinite(m[r], first + r);
                        out.add(m[r]);
                    }
                }
                first += chunk.rowCount();
            }
        }
        return out.toArray(new float[0][]);
    }

    private static void requireFinite(float[] row, long index) {
        for (int i = 0; i < row.length; i++) {
            if (!Float.isFinite(row[i])) {
                throw new IllegalArgumentException("calibration row " + index + ", feature value " + i + " is " + row[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "int8 quantisation" + (calibration == null ? "" : ", calibrated on " + rows + " rows");
    }
}

package ai.bigdata.vision;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Preprocessor;
import ai.bigdata.core.prep.Transform;

/**
 * Per-channel normalisation of an image tensor column ({@code [channels, height, width]}, or
 * {@code [height, width]} as one channel): fitted on training data, each value becomes
 * {@code (x - mean[c]) / std[c]} with the mean and population standard deviation of channel {@code c}
 * over every pixel of every non-null image (as {@code torchvision.transforms.Normalize} with statistics
 * computed on the training set). The fitted {@link ChannelNormalizationTransform} saves in pipelines and
 * model bundles (kind {@value ChannelNormalizationTransform#KIND}, read back by
 * {@link ChannelNormalizationKind}).
 */
public final class ChannelNormalization implements Preprocessor {
    private final String column;

    private ChannelNormalization(String column) {
        this.column = column;
    }

    /** The unfitted step for the tensor column {@code column}. */
    public static ChannelNormalization of(String column) {
        return new ChannelNormalization(java.util.Objects.requireNonNull(column, "column"));
    }

    /** A fitted step with given statistics (for example ImageNet's), one mean and one positive std per channel. */
    public static ChannelNormalizationTransform fixed(String column, double[] mean, double[] std) {
        return new ChannelNormalizationTransform(column, mean, std);
    }

    /**
     * The per-channel mean and population standard deviation of the column in {@code data}, in one
     * streaming pass (each image's channel statistics merged with Chan's formula).
     *
     * @throws PreprocessingException when the column is missing, no image tensor, holds no non-null image,
     *     or a channel is constant (its standard deviation is 0)
     */
    @Override
    public ChannelNormalizationTransform fit(Dataset data) {
        Column c = TensorRows.tensorColumn(data.schema(), column);
        int channels = TensorRows.channels(c);
        int plane = c.width() / channels;
        double[] count = new double[channels];
        double[] mean = new double[channels];
        double[] m2 = new double[channels];
        data.forEachRow(r -> {
            float[] x = (float[]) r.get(column);
            if (x == null) {
                return;
            }
            for (int ch = 0; ch < channels; ch++) {
                double sum = 0;
                for (int i = ch * plane; i < (ch + 1) * plane; i++) {
                    sum += x[i];
                }
                double m = sum / plane;
                double sq = 0;
                for (int i = ch * plane; i < (ch + 1) * plane; i++) {
                    double d = x[i] - m;
                    sq += d * d;
                }
                double n = count[ch] + plane;
                double delta = m - mean[ch];
                mean[ch] += delta * plane / n;
                m2[ch] += sq + delta * delta * count[ch] * plane / n;
                count[ch] = n;
            }
        });
        if (count[0] == 0) {
            throw new PreprocessingException(column, "column '" + column + "' holds no image to fit the normalisation on");
        }
        double[] std = new double[channels];
        for (int ch = 0; ch < channels; ch++) {
            std[ch] = Math.sqrt(m2[ch] / count[ch]);
            if (!(std[ch] > 0)) {
                throw new PreprocessingException(column, "channel " + ch + " of column '" + column + "' is constant ("
                        + mean[ch] + " everywhere); it cannot be scaled to unit variance");
            }
        }
        return new ChannelNormalizationTransform(column, mean, std);
    }
}

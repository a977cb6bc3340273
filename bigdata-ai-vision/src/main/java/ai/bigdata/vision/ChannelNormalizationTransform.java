package ai.bigdata.vision;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Transform;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link ChannelNormalization}: {@code (x - mean[c]) / std[c]} per channel {@code c}, computed in
 * double and stored as float32; other columns and null images are copied unchanged. Immutable.
 */
public final class ChannelNormalizationTransform implements Transform {
    /** The JSON kind tag. */
    public static final String KIND = "vision.channel_normalization";

    private final String column;
    private final double[] mean;
    private final double[] std;

    ChannelNormalizationTransform(String column, double[] mean, double[] std) {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("one mean and one std per channel are needed, got " + mean.length + " means and "
                    + std.length + " stds");
        }
        for (int c = 0; c < mean.length; c++) {
            if (!Double.isFinite(mean[c]) || !(std[c] > 0) || !Double.isFinite(std[c])) {
                throw new IllegalArgumentException("channel " + c + ": the mean must be finite and the std positive and finite,"
                        + " got mean " + mean[c] + ", std " + std[c]);
            }
        }
        this.column = column;
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** The per-channel means. */
    public double[] mean() {
        return mean.clone();
    }

    /** The per-channel standard deviations. */
    public double[] std() {
        return std.clone();
    }

    /** The normalised column's name. */
    public String column() {
        return column;
    }

    @Override
    public Schema outputSchema(Schema input) {
        Column c = TensorRows.tensorColumn(input, column);
        int channels = TensorRows.channels(c);
        if (channels != mean.length) {
            throw new PreprocessingException(column, "column '" + column + "' has " + channels + " channel(s) (shape "
                    + Arrays.toString(c.shape()) + ") but the normalisation was fitted on " + mean.length);
        }
        return input;
    }

    /**
     * A new in-memory dataset with the column normalised (a copy of every row: for data larger than
     * memory, normalise per batch with {@link #asAugmentation()} instead).
     */
    @Override
    public Dataset apply(Dataset data) {
        Column c = outputSchema(data.schema()).column(column);
        int plane = c.width() / mean.length;
        return TensorRows.mapCells(data, column, x -> normalise(x, plane));
    }

    /**
     * The same arithmetic as an {@link Augmentation} (no random draw), to normalise batches on the fly as
     * the last step of an {@link AugmentationPipeline}; its results equal {@link #apply}'s bit for bit.
     */
    public Augmentation asAugmentation() {
        return (image, random) -> {
            if (image.channels() != mean.length) {
                throw new IllegalArgumentException("an image of " + image.channels() + " channel(s) but the normalisation of '"
                        + column + "' was fitted on " + mean.length);
            }
            normalise(image.values(), image.height() * image.width());
            return image;
        };
    }

    private float[] normalise(float[] x, int plane) {
        for (int ch = 0; ch < mean.length; ch++) {
            for (int i = ch * plane; i < (ch + 1) * plane; i++) {
                x[i] = (float) ((x[i] - mean[ch]) / std[ch]);
            }
        }
        return x;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("column", column);
        m.put("mean", Arrays.stream(mean).boxed().toList());
        m.put("std", Arrays.stream(std).boxed().toList());
        return m;
    }

    /** Reads the parameters written by {@link #parameters()}; names a missing or mistyped one. */
    static ChannelNormalizationTransform fromParameters(Map<String, Object> p) {
        Object column = p.get("column");
        if (!(column instanceof String s)) {
            throw new IllegalArgumentException(KIND + ": parameter 'column' must be a string, got " + column);
        }
        return new ChannelNormalizationTransform(s, numbers(p, "mean"), numbers(p, "std"));
    }

    private static double[] numbers(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException(KIND + ": parameter '" + key + "' must be a list of numbers, got " + v);
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw new IllegalArgumentException(KIND + ": parameter '" + key + "'[" + i + "] must be a number, got "
                        + list.get(i));
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    @Override
    public String toString() {
        return "ChannelNormalization[" + column + ", mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + "]";
    }
}

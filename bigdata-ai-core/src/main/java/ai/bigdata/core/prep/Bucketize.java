package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Bucketisers of numeric columns, as unfitted values: fixed cut points, or quantile cut points fitted on the data. */
public final class Bucketize implements Preprocessor {
    private final double[] fixed;
    private final int quantiles;
    private final List<String> columns;
    private final int sketchK;

    private Bucketize(double[] fixed, int quantiles, List<String> columns) {
        this(fixed, quantiles, columns, 0);
    }

    private Bucketize(double[] fixed, int quantiles, List<String> columns, int sketchK) {
        this.fixed = fixed;
        this.quantiles = quantiles;
        this.columns = columns;
        this.sketchK = sketchK;
    }

    /** These cut points for every column (sorted here). */
    public static Bucketize edges(double... cuts) {
        double[] c = cuts.clone();
        Arrays.sort(c);
        for (double x : c) {
            if (Double.isNaN(x)) {
                throw new IllegalArgumentException("cut points must be numbers, got NaN");
            }
        }
        return new Bucketize(c, 0, null);
    }

    /** {@code k} buckets of about equal counts: cut points at the 1/k, 2/k, ... quantiles of the fitted data. */
    public static Bucketize quantiles(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("quantile bucketising needs k >= 2, got " + k);
        }
        return new Bucketize(null, k, null);
    }

    /** Only these columns (default: every numeric feature column). */
    public Bucketize columns(String... names) {
        return new Bucketize(fixed, quantiles, List.of(names), sketchK);
    }

    /**
     * Quantile cut points from a KLL quantile sketch (k = 200, rank error about 1.65 %) instead of exact
     * quantiles (which keep every value on the heap): fixed memory for data larger than the heap.
     */
    public Bucketize sketch() {
        return sketch(QuantileSketch.DEFAULT_K);
    }

    /** As {@link #sketch()} with the sketch's parameter k (8 to 65535; larger is more accurate). */
    public Bucketize sketch(int k) {
        if (fixed != null) {
            throw new IllegalArgumentException("fixed cut points need no quantiles; sketch() applies to Bucketize.quantiles(k)");
        }
        return new Bucketize(fixed, quantiles, columns, QuantileSketch.checkK(k));
    }

    /** Fits the cut points; the result tells them through {@link BucketTransform#cuts(String)}. */
    @Override
    public BucketTransform fit(Dataset data) {
        List<String> cols = Statistics.choose(data.schema(), columns, t -> t.isNumeric(), "numeric", "bucketising");
        List<double[]> cuts = new ArrayList<>();
        if (fixed != null) {
            cols.forEach(c -> cuts.add(fixed));
            return new BucketTransform(cols, cuts, null);
        }
        Statistics.requireRows(data, "quantile bucketising");
        Map<String, NumericStatistics> stats = Statistics.numeric(data, cols,
                Statistics.Quantiles.of(sketchK, "quantile bucketising", "Bucketize.quantiles(k).sketch() (a fixed-size KLL sketch, approximate)"));
        for (String c : cols) {
            NumericStatistics s = stats.get(c);
            if (s.count() == 0) {
                throw new PreprocessingException(c, "quantile bucketising found no present value");
            }
            double[] q = new double[quantiles - 1];
            for (int i = 1; i < quantiles; i++) {
                q[i - 1] = s.quantile((double) i / quantiles);
            }
            cuts.add(q);
        }
        return new BucketTransform(cols, cuts, QuantileSketch.describe(sketchK));
    }
}

package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Bucketisers of numeric columns, as unfitted values: fixed cut points, or quantile cut points fitted on the
 * data. They also fit from partial statistics ({@link PartialFit}): exact quantiles keep every value of the
 * parts (the local fit's cut points exactly), sketched ones merge their KLL sketches.
 */
public final class Bucketize implements StatisticsFit {
    private static final long serialVersionUID = 1L;
    private static final String STEP = "quantile bucketising";

    private final double[] fixed;
    private final int quantiles;
    private final ArrayList<String> columns;
    private final int sketchK;

    private Bucketize(double[] fixed, int quantiles, List<String> columns) {
        this(fixed, quantiles, columns, 0);
    }

    private Bucketize(double[] fixed, int quantiles, List<String> columns, int sketchK) {
        this.fixed = fixed;
        this.quantiles = quantiles;
        this.columns = columns == null ? null : new ArrayList<>(columns);
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
        List<String> cols = chooseColumns(data.schema());
        if (fixed != null) {
            return finish(cols, null);
        }
        Statistics.requireRows(data, STEP);
        return finish(cols, Statistics.numeric(data, cols, quantileMode()));
    }

    /** {@inheritDoc} Fixed cut points gather nothing but the row count. */
    @Override
    public PartialStatistics newState(Schema schema) {
        return PartialStatistics.of(chooseColumns(schema), fixed != null ? Statistics.Quantiles.NONE : quantileMode());
    }

    @Override
    public PartialStatistics accumulate(PartialStatistics state, Dataset part) {
        if (fixed != null) {
            state.addRows(part);
        } else {
            state.addNumeric(part);
        }
        return state;
    }

    /** {@inheritDoc} Exact quantiles give the local fit's cut points exactly. */
    @Override
    public BucketTransform finish(PartialStatistics state) {
        if (fixed != null) {
            return finish(state.columns(), null);
        }
        state.requireRows(STEP);
        return finish(state.columns(), state.numeric());
    }

    private List<String> chooseColumns(Schema schema) {
        return Statistics.choose(schema, columns, t -> t.isNumeric(), "numeric", "bucketising");
    }

    private Statistics.Quantiles quantileMode() {
        return Statistics.Quantiles.of(sketchK, STEP, "Bucketize.quantiles(k).sketch() (a fixed-size KLL sketch, approximate)");
    }

    /** The transform with the fixed cut points, or with the quantiles of {@code stats}. */
    private BucketTransform finish(List<String> cols, Map<String, NumericStatistics> stats) {
        List<double[]> cuts = new ArrayList<>();
        if (fixed != null) {
            cols.forEach(c -> cuts.add(fixed));
            return new BucketTransform(cols, cuts, null);
        }
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

package ai.bigdata.core.prep;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scalers, as unfitted values: standard (z-score, population standard deviation), min-max, robust
 * (median and interquartile range), max-abs and log1p ({@link Log1pScale}). They apply to the named columns or, by default,
 * to every numeric (not boolean) feature column. A column whose scale is zero (a constant) is an error unless
 * {@link #allowConstant()} is set, which then leaves its scale at 1 as scikit-learn does.
 */
public final class Scale implements StatisticsFit {
    private static final long serialVersionUID = 1L;

    private enum Kind { STANDARD, MIN_MAX, ROBUST, MAX_ABS }

    private final Kind kind;
    private final List<String> columns;
    private final boolean allowConstant;
    private final int sketchK;

    private Scale(Kind kind, List<String> columns, boolean allowConstant) {
        this(kind, columns, allowConstant, 0);
    }

    private Scale(Kind kind, List<String> columns, boolean allowConstant, int sketchK) {
        this.kind = kind;
        this.columns = columns;
        this.allowConstant = allowConstant;
        this.sketchK = sketchK;
    }

    /** z-scores: {@code (x - mean) / std} with the population standard deviation. */
    public static Scale standard() {
        return new Scale(Kind.STANDARD, null, false);
    }

    /** {@code (x - min) / (max - min)}, into [0, 1] on the fitted data. */
    public static Scale minMax() {
        return new Scale(Kind.MIN_MAX, null, false);
    }

    /**
     * {@code (x - median) / (q75 - q25)}, exact quantiles: every value is kept on the heap (8 bytes per
     * row and column; fitting fails early, with a message, when that cannot fit). See {@link #sketch()}.
     */
    public static Scale robust() {
        return new Scale(Kind.ROBUST, null, false);
    }

    /** {@code x / max|x|}, into [-1, 1] on the fitted data. */
    public static Scale maxAbs() {
        return new Scale(Kind.MAX_ABS, null, false);
    }

    /** {@code log(1 + x)}; needs no fitting. */
    public static Log1pScale log1p() {
        return new Log1pScale(null);
    }

    /** Only these columns. */
    public Scale columns(String... names) {
        return new Scale(kind, List.of(names), allowConstant, sketchK);
    }

    /** Constant columns get scale 1 instead of an error. */
    public Scale allowConstant() {
        return new Scale(kind, columns, true, sketchK);
    }

    /**
     * Robust scaling from a KLL quantile sketch (k = 200, rank error about 1.65 %) instead of exact
     * quantiles: fixed memory whatever the row count, for data larger than the heap. The fitted step's
     * name (kept in its JSON) says so.
     */
    public Scale sketch() {
        return sketch(QuantileSketch.DEFAULT_K);
    }

    /** As {@link #sketch()} with the sketch's parameter k (8 to 65535; larger is more accurate). */
    public Scale sketch(int k) {
        if (kind != Kind.ROBUST) {
            throw new IllegalArgumentException("only robust scaling uses quantiles; " + this + " has nothing to sketch");
        }
        return new Scale(kind, columns, allowConstant, QuantileSketch.checkK(k));
    }

    /** Fits centre and scale per column; the result tells them through {@link AffineTransform#center(String)} and friends. */
    @Override
    public AffineTransform fit(Dataset data) {
        String step = step();
        List<String> cols = chooseColumns(data.schema());
        Statistics.requireRows(data, step);
        return finish(step, cols, Statistics.numeric(data, cols, quantiles(step)));
    }

    /** {@inheritDoc} The state keeps per column what {@link #fit} gathers in its pass. */
    @Override
    public PartialStatistics newState(Schema schema) {
        return PartialStatistics.of(chooseColumns(schema), quantiles(step()));
    }

    @Override
    public PartialStatistics accumulate(PartialStatistics state, Dataset part) {
        state.addNumeric(part);
        return state;
    }

    /** {@inheritDoc} Exact for min-max, max-abs and exact robust scaling; standard scaling's moments up to summation order. */
    @Override
    public AffineTransform finish(PartialStatistics state) {
        String step = step();
        state.requireRows(step);
        return finish(step, state.columns(), state.numeric());
    }

    private String step() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + " scaling"
                + (sketchK == 0 ? "" : " (" + QuantileSketch.describe(sketchK) + ")");
    }

    private List<String> chooseColumns(Schema schema) {
        return Statistics.choose(schema, columns, t -> t.isNumeric() || columns != null && t == ColumnType.BOOLEAN,
                "numeric", step());
    }

    private Statistics.Quantiles quantiles(String step) {
        return kind == Kind.ROBUST
                ? Statistics.Quantiles.of(sketchK, step, "Scale.robust().sketch() (a fixed-size KLL sketch, approximate)") : Statistics.Quantiles.NONE;
    }

    private AffineTransform finish(String step, List<String> cols, Map<String, NumericStatistics> stats) {
        double[] center = new double[cols.size()];
        double[] scale = new double[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            NumericStatistics s = stats.get(cols.get(i));
            if (s.count() == 0) {
                throw new PreprocessingException(cols.get(i), step + " found no present value to fit on");
            }
            switch (kind) {
                case STANDARD:
                    center[i] = s.mean();
                    scale[i] = Math.sqrt(s.variance(0));
                    break;
                case MIN_MAX:
                    center[i] = s.min();
                    scale[i] = s.max() - s.min();
                    break;
                case ROBUST:
                    center[i] = s.quantile(0.5);
                    scale[i] = s.quantile(0.75) - s.quantile(0.25);
                    break;
                default:
                    center[i] = 0;
                    scale[i] = s.maxAbs();
                    break;
            }
            if (!Double.isFinite(center[i]) || !Double.isFinite(scale[i])) {
                throw new PreprocessingException(cols.get(i), step + " found centre " + center[i] + " and scale " + scale[i]
                        + " (values from " + s.min() + " to " + s.max() + " overflow double arithmetic); rescale the column first");
            }
            if (!(scale[i] > 0)) {
                if (!allowConstant) {
                    throw new PreprocessingException(cols.get(i), step + " found a constant column (scale " + scale[i]
                            + "); drop it, or use allowConstant() to leave it unscaled");
                }
                scale[i] = 1;
            }
        }
        return new AffineTransform(step, cols, center, scale);
    }

    @Override
    public String toString() {
        return kind + " scaler" + (columns == null ? "" : " of " + columns) + (sketchK == 0 ? "" : " (" + QuantileSketch.describe(sketchK) + ")");
    }
}

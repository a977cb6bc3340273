package ai.bigdata.core.prep;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imputers, as unfitted values: replace missing numeric values by the column's mean, median, most
 * frequent value (ties to the smallest) or a constant, learnt from the fitted data. They apply to the
 * named columns or, by default, every numeric feature column; {@link #withIndicators()} adds a boolean
 * {@code <column>_missing} column per imputed column. A column with no present value is an error.
 */
public final class Impute implements StatisticsFit {
    private static final long serialVersionUID = 1L;

    private enum Strategy { MEAN, MEDIAN, MOST_FREQUENT, CONSTANT }

    private final Strategy strategy;
    private final double constant;
    private final List<String> columns;
    private final boolean indicators;
    private final int sketchK;

    private Impute(Strategy strategy, double constant, List<String> columns, boolean indicators) {
        this(strategy, constant, columns, indicators, 0);
    }

    private Impute(Strategy strategy, double constant, List<String> columns, boolean indicators, int sketchK) {
        this.strategy = strategy;
        this.constant = constant;
        this.columns = columns;
        this.indicators = indicators;
        this.sketchK = sketchK;
    }

    /** The mean of present values. */
    public static Impute mean() {
        return new Impute(Strategy.MEAN, 0, null, false);
    }

    /**
     * The median of present values, exact: every value is kept on the heap (8 bytes per row and column;
     * fitting fails early, with a message, when that cannot fit). See {@link #sketch()}.
     */
    public static Impute median() {
        return new Impute(Strategy.MEDIAN, 0, null, false);
    }

    /** The most frequent present value; ties go to the smallest. */
    public static Impute mostFrequent() {
        return new Impute(Strategy.MOST_FREQUENT, 0, null, false);
    }

    /** A fixed value. */
    public static Impute constant(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("the constant must be a number, got NaN");
        }
        return new Impute(Strategy.CONSTANT, value, null, false);
    }

    /**
     * Categorical columns (the named ones, or every categorical feature column): missing values become
     * the most frequent category of the fitted data (ties to the first by name).
     */
    public static CategoryImpute mostFrequentCategory(String... names) {
        return new CategoryImpute(null, names.length == 0 ? null : List.of(names), false);
    }

    /** Categorical columns: missing values become {@code category} (added to the categories if new). */
    public static CategoryImpute constantCategory(String category, String... names) {
        if (category == null) {
            throw new IllegalArgumentException("the constant category must not be null");
        }
        return new CategoryImpute(category, names.length == 0 ? null : List.of(names), false);
    }

    /** Only these columns. */
    public Impute columns(String... names) {
        return new Impute(strategy, constant, List.of(names), indicators, sketchK);
    }

    /** Also adds a boolean {@code <column>_missing} column per imputed column. */
    public Impute withIndicators() {
        return new Impute(strategy, constant, columns, true, sketchK);
    }

    /**
     * The median from a KLL quantile sketch (k = 200, rank error about 1.65 %) instead of exactly: fixed
     * memory whatever the row count, for data larger than the heap. The fitted step's JSON says so.
     */
    public Impute sketch() {
        return sketch(QuantileSketch.DEFAULT_K);
    }

    /** As {@link #sketch()} with the sketch's parameter k (8 to 65535; larger is more accurate). */
    public Impute sketch(int k) {
        if (strategy != Strategy.MEDIAN) {
            throw new IllegalArgumentException("only median imputation can use a quantile sketch, not " + this);
        }
        return new Impute(strategy, constant, columns, indicators, QuantileSketch.checkK(k));
    }

    /** Fits the value per column; the result tells them through {@link ImputeTransform#value(String)}. */
    @Override
    public ImputeTransform fit(Dataset data) {
        String step = step();
        List<String> cols = chooseColumns(data.schema());
        Statistics.requireRows(data, step);
        return finish(step, cols, strategy == Strategy.CONSTANT ? null : Statistics.numeric(data, cols, quantiles(step)));
    }

    /** {@inheritDoc} The state keeps per column what {@link #fit} gathers in its pass (nothing for a constant). */
    @Override
    public PartialStatistics newState(Schema schema) {
        return PartialStatistics.of(chooseColumns(schema), quantiles(step()));
    }

    @Override
    public PartialStatistics accumulate(PartialStatistics state, Dataset part) {
        if (strategy == Strategy.CONSTANT) {
            state.addRows(part);
        } else {
            state.addNumeric(part);
        }
        return state;
    }

    /** {@inheritDoc} Exact for median (exact), most-frequent and constant imputation; the mean up to summation order. */
    @Override
    public ImputeTransform finish(PartialStatistics state) {
        String step = step();
        state.requireRows(step);
        return finish(step, state.columns(), strategy == Strategy.CONSTANT ? null : state.numeric());
    }

    private String step() {
        return strategy.name().toLowerCase(Locale.ROOT).replace('_', '-') + " imputation";
    }

    private List<String> chooseColumns(Schema schema) {
        return Statistics.choose(schema, columns, t -> t.isNumeric() || columns != null && t == ColumnType.BOOLEAN,
                "numeric", step());
    }

    private Statistics.Quantiles quantiles(String step) {
        return strategy == Strategy.MEAN || strategy == Strategy.CONSTANT
                ? Statistics.Quantiles.NONE
                : Statistics.Quantiles.of(sketchK, step, strategy == Strategy.MEDIAN ? "Impute.median().sketch() (a fixed-size KLL sketch, approximate)" : "Impute.mean() or Impute.median().sketch()");
    }

    /** The transform of the statistics of {@code cols} ({@code stats} null for a constant). */
    private ImputeTransform finish(String step, List<String> cols, Map<String, NumericStatistics> stats) {
        double[] values = new double[cols.size()];
        if (stats == null) {
            java.util.Arrays.fill(values, constant);
        } else {
            for (int i = 0; i < cols.size(); i++) {
                NumericStatistics s = stats.get(cols.get(i));
                if (s.count() == 0) {
                    throw new PreprocessingException(cols.get(i), step + " found no present value: every row is missing");
                }
                values[i] = strategy == Strategy.MEAN ? s.mean() : strategy == Strategy.MEDIAN ? s.quantile(0.5) : s.mostFrequent();
                if (!Double.isFinite(values[i])) {
                    throw new PreprocessingException(cols.get(i), step + " found " + values[i] + " (values from " + s.min()
                            + " to " + s.max() + " overflow double arithmetic); rescale the column first");
                }
            }
        }
        return new ImputeTransform(cols, values, indicators, QuantileSketch.describe(sketchK));
    }

    @Override
    public String toString() {
        return strategy + " imputer" + (columns == null ? "" : " of " + columns);
    }
}

package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.List;
import java.util.Map;

/**
 * Cleaning steps, as unfitted values: drop exact duplicate rows (by all or key columns, keeping the
 * first), drop rows with too many missing values, parse free-typed lengths into numbers, and clip
 * numeric outliers to bounds fitted on the training data (z-score or interquartile-range fences).
 * Every step but duplicate dropping also fits from parts of the data ({@link PartialFitting}, Spark);
 * duplicate dropping compares rows across the whole dataset, so it is fitted and applied on all rows at once.
 */
public final class Clean {
    private Clean() {
    }

    /** Which of a group of duplicate rows stays. */
    public enum Keep {
        /** The first in row order. */
        FIRST,
        /** The last in row order. */
        LAST
    }

    /** Drops rows equal to an earlier row in every column. */
    public static Preprocessor dropDuplicates() {
        return data -> new RowFilterTransform(RowFilterTransform.Rule.DUPLICATES, null, 0, false);
    }

    /** Drops rows equal to an earlier row in the key columns. */
    public static Preprocessor dropDuplicates(String... keys) {
        return dropDuplicates(Keep.FIRST, keys);
    }

    /** Keeps one row of each group of rows equal in the key columns: the first or the last. */
    public static Preprocessor dropDuplicates(Keep keep, String... keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException("name at least one key column, or use dropDuplicates()");
        }
        return data -> {
            RowFilterTransform t = new RowFilterTransform(RowFilterTransform.Rule.DUPLICATES, List.of(keys), 0,
                    keep == Keep.LAST);
            t.outputSchema(data.schema());
            return t;
        };
    }

    /** Drops rows in which more than {@code fraction} of the columns are missing. */
    public static Preprocessor dropRowsMissingMoreThan(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
        }
        return new RowRuleStep(RowRuleStep.Rule.MISSING_ROWS, null, null, fraction, 0);
    }

    /** Drops, at fit time, every column whose share of missing values in the fitted data exceeds {@code fraction}. */
    public static Preprocessor dropColumnsMissingMoreThan(double fraction) {
        return new DropSparseColumns(fraction);
    }

    /** Marks numbers of {@code column} outside [low, high] as missing (the column becomes float64). */
    public static Preprocessor invalidOutside(String column, double low, double high) {
        if (!(low <= high)) {
            throw new IllegalArgumentException("the valid range needs low <= high, got [" + low + ", " + high + "]");
        }
        return new RowRuleStep(RowRuleStep.Rule.INVALID_OUTSIDE, column, null, low, high);
    }

    /** Marks texts of {@code column} that do not match {@code regex} (whole text) as missing. */
    public static Preprocessor invalidNotMatching(String column, String regex) {
        java.util.regex.Pattern.compile(regex);
        return new RowRuleStep(RowRuleStep.Rule.INVALID_NOT_MATCHING, column, regex, 0, 0);
    }

    /**
     * Parses a text column of free-typed lengths (heights) into a new float64 column {@code output} in
     * inches; see {@link LengthParseTransform#inches(String)}. Unparseable texts become nulls.
     */
    public static Preprocessor parseLengthInches(String column, String output) {
        return new RowRuleStep(RowRuleStep.Rule.PARSE_LENGTH, column, output, 0, 0);
    }

    /** Clips each numeric feature column (or the named ones) to mean +- z standard deviations of the fitted data. */
    public static Outliers clipZScore(double z) {
        return new Outliers(true, z, null);
    }

    /** Clips to [q25 - k * IQR, q75 + k * IQR] of the fitted data (Tukey's fences; k = 1.5 is usual). */
    public static Outliers clipIqr(double k) {
        return new Outliers(false, k, null);
    }

    /**
     * Outlier clipping, fitted on the training data; fits from parts of the data too (z-score fences from
     * merged moments, equal to the whole-data fit up to summation order; IQR fences from exact quantiles,
     * equal).
     */
    public static final class Outliers implements StatisticsFit {
        private static final long serialVersionUID = 1L;

        private final boolean zScore;
        private final double width;
        private final List<String> columns;

        Outliers(boolean zScore, double width, List<String> columns) {
            if (!(width > 0)) {
                throw new IllegalArgumentException("the fence width must be positive, got " + width);
            }
            this.zScore = zScore;
            this.width = width;
            this.columns = columns == null ? null : List.copyOf(columns);
        }

        /** Only these columns. */
        public Outliers columns(String... names) {
            return new Outliers(zScore, width, List.of(names));
        }

        /** Fits the bounds; the result tells them through {@link ClipTransform#bounds(String)}. */
        @Override
        public ClipTransform fit(Dataset data) {
            List<String> cols = chooseColumns(data.schema());
            Statistics.requireRows(data, step());
            return finish(cols, Statistics.numeric(data, cols, quantiles()));
        }

        /** {@inheritDoc} The state keeps per column what {@link #fit} gathers in its pass. */
        @Override
        public PartialStatistics newState(Schema schema) {
            return PartialStatistics.of(chooseColumns(schema), quantiles());
        }

        @Override
        public PartialStatistics accumulate(PartialStatistics state, Dataset part) {
            state.addNumeric(part);
            return state;
        }

        /** {@inheritDoc} Exact for IQR fences; z-score fences up to summation order. */
        @Override
        public ClipTransform finish(PartialStatistics state) {
            state.requireRows(step());
            return finish(state.columns(), state.numeric());
        }

        private String step() {
            return zScore ? "z-score clipping" : "IQR clipping";
        }

        private List<String> chooseColumns(Schema schema) {
            return Statistics.choose(schema, columns, t -> t.isNumeric(), "numeric", step());
        }

        private Statistics.Quantiles quantiles() {
            return zScore ? Statistics.Quantiles.NONE : Statistics.Quantiles.exact(step(), "Clean.clipZScore(z) (no quantiles needed)");
        }

        private ClipTransform finish(List<String> cols, Map<String, NumericStatistics> stats) {
            double[] low = new double[cols.size()];
            double[] high = new double[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                NumericStatistics s = stats.get(cols.get(i));
                if (s.count() == 0) {
                    throw new PreprocessingException(cols.get(i), step() + " found no present value to fit on");
                }
                if (zScore) {
                    double sd = Math.sqrt(s.variance(0));
                    low[i] = s.mean() - width * sd;
                    high[i] = s.mean() + width * sd;
                } else {
                    double q1 = s.quantile(0.25);
                    double q3 = s.quantile(0.75);
                    low[i] = q1 - width * (q3 - q1);
                    high[i] = q3 + width * (q3 - q1);
                }
            }
            return new ClipTransform(cols, low, high);
        }

        @Override
        public String toString() {
            return (zScore ? "z-score" : "IQR") + " clipping at " + width + (columns == null ? "" : " of " + columns);
        }
    }
}

package ai.bigdata.core.data;

import java.util.Locale;

/**
 * Statistics of one column from one streaming pass: count of present values, missing values, and for
 * numeric, boolean and timestamp columns mean, standard deviation (sample, n-1), min and max; for
 * categoricals the number of distinct categories present.
 */
public final class ColumnSummary {
    private final Column column;
    private final long count;
    private final long missing;
    private final double mean;
    private final double std;
    private final double min;
    private final double max;
    private final long distinct;

    ColumnSummary(Column column, long count, long missing, double mean, double std, double min, double max, long distinct) {
        this.column = column;
        this.count = count;
        this.missing = missing;
        this.mean = mean;
        this.std = std;
        this.min = min;
        this.max = max;
        this.distinct = distinct;
    }

    /** The column. */
    public Column column() {
        return column;
    }

    /** Present (non-null) values. */
    public long count() {
        return count;
    }

    /** Null values. */
    public long missing() {
        return missing;
    }

    /** Mean of present values; NaN when the type has no numeric statistics or none are present. */
    public double mean() {
        return mean;
    }

    /** Sample standard deviation (n-1); NaN when undefined. */
    public double std() {
        return std;
    }

    /** Smallest present value; NaN when undefined. */
    public double min() {
        return min;
    }

    /** Largest present value; NaN when undefined. */
    public double max() {
        return max;
    }

    /** Distinct categories present (categoricals), else -1. */
    public long distinct() {
        return distinct;
    }

    @Override
    public String toString() {
        String stats = Double.isNaN(mean) ? "" : String.format(Locale.ROOT, " mean=%.6g std=%.6g min=%.6g max=%.6g", mean, std, min, max);
        String d = distinct >= 0 ? " distinct=" + distinct : "";
        return column + " count=" + count + " missing=" + missing + stats + d;
    }
}

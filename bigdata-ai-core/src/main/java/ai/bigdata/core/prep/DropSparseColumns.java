package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops, at fit time, every column whose share of missing values in the fitted data exceeds a fraction
 * ({@link Clean#dropColumnsMissingMoreThan}). Its state counts rows and each column's missing values,
 * which add up exactly over parts of the data.
 */
final class DropSparseColumns implements StatisticsFit {
    private static final long serialVersionUID = 1L;
    private static final String STEP = "dropping sparse columns";

    private final double fraction;

    DropSparseColumns(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
        }
        this.fraction = fraction;
    }

    @Override
    public DropColumnsTransform fit(Dataset data) {
        Statistics.requireRows(data, STEP);
        return finish(accumulate(newState(data.schema()), data));
    }

    /** {@inheritDoc} The state lists every column of {@code schema}. */
    @Override
    public PartialStatistics newState(Schema schema) {
        return PartialStatistics.of(schema.names(), null);
    }

    @Override
    public PartialStatistics accumulate(PartialStatistics state, Dataset part) {
        state.addMissing(part);
        return state;
    }

    /** {@inheritDoc} Exact: counts add up. */
    @Override
    public DropColumnsTransform finish(PartialStatistics state) {
        state.requireRows(STEP);
        List<String> drop = new ArrayList<>();
        for (String c : state.columns()) {
            if (state.missing(c) > fraction * state.rows()) {
                drop.add(c);
            }
        }
        return new DropColumnsTransform(drop);
    }

    @Override
    public String toString() {
        return "drop columns missing more than " + fraction;
    }
}

package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.io.Serializable;

/**
 * A preprocessor that can also be fitted from partial statistics: each part of the data (a partition,
 * a file, a client's share) is summarised into a state of its own, states are merged in any grouping,
 * and the merged state is finished into the same {@link Transform} that {@link #fit(Dataset)} gives on
 * all the rows at once. Counts, minima, maxima, kept values and category counts merge exactly; means and
 * variances merge with Chan's formula, so they equal a local fit's up to floating-point summation order.
 *
 * <p>The preprocessor and its states are {@link Serializable}, so a cluster can ship them between
 * machines. {@link PartialFitting} fits a whole {@link Pipeline} this way, step by step, and is the
 * usual entry point; this interface is what each single step provides.
 *
 * @param <S> the mergeable state; {@link #accumulate} and {@link #merge} may update and return an argument
 */
public interface PartialFit<S extends Serializable> extends Preprocessor, Serializable {
    /**
     * The state of no rows, for parts with this schema; fails as {@link #fit(Dataset)} would on a missing
     * or mistyped column.
     */
    S newState(Schema schema);

    /** Adds the statistics of {@code part} (same schema as the state's) to {@code state} and returns the result. */
    S accumulate(S state, Dataset part);

    /** Both states combined, as if one state had seen the parts of both; either argument may be reused. */
    S merge(S left, S right);

    /**
     * The fitted transform of everything the state has seen; fails as {@link #fit(Dataset)} would (no
     * rows, a column with no present value, a constant column).
     */
    Transform finish(S state);
}

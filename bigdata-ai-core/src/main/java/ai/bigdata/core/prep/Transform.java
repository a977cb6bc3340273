package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.Map;

/**
 * A fitted preprocessing step: immutable, applies the same arithmetic to any dataset with the columns
 * it was fitted on, and serialises to JSON and back with identical behaviour ({@link TransformJson}).
 */
public interface Transform {
    /** The schema that {@link #apply} produces from {@code input}; fails naming any missing or mistyped column. */
    Schema outputSchema(Schema input);

    /** A new dataset with this step applied (the caller closes it); {@code data} is unchanged. */
    Dataset apply(Dataset data);

    /** The JSON type tag of this step. */
    String kind();

    /** The fitted parameters as JSON-ready values (numbers, strings, booleans, lists, maps). */
    Map<String, Object> parameters();

    /**
     * Whether each output row depends on its own input row only, so that applying the step to parts of
     * the data one by one (a cluster's partitions) gives the rows that applying it to the whole gives.
     * True for every step of the library but duplicate dropping, which compares rows across the dataset.
     */
    default boolean rowByRow() {
        return true;
    }

    /**
     * This transform without the steps that compare rows across the dataset (duplicate dropping), as it
     * applies to rows answered each on its own (a predictor's request): itself when it is {@link #rowByRow()}.
     */
    default Transform withoutCrossRowSteps() {
        return rowByRow() ? this : IdentityTransform.INSTANCE;
    }
}

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
}

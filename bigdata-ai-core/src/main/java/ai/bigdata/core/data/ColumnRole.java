package ai.bigdata.core.data;

/** What a column means to a model; stored in the Arrow field metadata under {@code bigdata.role}. */
public enum ColumnRole {
    /** An input of the model (the default). */
    FEATURE,
    /** The target to predict. */
    LABEL,
    /** A row identifier, never used as a feature. */
    ID,
    /** A per-row sample weight. */
    WEIGHT,
    /** The user of an interaction (recommender systems). */
    USER,
    /** The item of an interaction (recommender systems). */
    ITEM,
    /** The time of a row, used by time-based splits. */
    TIME,
    /** An output of a model (prediction, probabilities, score), never used as a feature. */
    PREDICTION
}

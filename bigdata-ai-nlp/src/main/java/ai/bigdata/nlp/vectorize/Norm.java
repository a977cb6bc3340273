package ai.bigdata.nlp.vectorize;

/** How each document vector is scaled at the end. A zero vector stays zero. */
public enum Norm {
    /** Unchanged. */
    NONE,
    /** Divided by the sum of absolute values. */
    L1,
    /** Divided by the Euclidean length. */
    L2
}

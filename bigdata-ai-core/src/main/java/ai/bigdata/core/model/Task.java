package ai.bigdata.core.model;

/** What a model predicts. */
public enum Task {
    /** One class out of a fixed, named list (a categorical label). */
    CLASSIFICATION,
    /** One or more real numbers (a numeric label). */
    REGRESSION,
    /** Its own input (autoencoders); the reconstruction error is an anomaly score. */
    RECONSTRUCTION
}

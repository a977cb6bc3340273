package ai.bigdata.core.model;

/** What a model predicts. */
public enum Task {
    /** One class out of a fixed, named list (a categorical label). */
    CLASSIFICATION,
    /** One or more real numbers (a numeric label). */
    REGRESSION,
    /**
     * One class per element of a mask (a class mask label, {@code Column.mask}): per-pixel
     * classification such as semantic segmentation; outputs are class probabilities shaped
     * {@code [classes, ...maskShape]} per row.
     */
    SEGMENTATION,
    /**
     * Labelled boxes per row (a boxes label, {@code Column.boxes}): object detection. The network's outputs
     * are decoded into boxes with a confidence and a class; the signature's output shape is the label's
     * {@code [maxBoxes, 5]}.
     */
    DETECTION,
    /** Its own input (autoencoders); the reconstruction error is an anomaly score. */
    RECONSTRUCTION
}

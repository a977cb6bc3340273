package ai.bigdata.spark;

import java.io.Serializable;

/**
 * One partition's evaluation rows, compact: each row's label values ({@code truthWidth} floats: the one-hot
 * class for a classifier, the targets for a regressor) and the model's outputs ({@code outputWidth} floats:
 * class probabilities or predicted values), row after row.
 *
 * @param partition the partition's index
 * @param rows rows in the partition
 * @param truthWidth label values per row
 * @param truth the label values
 * @param outputWidth outputs per row
 * @param outputs the model's outputs
 */
record PartitionScores(int partition, int rows, int truthWidth, float[] truth, int outputWidth, float[] outputs) implements Serializable {
}

package ai.bigdata.core.model;

import ai.bigdata.core.data.Dataset;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained model: it knows the columns it reads and what it predicts ({@link #signature()}), and
 * predicts either a whole dataset (adding prediction columns) or one ND4J batch.
 */
public interface Model {
    /** The input columns and the output this model was trained for. */
    ModelSignature signature();

    /**
     * The raw output for a batch of features shaped {@code [rows, ...featureShape]}: class
     * probabilities, regression values or reconstructions, one row per input row.
     */
    INDArray output(INDArray features);

    /**
     * The dataset with prediction columns appended: {@code prediction} (the class, categorical, or the
     * predicted value) and, for classification, {@code probabilities} (a tensor in class order); for
     * reconstruction, {@code reconstruction_error} (mean squared error per row, an anomaly score).
     *
     * @throws SchemaMismatchException when the data lacks a feature column or has it with another type
     */
    default Dataset predict(Dataset data) {
        return Predictions.append(this, data);
    }
}

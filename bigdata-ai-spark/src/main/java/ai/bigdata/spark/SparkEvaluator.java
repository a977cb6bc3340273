package ai.bigdata.spark;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.eval.ClassificationReport;
import ai.bigdata.core.eval.RegressionReport;
import ai.bigdata.core.eval.Report;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.model.Task;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Distributed evaluation of a core {@link Network} over a DataFrame. Each partition runs the broadcast
 * network over its rows in batches and sends back, per row, the label values and the model's outputs
 * ({@link #DEFAULT_BATCH_ROWS} rows per call, as core's {@code Evaluator}); the driver builds the report
 * from them with core's public report constructors ({@link ClassificationReport}, {@link RegressionReport}),
 * so every metric, curves included, is exactly what core computes from those outputs. Core's
 * {@code Evaluator} keeps its running state private, so the partitions send rows, not partial counters:
 * the driver holds one label and one output per class (or target) per row, as floats.
 */
public final class SparkEvaluator {
    /** Rows per model call on the executors. */
    public static final int DEFAULT_BATCH_ROWS = 1024;

    private SparkEvaluator() {
    }

    /**
     * The report of {@code network} on the DataFrame with {@code label} as its label column: a
     * {@link ClassificationReport} for a classifier, a {@link RegressionReport} for a regressor.
     *
     * @throws ColumnMismatchException when a column has no core type or a value does not fit
     * @throws SchemaMismatchException when a feature or the label is missing or retyped, or the label has a class
     *     the network does not know
     */
    public static Report evaluate(Network network, org.apache.spark.sql.Dataset<Row> frame, String label) {
        return evaluate(network, DataFrames.reader(frame).label(label));
    }

    /**
     * The report of {@code network} on the reader's DataFrame (read with its options).
     *
     * @throws ColumnMismatchException when a column has no core type or a value does not fit
     * @throws SchemaMismatchException when a feature or the label is missing or retyped, or the label has a class
     *     the network does not know
     * @throws IllegalArgumentException when the network reconstructs its input or the DataFrame has no rows
     */
    public static Report evaluate(Network network, DataFrameImport reader) {
        ModelSignature sig = network.signature();
        if (sig == null || sig.task() == Task.RECONSTRUCTION) {
            throw new IllegalArgumentException("only a trained classifier or regressor can be evaluated here");
        }
        Schema schema = reader.schema();
        sig.check(schema);
        if (!schema.contains(sig.label())) {
            throw new SchemaMismatchException(List.of(sig.label()), "the data has no label column '" + sig.label() + "'");
        }
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(reader.frame().sparkSession().sparkContext());
        Broadcast<ShippedNetwork> model = spark.broadcast(ShippedNetwork.of(network, false));
        List<PartitionScores> parts;
        try {
            parts = reader.streams(schema).javaRDD()
                    .mapPartitionsWithIndex(new PartitionEvaluation(model, ColumnSpec.of(schema), DEFAULT_BATCH_ROWS), false).collect();
        } catch (Exception e) {
            throw SparkFailures.rethrow(e);
        } finally {
            model.destroy();
        }
        int rows = parts.stream().mapToInt(PartitionScores::rows).sum();
        if (rows == 0) {
            throw new IllegalArgumentException("nothing to evaluate: the DataFrame has no rows");
        }
        Column labelColumn = schema.column(sig.label());
        return sig.task() == Task.CLASSIFICATION ? classification(sig, labelColumn, parts, rows) : regression(parts, rows);
    }

    private static ClassificationReport classification(ModelSignature sig, Column label, List<PartitionScores> parts, int rows) {
        if (label.type() != ColumnType.CATEGORICAL) {
            throw new SchemaMismatchException(List.of(sig.label()), "label '" + sig.label() + "' is " + label.type()
                    + " but the model classifies into " + sig.classNames());
        }
        int[] toModel = new int[label.categories().size()];
        for (int i = 0; i < toModel.length; i++) {
            toModel[i] = sig.classNames().indexOf(label.categories().get(i));
            if (toModel[i] < 0) {
                throw new SchemaMismatchException(List.of(sig.label()), "label '" + sig.label() + "' has the class '"
                        + label.categories().get(i) + "', which the model does not know; it was trained on " + sig.classNames());
            }
        }
        int[] truth = new int[rows];
        double[][] probabilities = new double[rows][];
        int r = 0;
        for (PartitionScores p : parts) {
            for (int i = 0; i < p.rows(); i++, r++) {
                truth[r] = toModel[hot(p.truth(), i * p.truthWidth(), p.truthWidth())];
                probabilities[r] = doubles(p.outputs(), i * p.outputWidth(), p.outputWidth());
            }
        }
        return new ClassificationReport(sig.classNames(), truth, probabilities);
    }

    private static RegressionReport regression(List<PartitionScores> parts, int rows) {
        double[][] truth = new double[rows][];
        double[][] predicted = new double[rows][];
        int r = 0;
        for (PartitionScores p : parts) {
            for (int i = 0; i < p.rows(); i++, r++) {
                truth[r] = doubles(p.truth(), i * p.truthWidth(), p.truthWidth());
                predicted[r] = doubles(p.outputs(), i * p.outputWidth(), p.outputWidth());
            }
        }
        return new RegressionReport(truth, predicted);
    }

    /** The index of the largest of {@code width} values from {@code from} (the one-hot class). */
    private static int hot(float[] values, int from, int width) {
        int best = 0;
        for (int c = 1; c < width; c++) {
            if (values[from + c] > values[from + best]) {
                best = c;
            }
        }
        return best;
    }

    private static double[] doubles(float[] values, int from, int width) {
        double[] out = new double[width];
        for (int c = 0; c < width; c++) {
            out[c] = values[from + c];
        }
        return out;
    }
}

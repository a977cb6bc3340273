package ai.bigdata.spark;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.eval.ClassificationReport;
import ai.bigdata.core.eval.EvaluationPart;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.eval.RegressionReport;
import ai.bigdata.core.eval.Report;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.model.Task;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Distributed evaluation of a core {@link Network} over a DataFrame, by merging per-partition metric states:
 * each partition runs core's {@link Evaluator#partial} of the broadcast network over its rows (in batches of
 * {@link #DEFAULT_BATCH_ROWS}) and sends back the part's state as bytes (the counters, and for a classifier
 * with curves one score per row for two classes, one per class and row for more); the driver merges the parts
 * ({@link EvaluationPart#merge}) into the report of all rows. Counts, the confusion matrix and the curves equal
 * those of core's local {@code Evaluator} on the same rows; floating-point sums (log loss, regression errors)
 * agree to rounding. {@link #withoutCurves} sends counters only: nothing per row reaches the driver.
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
     * @throws IllegalArgumentException when the network reconstructs its input or segments, or the DataFrame has no rows
     */
    public static Report evaluate(Network network, DataFrameImport reader) {
        return evaluate(network, reader, true);
    }

    /**
     * As {@link #evaluate(Network, DataFrameImport)} without ROC and precision-recall curves (no
     * {@code roc_auc} / {@code pr_auc}): the partitions send counters only, so the driver's memory does not
     * grow with the rows.
     */
    public static Report withoutCurves(Network network, DataFrameImport reader) {
        return evaluate(network, reader, false);
    }

    private static Report evaluate(Network network, DataFrameImport reader, boolean curves) {
        Schema schema = reader.schema();
        EvaluationPart none = emptyPart(network, schema, curves);
        return evaluate(network, schema, reader.streams(schema).javaRDD(), none, curves);
    }

    /**
     * The driver's own part over no rows of {@code schema}: core's schema and label checks, before any job.
     *
     * @throws IllegalArgumentException when the network is not a trained classifier or regressor
     * @throws SchemaMismatchException when a feature or the label is missing or retyped, or the label has a class
     *     the network does not know
     */
    static EvaluationPart emptyPart(Network network, Schema schema, boolean curves) {
        ModelSignature sig = network.signature();
        if (sig == null || !(sig.task() == Task.CLASSIFICATION || sig.task() == Task.REGRESSION)) {
            throw new IllegalArgumentException("only a trained classifier or regressor can be evaluated here");
        }
        try (Dataset none = Dataset.builder(schema).build()) {
            Evaluator<?> evaluator = Evaluator.any();
            if (!curves) {
                evaluator.withoutCurves();
            }
            return evaluator.partial(network, none);
        }
    }

    /**
     * The report of {@code network} over core Arrow streams of {@code schema}, partition by partition, merged with
     * {@code none} (the driver's {@link #emptyPart}).
     */
    static Report evaluate(Network network, Schema schema, JavaRDD<byte[]> streams, EvaluationPart none, boolean curves) {
        List<EvaluationPart> parts = new ArrayList<>();
        parts.add(none);
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(streams.context());
        Broadcast<ShippedNetwork> model = spark.broadcast(ShippedNetwork.of(network, false));
        try {
            streams.mapPartitionsWithIndex(new PartitionEvaluation(model, ColumnSpec.of(schema), DEFAULT_BATCH_ROWS, curves), false)
                    .collect().forEach(bytes -> parts.add(EvaluationPart.fromBytes(bytes)));
        } catch (Exception e) {
            throw SparkFailures.rethrow(e);
        } finally {
            model.destroy();
        }
        EvaluationPart all = EvaluationPart.merge(parts);
        if (all.rows() == 0) {
            throw new IllegalArgumentException("nothing to evaluate: the DataFrame has no rows");
        }
        return all.report();
    }
}

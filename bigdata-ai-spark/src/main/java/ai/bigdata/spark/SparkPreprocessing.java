package ai.bigdata.spark;

import ai.bigdata.core.data.Schema;
import ai.bigdata.core.prep.PartialFit;
import ai.bigdata.core.prep.PartialFitUnsupportedException;
import ai.bigdata.core.prep.PartialFitting;
import ai.bigdata.core.prep.Preprocessor;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformJson;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Preprocessing over Spark DataFrames: fitting a core {@link Preprocessor} from per-partition statistics
 * merged by Spark, and applying a fitted {@link Transform} partition by partition.
 *
 * <p>{@link #fit} reads each partition into core's Arrow layout on its executor (as
 * {@link DataFrames#reader} does), gathers the statistics of the step being fitted there, and merges the
 * partitions' statistics with {@code treeReduce}; a {@code Pipeline} is fitted step by step, each step's
 * statistics gathered over the earlier fitted steps' output, one Spark job per step (cache the DataFrame
 * when it is expensive to compute). The result is the same transform a local {@code fit} gives on the
 * same rows: equal in its JSON where the statistics are exact (extremes, exact quantiles, most frequent
 * values, category counts and orders), equal up to floating-point summation order (about 1e-15 relative)
 * for means and standard deviations. Which steps can be fitted so: see {@link PartialFit}.
 */
public final class SparkPreprocessing {
    /** The depth of the merge tree of the partitions' statistics. */
    private static final int MERGE_DEPTH = 2;

    private SparkPreprocessing() {
    }

    /** Fits over the rows of {@code frame} read with default options (see {@link DataFrameImport}). */
    public static Transform fit(Preprocessor preprocessor, org.apache.spark.sql.Dataset<Row> frame) {
        return fit(preprocessor, DataFrames.reader(frame));
    }

    /**
     * Fits over the rows that {@code source} reads (its label, roles, categorical columns and batch size),
     * without collecting them: only the statistics reach the driver.
     *
     * @throws PartialFitUnsupportedException before any Spark job, naming a step that cannot be fitted from
     *     partial statistics
     * @throws ai.bigdata.core.prep.PreprocessingException as a local fit would (naming the column), also
     *     when an executor found the problem
     * @throws ColumnMismatchException when a column has no core type or a value does not fit it
     */
    public static Transform fit(Preprocessor preprocessor, DataFrameImport source) {
        PartialFitting.requireSupported(preprocessor);
        Schema schema = source.schema();
        JavaRDD<byte[]> streams = source.streams(schema).javaRDD();
        return PartialFitting.fit(preprocessor, schema, new SparkPasses(streams, MERGE_DEPTH));
    }

    /** {@code transform} applied to the rows of {@code frame} read with default options; see {@link #apply(Transform, DataFrameImport)}. */
    public static org.apache.spark.sql.Dataset<Row> apply(Transform transform, org.apache.spark.sql.Dataset<Row> frame) {
        return apply(transform, DataFrames.reader(frame));
    }

    /**
     * A DataFrame of {@code transform} applied to the rows that {@code source} reads, partition by
     * partition on the executors (lazy; same partitions, rows in order). Its columns are the transform's
     * output columns, typed and described in field metadata as {@link DataFrames#toDataFrame} does, so
     * {@link DataFrames#toDataset} reads them back exactly.
     *
     * @throws ai.bigdata.core.prep.PreprocessingException before any job when the rows lack a column the
     *     transform needs
     * @throws IllegalArgumentException before any job when the transform is not {@link Transform#rowByRow()}
     *     (duplicate dropping), which partition by partition would keep duplicates in different partitions
     */
    public static org.apache.spark.sql.Dataset<Row> apply(Transform transform, DataFrameImport source) {
        if (!transform.rowByRow()) {
            throw new IllegalArgumentException("the transform compares rows across the whole dataset (duplicate dropping):"
                    + " applied partition by partition it would keep duplicates that sit in different partitions; drop"
                    + " duplicates with Spark's Dataset.dropDuplicates(columns) and leave the step out of the transform");
        }
        Schema schema = source.schema();
        Schema out = transform.outputSchema(schema);
        SparkSession spark = source.frame().sparkSession();
        boolean java8Time = Boolean.parseBoolean(spark.conf().get("spark.sql.datetime.java8API.enabled", "false"));
        JavaRDD<Row> rows = source.streams(schema).javaRDD()
                .mapPartitions(new PartitionTransform(TransformJson.write(transform)))
                .mapPartitions(new ArrowToRows(java8Time));
        return spark.createDataFrame(rows, SparkColumns.structType(out));
    }
}

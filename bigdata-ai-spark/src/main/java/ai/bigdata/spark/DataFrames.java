package ai.bigdata.spark;

import ai.bigdata.core.data.Dataset;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark DataFrames to core datasets and back, through Arrow IPC streams. Column types, roles,
 * categories (in code order) and nulls survive a round trip: a DataFrame made here carries the core
 * description of each column in its fields' metadata ({@code bigdata.type}, {@code bigdata.role},
 * {@code bigdata.categories}, {@code bigdata.shape}), which {@link #toDataset} reads back.
 */
public final class DataFrames {
    private DataFrames() {
    }

    /**
     * Starts reading a DataFrame into a core dataset, with options for the label, roles, categorical
     * columns and tensor shapes.
     */
    public static DataFrameImport reader(org.apache.spark.sql.Dataset<Row> frame) {
        return new DataFrameImport(frame);
    }

    /** The DataFrame's rows as an in-memory core dataset, with default options (see {@link DataFrameImport}). */
    public static Dataset toDataset(org.apache.spark.sql.Dataset<Row> frame) {
        return reader(frame).read();
    }

    /** The DataFrame's rows as an in-memory core dataset whose label is {@code labelColumn}. */
    public static Dataset toDataset(org.apache.spark.sql.Dataset<Row> frame, String labelColumn) {
        return reader(frame).label(labelColumn).read();
    }

    /**
     * A DataFrame of the dataset's rows, in order, in about {@code spark.default.parallelism} partitions:
     * the driver writes the rows as Arrow IPC streams, one per partition, and executors turn them into
     * rows. Types map as in {@link DataFrameImport}; categorical columns become strings, tensors
     * {@code array<float>}, timestamps Spark timestamps. The dataset stays open and unchanged.
     *
     * @throws ColumnMismatchException for a sparse column, which has no Spark form here yet
     */
    public static org.apache.spark.sql.Dataset<Row> toDataFrame(SparkSession spark, Dataset data) {
        var structType = SparkColumns.structType(data.schema());
        int parallelism = Math.max(1, spark.sparkContext().defaultParallelism());
        long rows = data.rowCount();
        int sliceRows = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (rows + parallelism - 1) / parallelism));
        List<byte[]> slices = ArrowSlices.of(data, sliceRows);
        boolean java8Time = Boolean.parseBoolean(spark.conf().get("spark.sql.datetime.java8API.enabled", "false"));
        JavaRDD<Row> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(slices, Math.max(1, slices.size()))
                .mapPartitions(new ArrowToRows(java8Time));
        return spark.createDataFrame(rdd, structType);
    }
}

package ai.bigdata.spark;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.serve.Predictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Batch inference of a saved model bundle over a DataFrame. The bundle file is read and verified once on
 * the driver and its bytes broadcast once; each partition opens one core {@link Predictor} from them and
 * predicts its rows in batches of {@link #batchRows(int)} rows. The result is the DataFrame with the
 * prediction columns appended: {@code prediction} (the class, a string) and {@code probabilities}
 * ({@code array<float>}, in class order) for classification, {@code prediction} (double, or
 * {@code array<float>} for several targets) for regression.
 *
 * <p>The DataFrame must have every raw input column of the bundle ({@link #inputColumns()}) with a Spark
 * type that fits: numbers for numeric columns (whole numbers for integer ones), strings for categorical
 * and text columns, booleans, timestamps, {@code array<float>} for tensors; other columns are carried
 * through untouched. A missing column or a type that does not fit is a {@link ColumnMismatchException}
 * naming the column, thrown by {@link #predict} before any job runs; a value the predictor refuses (NaN,
 * 217.5 for an integer column) fails the job with the same exception as its cause, naming the column,
 * partition and row.
 *
 * <p>With the default batch of 32 rows a dense network runs the predictor's plain-Java pass, so each
 * row's result is independent of the rows beside it and equals {@code Predictor.predict(row)} exactly;
 * larger batches run through the native engine, whose results agree to float rounding.
 *
 * <p>Closing releases the broadcast; DataFrames returned by {@link #predict} cannot be computed after that.
 */
public final class SparkPredictor implements AutoCloseable {
    /** Rows per predictor call unless {@link #batchRows(int)} says otherwise. */
    public static final int DEFAULT_BATCH_ROWS = 32;

    private final Broadcast<byte[]> bundle;
    private final Schema input;
    private final PredictionColumns outputs;
    private int batchRows = DEFAULT_BATCH_ROWS;

    private SparkPredictor(Broadcast<byte[]> bundle, Schema input, PredictionColumns outputs) {
        this.bundle = bundle;
        this.input = input;
        this.outputs = outputs;
    }

    /**
     * Reads and verifies a bundle file on the driver and broadcasts its bytes.
     *
     * @throws ai.bigdata.core.serve.BundleException when the file is no intact bundle
     * @throws IllegalArgumentException when the bundle's model is neither a classifier nor a regressor
     */
    public static SparkPredictor load(SparkSession spark, Path bundleFile) {
        Predictor local = Predictor.load(bundleFile, 1);
        PredictionColumns outputs = new PredictionColumns(local.signature());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(bundleFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + bundleFile, e);
        }
        Broadcast<byte[]> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
        return new SparkPredictor(broadcast, local.inputSchema(), outputs);
    }

    /** Rows each predictor call takes (default {@value #DEFAULT_BATCH_ROWS}); applies to later {@link #predict} calls. */
    public SparkPredictor batchRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("batchRows must be at least 1, got " + rows);
        }
        this.batchRows = rows;
        return this;
    }

    /** The raw input columns the bundle reads, in order. */
    public List<String> inputColumns() {
        return input.names();
    }

    /**
     * The DataFrame with the prediction columns appended (lazy, like any DataFrame transformation).
     *
     * @throws ColumnMismatchException when an input column is missing or of a type that does not fit, or the
     *     DataFrame already has a column named like a prediction column
     */
    public org.apache.spark.sql.Dataset<Row> predict(org.apache.spark.sql.Dataset<Row> frame) {
        StructType in = frame.schema();
        List<String> present = Arrays.asList(in.fieldNames());
        int n = input.size();
        String[] names = new String[n];
        ColumnType[] types = new ColumnType[n];
        int[] positions = new int[n];
        for (int c = 0; c < n; c++) {
            Column col = input.column(c);
            int at = present.indexOf(col.name());
            if (at < 0) {
                throw new ColumnMismatchException(col.name(), "the DataFrame lacks column '" + col.name() + "' ("
                        + typeName(col) + "), which the model reads; its columns are " + present, null);
            }
            requireFits(col, in.fields()[at].dataType());
            names[c] = col.name();
            types[c] = col.type();
            positions[c] = at;
        }
        List<StructField> fields = new ArrayList<>(Arrays.asList(in.fields()));
        for (Column out : outputs.columns()) {
            if (present.contains(out.name())) {
                throw new ColumnMismatchException(out.name(), "the DataFrame already has a column '" + out.name()
                        + "', which the prediction would add; rename or drop it first", null);
            }
            fields.add(SparkColumns.field(out));
        }
        StructType outSchema = DataTypes.createStructType(fields);
        return frame.mapPartitions(new PartitionPredictor(bundle, names, types, positions, outputs, batchRows),
                Encoders.row(outSchema));
    }

    private static final Set<ColumnType> INTEGERS = EnumSet.of(ColumnType.INT32, ColumnType.INT64);

    private static void requireFits(Column col, DataType sparkType) {
        ColumnType given = SparkColumns.coreType(sparkType);
        boolean fits;
        switch (col.type()) {
            case INT32:
            case INT64:
                fits = INTEGERS.contains(given);
                break;
            case FLOAT32:
            case FLOAT64:
                fits = given != null && given.isNumeric();
                break;
            case CATEGORICAL:
            case TEXT:
                fits = given == ColumnType.TEXT;
                break;
            default:
                fits = given == col.type();
        }
        if (!fits) {
            throw new ColumnMismatchException(col.name(), "column '" + col.name() + "' is " + sparkType.simpleString()
                    + " in the DataFrame but the model reads it as " + typeName(col), null);
        }
    }

    private static String typeName(Column c) {
        return c.type().name().toLowerCase(Locale.ROOT) + (c.type() == ColumnType.TENSOR ? Arrays.toString(c.shape()) : "");
    }

    /** Releases the broadcast bundle on the driver and the executors; idempotent. */
    @Override
    public void close() {
        if (bundle.isValid()) {
            bundle.destroy();
        }
    }
}

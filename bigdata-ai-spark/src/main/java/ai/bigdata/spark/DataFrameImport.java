package ai.bigdata.spark;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;

/**
 * Reads a DataFrame into a core {@link Dataset} on the driver: each partition writes its rows as Arrow
 * IPC streams on its executor, the driver reads them in partition order. Started by
 * {@link DataFrames#reader}.
 *
 * <p>Spark types map to core types: byte, short and int to int32, long to int64, float to float32,
 * double to float64, boolean, timestamp (to the millisecond), {@code array<float>} to a tensor whose
 * shape comes from {@link #tensor} or from the field's metadata, and string to text, or to categorical
 * when the column is named by {@link #categorical}, is the label, or carries core metadata saying so
 * (as DataFrames made by {@link DataFrames#toDataFrame} do, which also carry roles and categories).
 * Categories not in metadata are the column's distinct values sorted, found by one Spark aggregation.
 * Nulls stay nulls; NaN and infinities are refused, as everywhere in core. Other Spark types are a
 * {@link ColumnMismatchException}: select or cast them first.
 */
public final class DataFrameImport {
    private final org.apache.spark.sql.Dataset<Row> frame;
    private final Map<String, ColumnRole> roles = new LinkedHashMap<>();
    private final Set<String> categorical = new HashSet<>();
    private final Map<String, int[]> shapes = new HashMap<>();
    private int batchRows = 65_536;

    DataFrameImport(org.apache.spark.sql.Dataset<Row> frame) {
        this.frame = frame;
    }

    /**
     * Makes {@code column} the label (any other column that metadata marks as label becomes a feature);
     * a string label is categorical.
     */
    public DataFrameImport label(String column) {
        roles.replaceAll((c, r) -> r == ColumnRole.LABEL ? ColumnRole.FEATURE : r);
        roles.put(requireColumn(column), ColumnRole.LABEL);
        return this;
    }

    /** Gives {@code column} a role (its metadata's role, or feature, otherwise). */
    public DataFrameImport role(String column, ColumnRole role) {
        if (role == ColumnRole.LABEL) {
            return label(column);
        }
        roles.put(requireColumn(column), role);
        return this;
    }

    /** Reads these string columns as categorical (default: text, unless metadata or the label role says otherwise). */
    public DataFrameImport categorical(String... columns) {
        for (String c : columns) {
            categorical.add(requireColumn(c));
        }
        return this;
    }

    /** Reads the {@code array<float>} column as a tensor of this shape (every cell must have its width). */
    public DataFrameImport tensor(String column, int... shape) {
        shapes.put(requireColumn(column), shape.clone());
        return this;
    }

    /** Rows per Arrow stream an executor writes (default 65,536); a partition sends one stream per this many rows. */
    public DataFrameImport batchRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("batchRows must be at least 1, got " + rows);
        }
        this.batchRows = rows;
        return this;
    }

    /**
     * Runs the Spark job and returns the rows as an in-memory dataset, in partition order.
     *
     * @throws ColumnMismatchException naming the column when a column has no core type or a value does not fit
     */
    public Dataset read() {
        Schema schema = schema();
        List<byte[]> streams;
        try {
            streams = streams(schema).collectAsList();
        } catch (Exception e) {
            throw SparkFailures.rethrow(e);
        }
        return concat(schema, streams);
    }

    /**
     * Runs the Spark jobs and writes the rows, in partition order, into the Arrow IPC file {@code file} on
     * the driver, which it returns memory-mapped (a streamed {@link Dataset}: chunks load when read, so
     * training and evaluation pass over data larger than the driver's memory). The driver fetches one
     * partition at a time ({@code toLocalIterator}: one job per partition, so cache a frame that is costly
     * to compute): it holds one partition's Arrow streams at once, and reads one of them ({@link #batchRows}
     * rows) into Arrow memory at a time. The file appears only when complete; the caller closes the dataset
     * and owns the file.
     *
     * @throws ColumnMismatchException naming the column when a column has no core type or a value does not fit
     */
    public Dataset readToFile(java.nio.file.Path file) {
        java.util.Objects.requireNonNull(file, "file");
        Schema schema = schema();
        try {
            java.util.Iterator<byte[]> streams = streams(schema).toLocalIterator();
            java.util.Iterator<Dataset> parts = new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    return streams.hasNext();
                }

                @Override
                public Dataset next() {
                    return Dataset.readArrowStream(new ByteArrayInputStream(streams.next()));
                }
            };
            ai.bigdata.core.io.ArrowIpc.writeFile(schema, parts, file);
        } catch (Exception e) {
            throw SparkFailures.rethrow(e);
        }
        return Dataset.readArrow(file);
    }

    /** The core schema the rows will have (runs one aggregation when categories must be found). */
    Schema schema() {
        StructField[] fields = frame.schema().fields();
        List<Column> columns = new ArrayList<>();
        List<String> needCategories = new ArrayList<>();
        for (StructField f : fields) {
            Column c = column(f);
            if (c.type() == ColumnType.CATEGORICAL && c.categories().isEmpty() && !f.metadata().contains(SparkColumns.CATEGORIES)) {
                needCategories.add(f.name());
            }
            columns.add(c);
        }
        Map<String, List<String>> found = distinctValues(needCategories);
        for (int i = 0; i < columns.size(); i++) {
            List<String> cats = found.get(columns.get(i).name());
            if (cats != null) {
                columns.set(i, columns.get(i).withCategories(cats));
            }
        }
        return new Schema(columns);
    }

    /**
     * Each partition's rows as Arrow IPC streams of at most {@link #batchRows} rows in core's layout for
     * {@code schema} (lazy; partitions keep the DataFrame's partitioning).
     */
    org.apache.spark.sql.Dataset<byte[]> streams(Schema schema) {
        return frame.mapPartitions(new ArrowPartitionWriter(ColumnSpec.of(schema), batchRows), Encoders.BINARY());
    }

    /** The DataFrame being read. */
    org.apache.spark.sql.Dataset<Row> frame() {
        return frame;
    }

    /** The streams' rows as one dataset of {@code schema}, in order (an empty dataset for no streams). */
    static Dataset concat(Schema schema, List<byte[]> streams) {
        if (streams.isEmpty()) {
            return Dataset.writer(schema).build();
        }
        List<Dataset> parts = new ArrayList<>();
        try {
            for (byte[] s : streams) {
                parts.add(Dataset.readArrowStream(new ByteArrayInputStream(s)));
            }
            if (parts.size() == 1) {
                return parts.remove(0);
            }
            return parts.get(0).concat(parts.subList(1, parts.size()).toArray(new Dataset[0]));
        } finally {
            parts.forEach(Dataset::close);
        }
    }

    private Column column(StructField f) {
        String name = f.name();
        Metadata m = f.metadata();
        ColumnType type = SparkColumns.coreType(f.dataType());
        if (type == null) {
            throw new ColumnMismatchException(name, "column '" + name + "' is " + f.dataType().simpleString()
                    + ", which has no core type; select, cast or drop it (core reads numbers, booleans, strings,"
                    + " timestamps and array<float>)", null);
        }
        ColumnRole role = roles.containsKey(name) ? roles.get(name) : metadataRole(m, name);
        if (!roles.containsKey(name) && role == ColumnRole.LABEL && roles.containsValue(ColumnRole.LABEL)) {
            role = ColumnRole.FEATURE;
        }
        if (type == ColumnType.TEXT) {
            boolean cat = categorical.contains(name) || role == ColumnRole.LABEL
                    || ColumnType.CATEGORICAL.name().equals(SparkColumns.string(m, SparkColumns.TYPE));
            if (!cat) {
                return Column.of(name, ColumnType.TEXT, role);
            }
            List<String> cats = m.contains(SparkColumns.CATEGORIES) ? List.of(m.getStringArray(SparkColumns.CATEGORIES)) : List.of();
            return Column.categorical(name, role, cats);
        }
        if (categorical.contains(name)) {
            throw new ColumnMismatchException(name, "column '" + name + "' is " + f.dataType().simpleString()
                    + ", not string; only string columns read as categorical", null);
        }
        if (type == ColumnType.TENSOR) {
            return Column.tensor(name, tensorShape(f)).withRole(role);
        }
        return Column.of(name, type, role);
    }

    private int[] tensorShape(StructField f) {
        int[] shape = shapes.get(f.name());
        if (shape == null && f.metadata().contains(SparkColumns.SHAPE)) {
            shape = Arrays.stream(f.metadata().getLongArray(SparkColumns.SHAPE)).mapToInt(Math::toIntExact).toArray();
        }
        if (shape == null) {
            throw new ColumnMismatchException(f.name(), "column '" + f.name() + "' is array<float> without a tensor shape;"
                    + " give it with tensor(\"" + f.name() + "\", width)", null);
        }
        try {
            return Column.tensor(f.name(), shape).shape();
        } catch (IllegalArgumentException e) {
            throw new ColumnMismatchException(f.name(), e.getMessage(), e);
        }
    }

    private static ColumnRole metadataRole(Metadata m, String column) {
        String role = SparkColumns.string(m, SparkColumns.ROLE);
        if (role == null) {
            return ColumnRole.FEATURE;
        }
        try {
            return ColumnRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new ColumnMismatchException(column, "column '" + column + "' has the role '" + role + "' in its metadata;"
                    + " known roles are " + Arrays.toString(ColumnRole.values()).toLowerCase(Locale.ROOT), e);
        }
    }

    /** Each column's distinct non-null values, sorted, by one aggregation over the DataFrame. */
    private Map<String, List<String>> distinctValues(List<String> columns) {
        Map<String, List<String>> out = new HashMap<>();
        if (columns.isEmpty()) {
            return out;
        }
        org.apache.spark.sql.Column[] sets = columns.stream().map(c -> functions.collect_set(functions.col(quote(c))))
                .toArray(org.apache.spark.sql.Column[]::new);
        Row row;
        try {
            row = frame.agg(sets[0], Arrays.copyOfRange(sets, 1, sets.length)).first();
        } catch (Exception e) {
            throw SparkFailures.rethrow(e);
        }
        for (int i = 0; i < columns.size(); i++) {
            List<String> values = new ArrayList<>(row.<String>getList(i));
            Collections.sort(values);
            out.put(columns.get(i), values);
        }
        return out;
    }

    private static String quote(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    private String requireColumn(String column) {
        if (!Arrays.asList(frame.columns()).contains(column)) {
            throw new ColumnMismatchException(column, "the DataFrame has no column '" + column + "'; its columns are "
                    + Arrays.toString(frame.columns()), null);
        }
        return column;
    }
}

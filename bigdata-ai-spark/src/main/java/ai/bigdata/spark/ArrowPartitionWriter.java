package ai.bigdata.spark;

import ai.bigdata.core.data.ColumnWriter;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.InvalidValueException;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.io.ArrowIpc;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Runs on executors: the Spark rows of one partition as Arrow IPC streams of at most {@code batchRows}
 * rows each, written by core's own writer, so the driver reads them with {@code Dataset.readArrowStream}.
 * A value that does not fit its column is a {@link ColumnMismatchException} naming the column, the
 * partition and the row in it.
 */
final class ArrowPartitionWriter implements MapPartitionsFunction<Row, byte[]> {
    private static final long serialVersionUID = 1L;

    private final ArrayList<ColumnSpec> columns;
    private final int batchRows;

    /**
     * @param columns the core columns to write, one per field of the rows, in order
     * @param batchRows rows per Arrow stream
     */
    ArrowPartitionWriter(ArrayList<ColumnSpec> columns, int batchRows) {
        this.columns = columns;
        this.batchRows = batchRows;
    }

    @Override
    public Iterator<byte[]> call(Iterator<Row> rows) {
        Schema schema = ColumnSpec.schema(columns);
        int partition = TaskContext.get() == null ? -1 : TaskContext.get().partitionId();
        return new Iterator<>() {
            private long done;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public byte[] next() {
                if (!rows.hasNext()) {
                    throw new NoSuchElementException();
                }
                try (DatasetWriter w = Dataset.writer(schema, batchRows)) {
                    List<ColumnWriter> writers = w.columns();
                    for (int n = 0; n < batchRows && rows.hasNext(); n++, done++) {
                        Row row = rows.next();
                        for (int c = 0; c < writers.size(); c++) {
                            append(writers.get(c), row, c, partition, done);
                        }
                        w.endRow();
                    }
                    try (Dataset part = w.build()) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        ArrowIpc.writeStream(part, out);
                        return out.toByteArray();
                    }
                }
            }
        };
    }

    private static void append(ColumnWriter w, Row row, int i, int partition, long rowInPartition) {
        try {
            if (row.isNullAt(i)) {
                w.appendNull();
                return;
            }
            switch (w.column().type()) {
                case INT32:
                case INT64:
                    w.appendLong(((Number) row.get(i)).longValue());
                    break;
                case FLOAT32:
                    w.appendFloat(row.getFloat(i));
                    break;
                case FLOAT64:
                    w.appendDouble(row.getDouble(i));
                    break;
                case BOOLEAN:
                    w.appendBoolean(row.getBoolean(i));
                    break;
                case TEXT:
                    w.appendText(row.getString(i));
                    break;
                case CATEGORICAL:
                    w.appendCategory(row.getString(i));
                    break;
                case TIMESTAMP:
                    w.appendTimestamp(SparkColumns.instant(row.get(i)));
                    break;
                case TENSOR:
                    w.appendTensor(SparkColumns.floats(row.getList(i), w.column().name()));
                    break;
                default:
                    throw new IllegalStateException("column '" + w.column().name() + "' of type " + w.column().type()
                            + " cannot be written from Spark");
            }
        } catch (InvalidValueException e) {
            String name = w.column().name();
            throw new ColumnMismatchException(name, "partition " + partition + ", row " + rowInPartition + " of the partition,"
                    + " column '" + name + "': " + e.reason(), e);
        }
    }
}

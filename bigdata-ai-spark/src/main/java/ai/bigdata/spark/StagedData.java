package ai.bigdata.spark;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * A DataFrame converted once into core's Arrow form and kept by Spark: each partition's rows as Arrow
 * IPC streams in one core schema, persisted (memory, spilling to disk), so training rounds read them
 * without converting rows again. A lost executor's part is recomputed from the DataFrame's lineage.
 */
final class StagedData implements AutoCloseable {
    private final Schema schema;
    private final JavaRDD<byte[]> streams;
    private final long[] partitionRows;

    private StagedData(Schema schema, JavaRDD<byte[]> streams, long[] partitionRows) {
        this.schema = schema;
        this.streams = streams;
        this.partitionRows = partitionRows;
    }

    /**
     * Converts and persists the reader's DataFrame, counting each partition's rows (one job).
     *
     * @throws ColumnMismatchException naming the column when a column or a value does not fit core
     */
    static StagedData stage(DataFrameImport reader) {
        Schema schema = reader.schema();
        JavaRDD<byte[]> streams = reader.streams(schema).javaRDD().persist(StorageLevel.MEMORY_AND_DISK());
        List<Long> counts;
        try {
            counts = streams.mapPartitions(StagedData::countRows).collect();
        } catch (Exception e) {
            streams.unpersist(false);
            throw SparkFailures.rethrow(e);
        }
        return new StagedData(schema, streams, counts.stream().mapToLong(Long::longValue).toArray());
    }

    private static Iterator<Long> countRows(Iterator<byte[]> streams) {
        long rows = 0;
        while (streams.hasNext()) {
            try (Dataset part = Dataset.readArrowStream(new ByteArrayInputStream(streams.next()))) {
                rows += part.rowCount();
            }
        }
        return List.of(rows).iterator();
    }

    /** One partition's streams as one dataset of {@code schema}; the caller closes it. */
    static Dataset open(Schema schema, Iterator<byte[]> streams) {
        List<byte[]> all = new ArrayList<>();
        streams.forEachRemaining(all::add);
        return DataFrameImport.concat(schema, all);
    }

    /** The core schema of the rows. */
    Schema schema() {
        return schema;
    }

    /** The persisted streams, partition by partition. */
    JavaRDD<byte[]> streams() {
        return streams;
    }

    /** Rows in each partition, in partition order. */
    long[] partitionRows() {
        return partitionRows.clone();
    }

    /** Releases the persisted streams. */
    @Override
    public void close() {
        streams.unpersist(false);
    }
}

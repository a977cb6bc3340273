package ai.bigdata.spark;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.serve.InvalidRowException;
import ai.bigdata.core.serve.Prediction;
import ai.bigdata.core.serve.Predictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Runs on executors: opens one {@link Predictor} per partition from the broadcast bundle bytes and
 * predicts the partition's rows in batches, each output row being the input row with the prediction
 * values appended. A row the predictor refuses is a {@link ColumnMismatchException} naming the column,
 * the partition and the row in it.
 */
final class PartitionPredictor implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> bundle;
    private final String[] names;
    private final ColumnType[] types;
    private final int[] positions;
    private final PredictionColumns outputs;
    private final int batchRows;

    /**
     * @param bundle the model bundle file's bytes
     * @param names the predictor's input columns
     * @param types their core types
     * @param positions their positions in the rows
     * @param outputs the prediction columns
     * @param batchRows rows per predictor call
     */
    PartitionPredictor(Broadcast<byte[]> bundle, String[] names, ColumnType[] types, int[] positions, PredictionColumns outputs,
            int batchRows) {
        this.bundle = bundle;
        this.names = names.clone();
        this.types = types.clone();
        this.positions = positions.clone();
        this.outputs = outputs;
        this.batchRows = batchRows;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        if (!rows.hasNext()) {
            return rows;
        }
        Predictor predictor = open(bundle.value());
        int partition = TaskContext.get() == null ? -1 : TaskContext.get().partitionId();
        return new Iterator<>() {
            private final List<Row> batch = new ArrayList<>();
            private List<Prediction> predicted = List.of();
            private int next;
            private long first;

            @Override
            public boolean hasNext() {
                return next < batch.size() || rows.hasNext();
            }

            @Override
            public Row next() {
                if (next == batch.size()) {
                    if (!rows.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    first += batch.size();
                    batch.clear();
                    while (batch.size() < batchRows && rows.hasNext()) {
                        batch.add(rows.next());
                    }
                    predicted = predict(predictor, batch, partition, first);
                    next = 0;
                }
                Row in = batch.get(next);
                Object[] out = new Object[in.length() + outputs.count()];
                for (int i = 0; i < in.length(); i++) {
                    out[i] = in.get(i);
                }
                outputs.put(predicted.get(next), out, in.length());
                next++;
                return RowFactory.create(out);
            }
        };
    }

    private List<Prediction> predict(Predictor predictor, List<Row> batch, int partition, long first) {
        List<Map<String, Object>> values = new ArrayList<>(batch.size());
        for (Row r : batch) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int c = 0; c < names.length; c++) {
                m.put(names[c], value(r, c));
            }
            values.add(m);
        }
        try {
            return predictor.predictAll(values);
        } catch (InvalidRowException e) {
            throw new ColumnMismatchException(e.column(), "partition " + partition + ", in the batch of rows from row " + first
                    + " of the partition: " + e.getMessage(), e);
        }
    }

    private Object value(Row r, int c) {
        int i = positions[c];
        if (r.isNullAt(i)) {
            return null;
        }
        switch (types[c]) {
            case TIMESTAMP:
                return SparkColumns.instant(r.get(i));
            case TENSOR:
                return SparkColumns.floats(r.getList(i), names[c]);
            default:
                return r.get(i);
        }
    }

    /** Core loads bundles from files: the bytes go to a temporary file for as long as loading takes. */
    private static Predictor open(byte[] bytes) {
        Path file = null;
        try {
            file = Files.createTempFile("bigdata-ai-bundle", ".zip");
            Files.write(file, bytes);
            return Predictor.load(file, 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the model bundle on this executor", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }
}

package ai.bigdata.spark;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Runs on executors: Arrow IPC streams written by core, as Spark rows of the matching Spark schema. */
final class ArrowToRows implements FlatMapFunction<Iterator<byte[]>, Row> {
    private static final long serialVersionUID = 1L;

    private final boolean java8Time;

    /** @param java8Time whether Spark takes timestamps as {@code Instant} ({@code spark.sql.datetime.java8API.enabled}) */
    ArrowToRows(boolean java8Time) {
        this.java8Time = java8Time;
    }

    @Override
    public Iterator<Row> call(Iterator<byte[]> streams) {
        List<Row> rows = new ArrayList<>();
        while (streams.hasNext()) {
            try (Dataset slice = Dataset.readArrowStream(new ByteArrayInputStream(streams.next()))) {
                Schema schema = slice.schema();
                slice.forEachRow(r -> {
                    Object[] values = new Object[schema.size()];
                    for (int c = 0; c < values.length; c++) {
                        Column col = schema.column(c);
                        values[c] = SparkColumns.toSpark(r.get(col.name()), java8Time);
                    }
                    rows.add(RowFactory.create(values));
                });
            }
        }
        return rows.iterator();
    }
}

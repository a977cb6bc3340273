package ai.bigdata.spark;

import ai.bigdata.core.data.ColumnWriter;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.io.ArrowIpc;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** A driver-side dataset cut into Arrow IPC streams of at most a given number of rows, in row order. */
final class ArrowSlices {
    private ArrowSlices() {
    }

    /** The rows of {@code data} as Arrow IPC streams of {@code sliceRows} rows (the last may have fewer). */
    static List<byte[]> of(Dataset data, int sliceRows) {
        Schema schema = data.schema();
        List<byte[]> slices = new ArrayList<>();
        DatasetWriter[] writer = {Dataset.writer(schema, sliceRows)};
        try {
            data.forEachRow(row -> {
                List<ColumnWriter> columns = writer[0].columns();
                for (int c = 0; c < columns.size(); c++) {
                    columns.get(c).append(row.get(schema.column(c).name()));
                }
                writer[0].endRow();
                if (writer[0].rowCount() == sliceRows) {
                    slices.add(stream(writer[0]));
                    writer[0] = Dataset.writer(schema, sliceRows);
                }
            });
            if (writer[0].rowCount() > 0) {
                slices.add(stream(writer[0]));
            }
        } finally {
            writer[0].close();
        }
        return slices;
    }

    private static byte[] stream(DatasetWriter w) {
        try (w; Dataset slice = w.build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ArrowIpc.writeStream(slice, out);
            return out.toByteArray();
        }
    }
}

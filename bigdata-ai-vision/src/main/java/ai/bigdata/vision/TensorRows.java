package ai.bigdata.vision;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.prep.PreprocessingException;
import java.util.function.UnaryOperator;

/**
 * Row-level helpers over one tensor column of a dataset, through the public API only: finding the
 * column and its channel layout, and copying a dataset with the column's cells replaced.
 */
final class TensorRows {
    private TensorRows() {
    }

    /** The named tensor column of {@code schema}; fails naming it when it is missing or no tensor. */
    static Column tensorColumn(Schema schema, String name) {
        if (!schema.contains(name)) {
            throw new PreprocessingException(name, "no column '" + name + "' in " + schema.names());
        }
        Column c = schema.column(name);
        if (c.type() != ColumnType.TENSOR) {
            throw new PreprocessingException(name, "column '" + name + "' is " + c.type() + ", not an image tensor");
        }
        return c;
    }

    /** Channels of an image tensor: the first dimension of {@code [c, h, w]}, 1 for {@code [h, w]}. */
    static int channels(Column c) {
        int[] s = c.shape();
        if (s.length == 3) {
            return s[0];
        }
        if (s.length == 2) {
            return 1;
        }
        throw new PreprocessingException(c.name(), "column '" + c.name() + "' has shape " + java.util.Arrays.toString(s)
                + "; an image is [channels, height, width] or [height, width]");
    }

    /**
     * A new in-memory dataset with the same schema and rows, each non-null cell of {@code column} replaced
     * by {@code f} of it (the array may be changed in place and returned); nulls stay nulls.
     */
    static Dataset mapCells(Dataset data, String column, UnaryOperator<float[]> f) {
        Schema schema = data.schema();
        int target = schema.indexOf(column);
        try (DatasetWriter w = Dataset.writer(schema)) {
            data.forEachRow(r -> {
                for (int c = 0; c < schema.size(); c++) {
                    Object v = r.get(schema.column(c).name());
                    w.column(c).append(c == target && v != null ? f.apply((float[]) v) : v);
                }
                w.endRow();
            });
            return w.build();
        }
    }
}

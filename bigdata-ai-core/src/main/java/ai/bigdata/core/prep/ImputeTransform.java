package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Chunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** Fitted imputation: each listed column's nulls become its fitted value; optional missing indicators. */
public final class ImputeTransform extends NumericColumnsTransform {
    private final double[] values;
    private final boolean indicators;

    ImputeTransform(List<String> columns, double[] values, boolean indicators) {
        super(columns);
        this.values = values.clone();
        this.indicators = indicators;
    }

    @Override
    double map(int i, double x, long row) {
        return x;
    }

    @Override
    double mapNull(int i) {
        return values[i];
    }

    /** The fitted value of a column. */
    public double value(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new PreprocessingException(column, "imputation was not fitted on it; fitted columns are " + columns);
        }
        return values[i];
    }

    @Override
    List<Column> extraColumns() {
        List<Column> out = new ArrayList<>();
        if (indicators) {
            for (String c : columns) {
                out.add(Column.of(c + "_missing", ColumnType.BOOLEAN));
            }
        }
        return out;
    }

    @Override
    List<FieldVector> extraVectors(Schema input, Chunk chunk, BufferAllocator allocator) {
        List<FieldVector> out = new ArrayList<>();
        if (!indicators) {
            return out;
        }
        for (String c : columns) {
            FieldVector v = chunk.vector(input.indexOf(c));
            BitVector missing = new BitVector(c + "_missing", allocator);
            out.add(missing);
            missing.allocateNew(Math.max(chunk.rowCount(), 1));
            for (int row = 0; row < chunk.rowCount(); row++) {
                missing.set(row, v.isNull(row) ? 1 : 0);
            }
            missing.setValueCount(chunk.rowCount());
        }
        return out;
    }

    @Override
    public String kind() {
        return "impute";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("columns", columns);
        p.put("values", AffineTransform.toList(values));
        p.put("indicators", indicators);
        return p;
    }

    @SuppressWarnings("unchecked")
    static ImputeTransform fromParameters(Map<String, Object> p) {
        return new ImputeTransform((List<String>) p.get("columns"), AffineTransform.toArray((List<Number>) p.get("values")),
                (Boolean) p.get("indicators"));
    }

    @Override
    public String toString() {
        return "imputation of " + columns;
    }
}

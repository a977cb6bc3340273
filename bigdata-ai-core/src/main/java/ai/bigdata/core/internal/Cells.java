package ai.bigdata.core.internal;

import ai.bigdata.core.data.Column;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;

/** Reads single cells of a vector as Java values, by logical type. */
public final class Cells {
    private Cells() {
    }

    /**
     * A numeric view of a cell: the number for numeric columns, 0/1 for booleans, epoch milliseconds for
     * timestamps and the code for categoricals. The caller checks {@code isNull} first.
     */
    public static double asDouble(Column c, FieldVector v, int row) {
        switch (c.type()) {
            case INT32:
            case CATEGORICAL:
                return ((IntVector) v).get(row);
            case INT64: return ((BigIntVector) v).get(row);
            case FLOAT32: return ((Float4Vector) v).get(row);
            case FLOAT64: return ((Float8Vector) v).get(row);
            case BOOLEAN: return ((BitVector) v).get(row);
            case TIMESTAMP: return ((TimeStampMilliTZVector) v).get(row);
            default:
                throw new IllegalArgumentException("column '" + c.name() + "' of type " + c.type() + " has no numeric value");
        }
    }

    /** The cell as a Java value (Integer, Long, Float, Double, Boolean, String, Instant, float[], SparseVector), or null. */
    public static Object value(Column c, FieldVector v, int row) {
        if (v.isNull(row)) {
            return null;
        }
        switch (c.type()) {
            case INT32: return ((IntVector) v).get(row);
            case INT64: return ((BigIntVector) v).get(row);
            case FLOAT32: return ((Float4Vector) v).get(row);
            case FLOAT64: return ((Float8Vector) v).get(row);
            case BOOLEAN: return ((BitVector) v).get(row) != 0;
            case TEXT: return new String(((VarCharVector) v).get(row), StandardCharsets.UTF_8);
            case CATEGORICAL: return c.categories().get(((IntVector) v).get(row));
            case TIMESTAMP: return Instant.ofEpochMilli(((TimeStampMilliTZVector) v).get(row));
            case TENSOR: {
                FixedSizeListVector l = (FixedSizeListVector) v;
                Float4Vector values = (Float4Vector) l.getDataVector();
                int w = l.getListSize();
                float[] out = new float[w];
                for (int i = 0; i < w; i++) {
                    out[i] = values.get(row * w + i);
                }
                return out;
            }
            case SPARSE: return SparseEntries.cell(c, (org.apache.arrow.vector.complex.ListVector) v, row);
            default: throw new IllegalStateException("unknown type " + c.type());
        }
    }

    /** The cell as text for previews and CSV output; null cells give null. */
    public static String text(Column c, FieldVector v, int row) {
        Object o = value(c, v, row);
        if (o == null) {
            return null;
        }
        if (o instanceof float[]) {
            float[] f = (float[]) o;
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < f.length; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(f[i]);
            }
            return sb.append(']').toString();
        }
        return o.toString();
    }
}

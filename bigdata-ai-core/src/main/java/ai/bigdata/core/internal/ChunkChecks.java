package ai.bigdata.core.internal;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.util.ValueVectorUtility;

/**
 * Checks on a chunk's values that native code relies on: Arrow's full validation of a vector read from
 * outside, category codes inside their dictionary, and numbers that float32 can hold. Each check is one
 * loop over a column, run when a chunk is visited.
 */
public final class ChunkChecks {
    private ChunkChecks() {
    }

    /**
     * The first value of {@code chunk} that the column's type cannot hold, described with the column and
     * the chunk row; null when every value is valid. Checked: categorical codes outside the column's
     * categories, missing (null) elements inside a present tensor (a tensor is all there or null), and
     * sparse entries that are missing, out of range, out of order or not finite.
     * Null rows are not looked at.
     */
    public static String badValue(Chunk chunk) {
        Schema s = chunk.schema();
        for (int c = 0; c < s.size(); c++) {
            Column col = s.column(c);
            if (col.type() == ColumnType.TENSOR) {
                String bad = missingTensorElement(col, (FixedSizeListVector) chunk.vector(c), chunk.rowCount());
                if (bad != null) {
                    return bad;
                }
                continue;
            }
            if (col.type() == ColumnType.SPARSE) {
                org.apache.arrow.vector.complex.ListVector v = (org.apache.arrow.vector.complex.ListVector) chunk.vector(c);
                for (int r = 0; r < chunk.rowCount(); r++) {
                    String bad = SparseEntries.problem(v, r, col.width());
                    if (bad != null) {
                        return "column '" + col.name() + "', row " + r + ": " + bad;
                    }
                }
                continue;
            }
            if (col.type() != ColumnType.CATEGORICAL) {
                continue;
            }
            IntVector v = (IntVector) chunk.vector(c);
            int row = firstCodeOutside(v, chunk.rowCount(), col.categories().size());
            if (row >= 0) {
                return "column '" + col.name() + "', row " + row + ": category code " + v.get(row)
                        + " is outside the column's " + col.categories().size() + " categories [0, "
                        + col.categories().size() + ")";
            }
        }
        return null;
    }

    private static String missingTensorElement(Column col, FixedSizeListVector v, int rows) {
        org.apache.arrow.vector.ValueVector values = v.getDataVector();
        if (values.getNullCount() == 0) {
            return null;
        }
        int w = v.getListSize();
        for (int r = 0; r < rows; r++) {
            if (v.isNull(r)) {
                continue;
            }
            for (int i = 0; i < w; i++) {
                if (values.isNull(r * w + i)) {
                    return "column '" + col.name() + "', row " + r + ": element " + i + " of the tensor is missing"
                            + " (a tensor is either whole or null)";
                }
            }
        }
        return null;
    }

    /** The first non-null row of {@code rows} whose code is outside {@code [0, classes)}, or -1. */
    static int firstCodeOutside(IntVector v, int rows, int classes) {
        if (rows > v.getValueCount()) {
            throw new IllegalStateException("column '" + v.getName() + "' holds " + v.getValueCount()
                    + " values, fewer than the chunk's " + rows + " rows");
        }
        long src = v.getDataBuffer().memoryAddress();
        boolean nulls = v.getNullCount() > 0;
        for (int r = 0; r < rows; r++) {
            int code = MemoryUtil.getInt(src + 4L * r);
            if ((code < 0 || code >= classes) && !(nulls && v.isNull(r))) {
                return r;
            }
        }
        return -1;
    }

    /**
     * Refuses a float32 or float64 column value that is not finite once converted to float32 (NaN,
     * +-Infinity, or a float64 beyond float32's range such as 1e39), naming the column and the dataset
     * row ({@code firstRow} is the global position of the chunk's first row). Null rows are skipped.
     * Other column types pass unchecked: every int, long, boolean and timestamp converts to a finite float.
     *
     * @throws IllegalStateException for the first such value
     */
    public static void requireFloat32Finite(Column col, FieldVector v, int rows, long firstRow) {
        ColumnType t = col.type();
        if (t != ColumnType.FLOAT32 && t != ColumnType.FLOAT64) {
            return;
        }
        if (rows > v.getValueCount()) {
            throw new IllegalStateException("column '" + col.name() + "' holds " + v.getValueCount()
                    + " values, fewer than the chunk's " + rows + " rows");
        }
        long src = v.getDataBuffer().memoryAddress();
        boolean nulls = v.getNullCount() > 0;
        int bad = -1;
        if (t == ColumnType.FLOAT64) {
            for (int r = 0; r < rows; r++) {
                if (!Float.isFinite((float) Double.longBitsToDouble(MemoryUtil.getLong(src + 8L * r)))
                        && !(nulls && v.isNull(r))) {
                    bad = r;
                    break;
                }
            }
        } else {
            for (int r = 0; r < rows; r++) {
                if (!Float.isFinite(Float.intBitsToFloat(MemoryUtil.getInt(src + 4L * r))) && !(nulls && v.isNull(r))) {
                    bad = r;
                    break;
                }
            }
        }
        if (bad >= 0) {
            double value = t == ColumnType.FLOAT64 ? Double.longBitsToDouble(MemoryUtil.getLong(src + 8L * bad))
                    : Float.intBitsToFloat(MemoryUtil.getInt(src + 4L * bad));
            String why = Double.isFinite(value) ? "overflows float32 (largest " + Float.MAX_VALUE + ")" : "is not finite";
            throw new IllegalStateException("column '" + col.name() + "' holds " + value + " in row " + (firstRow + bad)
                    + ", which " + why + "; batches are float32: scale, clip or filter the value before batching");
        }
    }

    /**
     * Arrow's full validation (buffer sizes, offsets, UTF-8 where it checks it). Arrow 19 cannot run it on
     * a fixed-size list (it asks the list for an offset buffer, which it has none of), so such a vector
     * gets the structural check and its values vector the full one.
     */
    public static void validateFull(FieldVector v) {
        if (v instanceof FixedSizeListVector) {
            ValueVectorUtility.validate(v);
            ValueVectorUtility.validateFull(((FixedSizeListVector) v).getDataVector());
        } else {
            ValueVectorUtility.validateFull(v);
        }
    }
}

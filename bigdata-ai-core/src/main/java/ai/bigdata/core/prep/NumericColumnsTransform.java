package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Datasets;
import ai.bigdata.core.internal.Cells;
import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkMapper;
import ai.bigdata.core.internal.NumericColumn;
import ai.bigdata.core.internal.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * A fitted step that replaces some numeric columns by float64 values computed value by value; other
 * columns pass through without a copy. Nulls stay null unless {@link #mapNull} says otherwise.
 */
abstract class NumericColumnsTransform implements Transform {
    final List<String> columns;

    NumericColumnsTransform(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /** The new value of a present value {@code x} of listed column {@code i} (row for errors). */
    abstract double map(int i, double x, long row);

    /** The value that replaces a null of listed column {@code i}, or NaN to keep the null. */
    double mapNull(int i) {
        return Double.NaN;
    }

    /** Columns appended after the input's (none by default). */
    List<Column> extraColumns() {
        return List.of();
    }

    /** The vectors of {@link #extraColumns()} for one input chunk. */
    List<FieldVector> extraVectors(Schema input, Chunk chunk, BufferAllocator allocator) {
        return List.of();
    }

    @Override
    public Schema outputSchema(Schema input) {
        List<Column> out = new ArrayList<>();
        for (String c : columns) {
            if (!input.contains(c)) {
                throw new PreprocessingException(c, kind() + " was fitted on it but the data has no such column; columns are "
                        + input.names());
            }
            if (!input.column(c).type().isNumeric() && input.column(c).type() != ColumnType.BOOLEAN) {
                throw new PreprocessingException(c, kind() + " needs a numeric column, this one is " + input.column(c).type());
            }
        }
        out.addAll(Statistics.replaceType(input, columns, ColumnType.FLOAT64).columns());
        out.addAll(extraColumns());
        return new Schema(out);
    }

    /** Maps a whole block of present values of listed column {@code i} in place (override for speed). */
    void mapAll(int i, double[] x, int n, long firstRow) {
        for (int k = 0; k < n; k++) {
            x[k] = map(i, x[k], firstRow + k);
        }
    }

    /**
     * Whether {@link #map} turns every non-finite input into a non-finite result, so that the check of
     * the results also catches non-finite inputs (and the separate pass over the inputs can be skipped).
     */
    boolean nonFiniteStaysNonFinite() {
        return false;
    }

    /**
     * Maps a chunk of column {@code i} without nulls into {@code out}. A non-finite input, or a result
     * that is not finite (an overflow), is an error naming the column and row: nothing silently becomes
     * NaN or infinite.
     */
    void mapPresent(int i, Column col, FieldVector in, Float8Vector out, int rows, long firstRow) {
        double[] x = NumericColumn.scratch(rows);
        NumericColumn.read(col, in, rows, x);
        if (!nonFiniteStaysNonFinite()) {
            for (int k = 0; k < rows; k++) {
                if (!Double.isFinite(x[k])) {
                    check(i, x[k], x[k], firstRow + k);
                }
            }
        }
        mapAll(i, x, rows, firstRow);
        for (int k = 0; k < rows; k++) {
            if (!Double.isFinite(x[k])) {
                check(i, Cells.asDouble(col, in, k), x[k], firstRow + k);
            }
        }
        NumericColumn.writeAllPresent(out, x, rows);
    }

    /** {@code y}, the result for input {@code x} of listed column {@code i} in {@code row}, if both are finite. */
    final double check(int i, double x, double y, long row) {
        if (!Double.isFinite(x)) {
            throw new PreprocessingException(columns.get(i), this + " cannot take the non-finite value " + x + " in row " + row
                    + "; refuse such values when reading, or replace them first");
        }
        if (!Double.isFinite(y)) {
            throw new PreprocessingException(columns.get(i), this + " turns " + x + " in row " + row + " into " + y
                    + " (outside the range of double)");
        }
        return y;
    }

    @Override
    public Dataset apply(Dataset data) {
        Schema in = data.schema();
        Schema out = outputSchema(in);
        int[] listed = new int[in.size()];
        for (int c = 0; c < in.size(); c++) {
            listed[c] = columns.indexOf(in.column(c).name());
        }
        return Datasets.mapChunks(data, out, ChunkMapper.threadSafe((chunk, firstRow, alloc, vs) -> {
            for (int c = 0; c < in.size(); c++) {
                FieldVector v = chunk.vector(c);
                if (listed[c] < 0) {
                    vs.add(Vectors.share(v, alloc));
                    continue;
                }
                Column col = in.column(c);
                int i = listed[c];
                if (v.getNullCount() == 0 && col.type() != ColumnType.BOOLEAN) {
                    Float8Vector o = Vectors.float64AllPresent(col.name(), chunk.rowCount(), alloc);
                    vs.add(o);
                    mapPresent(i, col, v, o, chunk.rowCount(), firstRow);
                    continue;
                }
                Float8Vector o = Vectors.float64(col.name(), chunk.rowCount(), alloc);
                vs.add(o);
                double fill = mapNull(i);
                for (int row = 0; row < chunk.rowCount(); row++) {
                    if (v.isNull(row)) {
                        if (!Double.isNaN(fill)) {
                            o.set(row, fill);
                        }
                    } else {
                        double x = Cells.asDouble(col, v, row);
                        o.set(row, check(i, x, map(i, x, firstRow + row), firstRow + row));
                    }
                }
            }
            vs.addAll(extraVectors(in, chunk, alloc));
        }));
    }
}

package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Datasets;
import ai.bigdata.core.internal.Cells;
import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkReader;
import ai.bigdata.core.internal.ChunkSource;
import ai.bigdata.core.internal.NumericColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/** Streaming passes that fitting uses, and the column choices they share. */
final class Statistics {
    private Statistics() {
    }

    /** The named columns, or every feature column of an accepted type; each must exist and be accepted. */
    static List<String> choose(Schema schema, List<String> named, Predicate<ColumnType> accepted, String what, String step) {
        List<String> out = new ArrayList<>();
        if (named == null) {
            for (Column c : schema.allWithRole(ColumnRole.FEATURE)) {
                if (accepted.test(c.type())) {
                    out.add(c.name());
                }
            }
            return out;
        }
        for (String n : named) {
            ColumnType t = schema.column(n).type();
            if (!accepted.test(t)) {
                throw new PreprocessingException(n, step + " needs " + what + " columns, this one is " + t);
            }
            out.add(n);
        }
        return out;
    }

    /** {@code input} with each listed column's type replaced by {@code type} (role kept). */
    static Schema replaceType(Schema input, List<String> columns, ColumnType type) {
        List<Column> out = new ArrayList<>();
        for (Column c : input.columns()) {
            out.add(columns.contains(c.name()) ? Column.of(c.name(), type, c.role()) : c);
        }
        return new Schema(out);
    }

    static void requireRows(Dataset data, String step) {
        requireRows(data.rowCount(), step);
    }

    /** Fails, naming {@code step}, when {@code rows} is zero. */
    static void requireRows(long rows, String step) {
        if (rows == 0) {
            throw new PreprocessingException(null, step + " cannot be fitted on an empty dataset");
        }
    }

    /** How a pass finds quantiles: none, exact (values kept, checked against the heap first), or a KLL sketch. */
    record Quantiles(boolean exact, int sketchK, String step, String option) implements java.io.Serializable {
        static final Quantiles NONE = new Quantiles(false, 0, null, null);

        /** Exact quantiles for {@code step}; {@code option} names the sketch alternative in the error. */
        static Quantiles exact(String step, String option) {
            return new Quantiles(true, 0, step, option);
        }

        /** Exact quantiles when {@code sketchK} is 0, else a KLL sketch with that k. */
        static Quantiles of(int sketchK, String step, String option) {
            return sketchK == 0 ? exact(step, option) : new Quantiles(false, sketchK, step, option);
        }
    }

    /** One pass over the numeric columns, finding quantiles as {@code quantiles} says. */
    static Map<String, NumericStatistics> numeric(Dataset data, List<String> columns, Quantiles quantiles) {
        if (quantiles.exact() && !columns.isEmpty()) {
            QuantileSketch.requireExactFits(data.rowCount(), columns.size(), quantiles.step(), columns.get(0), quantiles.option());
        }
        Map<String, NumericStatistics> out = new LinkedHashMap<>();
        for (String c : columns) {
            out.put(c, quantiles.sketchK() > 0 ? NumericStatistics.sketched(quantiles.sketchK())
                    : new NumericStatistics(quantiles.exact()));
        }
        ChunkSource src = Datasets.source(data);
        Schema s = src.schema();
        int[] idx = columns.stream().mapToInt(s::indexOf).toArray();
        long[] firstRow = new long[src.chunkCount()];
        for (int k = 1; k < firstRow.length; k++) {
            firstRow[k] = firstRow[k - 1] + src.chunkRows(k - 1);
        }
        try (ChunkReader r = src.open()) {
            if (src.inMemory()) {
                // columns on several threads, each column in chunk order: the same result as one thread
                java.util.stream.IntStream.range(0, idx.length).parallel().forEach(i -> {
                    for (int k = 0; k < src.chunkCount(); k++) {
                        Chunk chunk = r.chunk(k);
                        add(out.get(columns.get(i)), s.column(idx[i]), chunk.vector(idx[i]), chunk.rowCount(), firstRow[k]);
                    }
                });
            } else {
                for (int k = 0; k < src.chunkCount(); k++) {
                    Chunk chunk = r.chunk(k);
                    for (int i = 0; i < idx.length; i++) {
                        add(out.get(columns.get(i)), s.column(idx[i]), chunk.vector(idx[i]), chunk.rowCount(), firstRow[k]);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Adds one chunk of a column: a bulk block when it has no nulls, value by value otherwise. A
     * non-finite value is an error naming the column and row (statistics over it would be NaN or infinite).
     */
    private static void add(NumericStatistics st, Column col, FieldVector v, int rows, long firstRow) {
        if (v.getNullCount() == 0 && col.type() != ColumnType.BOOLEAN) {
            double[] buffer = NumericColumn.scratch(rows);
            NumericColumn.read(col, v, rows, buffer);
            st.addAll(buffer, rows);
            if (!Double.isFinite(st.mean()) || !Double.isFinite(st.variance(0))) {
                // a non-finite value makes the running moments non-finite: find it (no separate pass otherwise)
                for (int row = 0; row < rows; row++) {
                    if (!Double.isFinite(buffer[row])) {
                        throw nonFinite(col, buffer[row], firstRow + row);
                    }
                }
            }
            return;
        }
        for (int row = 0; row < rows; row++) {
            if (v.isNull(row)) {
                st.addMissing();
            } else {
                double x = Cells.asDouble(col, v, row);
                if (!Double.isFinite(x)) {
                    throw nonFinite(col, x, firstRow + row);
                }
                st.add(x);
            }
        }
    }

    private static PreprocessingException nonFinite(Column col, double x, long row) {
        return new PreprocessingException(col.name(), "cannot fit on the non-finite value " + x + " in row " + row
                + "; refuse such values when reading, or replace them first");
    }

    /** One pass counting each category (by name, sorted) of categorical columns; nulls under the key null. */
    static Map<String, TreeMap<String, Long>> categories(Dataset data, List<String> columns) {
        Map<String, TreeMap<String, Long>> out = new LinkedHashMap<>();
        ChunkSource src = Datasets.source(data);
        Schema s = src.schema();
        for (String c : columns) {
            out.put(c, new TreeMap<>());
        }
        try (ChunkReader r = src.open()) {
            for (int k = 0; k < src.chunkCount(); k++) {
                Chunk chunk = r.chunk(k);
                for (String c : columns) {
                    int i = s.indexOf(c);
                    List<String> names = s.column(i).categories();
                    IntVector v = (IntVector) chunk.vector(i);
                    long[] counts = new long[names.size()];
                    long nulls = v.getNullCount();
                    if (nulls == 0) {
                        long a = v.getDataBuffer().memoryAddress();
                        for (int row = 0; row < chunk.rowCount(); row++) {
                            counts[MemoryUtil.getInt(a + 4L * row)]++;
                        }
                    } else {
                        for (int row = 0; row < chunk.rowCount(); row++) {
                            if (!v.isNull(row)) {
                                counts[v.get(row)]++;
                            }
                        }
                    }
                    TreeMap<String, Long> m = out.get(c);
                    for (int code = 0; code < counts.length; code++) {
                        if (counts[code] > 0) {
                            m.merge(names.get(code), counts[code], Long::sum);
                        }
                    }
                    if (nulls > 0) {
                        throw new PreprocessingException(c, nulls + " missing values; impute them before encoding");
                    }
                }
            }
        }
        return out;
    }
}

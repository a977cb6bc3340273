package ai.bigdata.core.data;

import ai.bigdata.core.internal.Cells;
import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkReader;
import ai.bigdata.core.internal.ChunkSource;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** Computes a {@link Summary} in one pass over the chunks, with Welford's update for mean and variance. */
final class SummaryPass {
    private SummaryPass() {
    }

    static Summary run(ChunkSource source) {
        Schema s = source.schema();
        int n = s.size();
        long[] count = new long[n];
        long[] missing = new long[n];
        double[] mean = new double[n];
        double[] m2 = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        BitSet[] seen = new BitSet[n];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        long rows = 0;
        try (ChunkReader r = source.open()) {
            for (int k = 0; k < source.chunkCount(); k++) {
                Chunk chunk = r.chunk(k);
                rows += chunk.rowCount();
                for (int c = 0; c < n; c++) {
                    Column col = s.column(c);
                    FieldVector v = chunk.vector(c);
                    boolean numeric = hasMoments(col.type());
                    if (col.type() == ColumnType.CATEGORICAL && seen[c] == null) {
                        seen[c] = new BitSet();
                    }
                    for (int i = 0; i < chunk.rowCount(); i++) {
                        if (v.isNull(i)) {
                            missing[c]++;
                            continue;
                        }
                        count[c]++;
                        if (numeric) {
                            double x = Cells.asDouble(col, v, i);
                            double d = x - mean[c];
                            mean[c] += d / count[c];
                            m2[c] += d * (x - mean[c]);
                            min[c] = Math.min(min[c], x);
                            max[c] = Math.max(max[c], x);
                        } else if (seen[c] != null) {
                            seen[c].set((int) Cells.asDouble(col, v, i));
                        }
                    }
                }
            }
        }
        List<ColumnSummary> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            boolean stats = hasMoments(s.column(c).type()) && count[c] > 0;
            out.add(new ColumnSummary(s.column(c), count[c], missing[c],
                    stats ? mean[c] : Double.NaN,
                    stats && count[c] > 1 ? Math.sqrt(m2[c] / (count[c] - 1)) : Double.NaN,
                    stats ? min[c] : Double.NaN, stats ? max[c] : Double.NaN,
                    seen[c] == null ? -1 : seen[c].cardinality()));
        }
        return new Summary(rows, out);
    }

    private static boolean hasMoments(ColumnType t) {
        return t.isNumeric() || t == ColumnType.BOOLEAN || t == ColumnType.TIMESTAMP;
    }
}

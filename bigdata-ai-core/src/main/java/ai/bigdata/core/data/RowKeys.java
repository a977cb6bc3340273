package ai.bigdata.core.data;

import ai.bigdata.core.internal.Cells;
import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkReader;
import ai.bigdata.core.internal.ChunkSource;
import java.util.HashMap;
import java.util.Map;

/** Reads one column of every row as dense group ids (0, 1, ... by first appearance), refusing nulls. */
final class RowKeys {
    final int[] ids;
    final int groups;

    private RowKeys(int[] ids, int groups) {
        this.ids = ids;
        this.groups = groups;
    }

    static RowKeys of(Dataset data, String column, String purpose) {
        ChunkSource src = data.source();
        Schema s = src.schema();
        int c = s.indexOf(column);
        Column col = s.column(c);
        if (col.type() == ColumnType.TENSOR || col.type() == ColumnType.SPARSE) {
            throw new IllegalArgumentException("cannot " + purpose + " by " + col.type().name().toLowerCase(java.util.Locale.ROOT)
                    + " column '" + column + "'");
        }
        long n = src.rowCount();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot " + purpose + " more than 2^31 rows in one dataset");
        }
        int[] ids = new int[(int) n];
        Map<Object, Integer> dense = new HashMap<>();
        int at = 0;
        try (ChunkReader r = src.open()) {
            for (int k = 0; k < src.chunkCount(); k++) {
                Chunk chunk = r.chunk(k);
                for (int i = 0; i < chunk.rowCount(); i++, at++) {
                    Object v = Cells.value(col, chunk.vector(c), i);
                    if (v == null) {
                        throw new IllegalArgumentException("cannot " + purpose + " by column '" + column + "': row " + at
                                + " is null (impute or filter it first)");
                    }
                    Integer id = dense.get(v);
                    if (id == null) {
                        id = dense.size();
                        dense.put(v, id);
                    }
                    ids[at] = id;
                }
            }
        }
        return new RowKeys(ids, dense.size());
    }
}

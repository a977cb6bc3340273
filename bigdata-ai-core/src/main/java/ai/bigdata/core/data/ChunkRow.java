package ai.bigdata.core.data;

import ai.bigdata.core.internal.Cells;
import ai.bigdata.core.internal.Chunk;

/** A {@link Row} over one row of a chunk; moved from row to row without allocation. */
final class ChunkRow implements Row {
    private Chunk chunk;
    private int row;

    void at(Chunk c, int r) {
        this.chunk = c;
        this.row = r;
    }

    @Override
    public boolean isNull(String column) {
        return chunk.vector(chunk.schema().indexOf(column)).isNull(row);
    }

    @Override
    public double getDouble(String column) {
        int i = chunk.schema().indexOf(column);
        if (chunk.vector(i).isNull(row)) {
            throw new IllegalStateException("column '" + column + "' is null in this row; test isNull first");
        }
        return Cells.asDouble(chunk.schema().column(i), chunk.vector(i), row);
    }

    @Override
    public String getString(String column) {
        int i = chunk.schema().indexOf(column);
        return Cells.text(chunk.schema().column(i), chunk.vector(i), row);
    }

    @Override
    public Object get(String column) {
        int i = chunk.schema().indexOf(column);
        return Cells.value(chunk.schema().column(i), chunk.vector(i), row);
    }
}

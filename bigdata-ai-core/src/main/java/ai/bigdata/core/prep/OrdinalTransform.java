package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * Fitted ordinal (label) encoding: each encoded column becomes the int32 index of its category among
 * the fitted categories in sorted order; the class names stay available for reports.
 */
public final class OrdinalTransform extends ListedColumnsTransform implements CategoryEncoding {
    private final List<List<String>> categories;
    private final Unknown unknown;

    OrdinalTransform(List<String> columns, List<List<String>> categories, Unknown unknown) {
        super(columns);
        this.categories = categories.stream().map(List::copyOf).toList();
        this.unknown = unknown;
    }

    /** The class names of a column: code k means {@code classes(column).get(k)}. */
    public List<String> classes(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new PreprocessingException(column, "ordinal encoding was not fitted on it; fitted columns are " + columns);
        }
        return categories.get(i);
    }

    /** The same as {@link #classes(String)}: code k means category k. */
    @Override
    public List<String> categories(String column) {
        return classes(column);
    }

    @Override
    public Schema outputSchema(Schema input) {
        requireColumns(input, t -> t == ColumnType.CATEGORICAL, "ordinal encoding", "this categorical");
        return Statistics.replaceType(input, columns, ColumnType.INT32);
    }

    @Override
    void mapColumn(int i, Column col, FieldVector in, int rows, long firstRow, BufferAllocator alloc, List<FieldVector> out) {
        requireNoNulls(i, in, rows, firstRow, "encoding");
        int[] map = CategoryCodes.map(col.categories(), categories.get(i));
        IntVector codes = (IntVector) in;
        IntVector o = newInt(col.name(), rows, alloc, out);
        for (int row = 0; row < rows; row++) {
            int k = map[codes.get(row)];
            if (k >= 0) {
                o.set(row, k);
            } else if (unknown == Unknown.ERROR) {
                throw new PreprocessingException(columns.get(i), "category '" + col.categories().get(codes.get(row))
                        + "' in row " + (firstRow + row) + " was not seen when the encoder was fitted");
            }
        }
    }

    @Override
    public String kind() {
        return "ordinal";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("columns", columns);
        p.put("categories", categories);
        p.put("unknown", unknown.name());
        return p;
    }

    @SuppressWarnings("unchecked")
    static OrdinalTransform fromParameters(Map<String, Object> p) {
        return new OrdinalTransform((List<String>) p.get("columns"), (List<List<String>>) p.get("categories"),
                Unknown.valueOf((String) p.get("unknown")));
    }

    @Override
    public String toString() {
        return "ordinal encoding of " + columns;
    }
}

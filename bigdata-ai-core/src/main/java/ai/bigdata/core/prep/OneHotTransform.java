package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/** Fitted one-hot encoding: each encoded column becomes one float32 0/1 column per fitted category. */
public final class OneHotTransform extends ListedColumnsTransform implements CategoryEncoding {
    private final List<List<String>> categories;
    private final Unknown unknown;
    private final boolean other;

    OneHotTransform(List<String> columns, List<List<String>> categories, Unknown unknown, boolean other) {
        super(columns);
        this.categories = categories.stream().map(List::copyOf).toList();
        this.unknown = unknown;
        this.other = other;
    }

    /** The fitted categories of a column, in output order (without the other bucket). */
    @Override
    public List<String> categories(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new PreprocessingException(column, "one-hot encoding was not fitted on it; fitted columns are " + columns);
        }
        return categories.get(i);
    }

    private List<String> slotNames(int i) {
        List<String> names = new ArrayList<>();
        for (String cat : categories.get(i)) {
            names.add(columns.get(i) + "=" + cat);
        }
        if (other) {
            names.add(columns.get(i) + "=" + Encode.OTHER);
        }
        return names;
    }

    @Override
    public Schema outputSchema(Schema input) {
        requireColumns(input, t -> t == ColumnType.CATEGORICAL, "one-hot encoding", "this categorical");
        List<Column> out = new ArrayList<>();
        for (Column c : input.columns()) {
            int i = columns.indexOf(c.name());
            if (i < 0) {
                out.add(c);
                continue;
            }
            for (String name : slotNames(i)) {
                out.add(Column.of(name, ColumnType.FLOAT32, c.role()));
            }
        }
        return new Schema(out);
    }

    @Override
    void mapColumn(int i, Column col, FieldVector in, int rows, long firstRow, BufferAllocator alloc, List<FieldVector> out) {
        requireNoNulls(i, in, rows, firstRow, "encoding");
        List<String> names = slotNames(i);
        long[] slots = newIndicatorColumns(names, rows, alloc, out);
        int[] map = CategoryCodes.map(col.categories(), categories.get(i));
        long codes = in.getDataBuffer().memoryAddress();
        for (int row = 0; row < rows; row++) {
            int code = MemoryUtil.getInt(codes + 4L * row);
            int hot = map[code];
            if (hot < 0) {
                if (unknown == Unknown.ERROR) {
                    throw new PreprocessingException(columns.get(i), "category '" + col.categories().get(code) + "' in row "
                            + (firstRow + row) + " was not seen when the encoder was fitted; fitted categories are "
                            + categories.get(i));
                }
                hot = unknown == Unknown.OTHER ? names.size() - 1 : -1;
            }
            if (hot >= 0) {
                setOne(slots[hot], row);
            }
        }
    }

    @Override
    public String kind() {
        return "one-hot";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("columns", columns);
        p.put("categories", categories);
        p.put("unknown", unknown.name());
        p.put("other", other);
        return p;
    }

    @SuppressWarnings("unchecked")
    static OneHotTransform fromParameters(Map<String, Object> p) {
        return new OneHotTransform((List<String>) p.get("columns"), (List<List<String>>) p.get("categories"),
                Unknown.valueOf((String) p.get("unknown")), (Boolean) p.get("other"));
    }

    @Override
    public String toString() {
        return "one-hot encoding of " + columns;
    }
}

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
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * Fitted imputation of categorical columns: missing values become the fitted category (the most
 * frequent one, or a constant); a category the data lacks is added to its categories.
 */
public final class CategoryImputeTransform extends ListedColumnsTransform {
    private final List<String> values;
    private final boolean indicators;

    CategoryImputeTransform(List<String> columns, List<String> values, boolean indicators) {
        super(columns);
        this.values = List.copyOf(values);
        this.indicators = indicators;
    }

    /** Every fitted column's category, in column order. */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            out.put(columns.get(i), values.get(i));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The fitted category of a column. */
    public String value(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new PreprocessingException(column, "category imputation was not fitted on it; fitted columns are " + columns);
        }
        return values.get(i);
    }

    private static List<String> withValue(List<String> categories, String value) {
        if (categories.contains(value)) {
            return categories;
        }
        List<String> out = new ArrayList<>(categories);
        out.add(value);
        return out;
    }

    @Override
    public Schema outputSchema(Schema input) {
        requireColumns(input, t -> t == ColumnType.CATEGORICAL, "category imputation", "this categorical");
        List<Column> out = new ArrayList<>();
        for (Column c : input.columns()) {
            int i = columns.indexOf(c.name());
            out.add(i < 0 ? c : c.withCategories(withValue(c.categories(), values.get(i))));
        }
        if (indicators) {
            out.addAll(MissingIndicators.columns(columns));
        }
        return new Schema(out);
    }

    @Override
    List<FieldVector> extraVectors(Schema input, Chunk chunk, BufferAllocator allocator) {
        return indicators ? MissingIndicators.vectors(columns, input, chunk, allocator) : List.of();
    }

    @Override
    void mapColumn(int i, Column col, FieldVector in, int rows, long firstRow, BufferAllocator alloc, List<FieldVector> out) {
        if (in.getNullCount() == 0) {
            out.add(in);
            return;
        }
        int fill = withValue(col.categories(), values.get(i)).indexOf(values.get(i));
        IntVector codes = (IntVector) in;
        IntVector o = newInt(col.name(), rows, alloc, out);
        for (int row = 0; row < rows; row++) {
            o.set(row, codes.isNull(row) ? fill : codes.get(row));
        }
    }

    @Override
    public String kind() {
        return "impute-category";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("columns", columns);
        p.put("values", values);
        p.put("indicators", indicators);
        return p;
    }

    @SuppressWarnings("unchecked")
    static CategoryImputeTransform fromParameters(Map<String, Object> p) {
        return new CategoryImputeTransform((List<String>) p.get("columns"), (List<String>) p.get("values"),
                Boolean.TRUE.equals(p.get("indicators")));
    }

    @Override
    public String toString() {
        return "category imputation of " + columns + (indicators ? " with missing indicators" : "");
    }
}

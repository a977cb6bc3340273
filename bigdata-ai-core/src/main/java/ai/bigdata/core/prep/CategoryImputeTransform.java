package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Vectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * Fitted imputation of categorical columns: missing values become the fitted category (the most
 * frequent one, or a constant); a category the data lacks is added to its categories.
 */
public final class CategoryImputeTransform implements Transform {
    private final List<String> columns;
    private final List<String> values;

    CategoryImputeTransform(List<String> columns, List<String> values) {
        this.columns = List.copyOf(columns);
        this.values = List.copyOf(values);
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
        for (String c : columns) {
            if (!input.contains(c) || input.column(c).type() != ColumnType.CATEGORICAL) {
                throw new PreprocessingException(c, "category imputation needs this categorical column; the data has "
                        + (input.contains(c) ? input.column(c).type().toString() : "no such column"));
            }
        }
        List<Column> out = new ArrayList<>();
        for (Column c : input.columns()) {
            int i = columns.indexOf(c.name());
            out.add(i < 0 ? c : c.withCategories(withValue(c.categories(), values.get(i))));
        }
        return new Schema(out);
    }

    @Override
    public Dataset apply(Dataset data) {
        Schema in = data.schema();
        Schema out = outputSchema(in);
        return data.mapChunks(out, (chunk, firstRow, alloc, vs) -> {
            for (int c = 0; c < in.size(); c++) {
                FieldVector v = chunk.vector(c);
                int i = columns.indexOf(in.column(c).name());
                if (i < 0 || v.getNullCount() == 0) {
                    vs.add(Vectors.share(v, alloc));
                    continue;
                }
                int fill = out.column(c).categories().indexOf(values.get(i));
                IntVector codes = (IntVector) v;
                IntVector o = new IntVector(in.column(c).name(), alloc);
                vs.add(o);
                o.allocateNew(Math.max(chunk.rowCount(), 1));
                for (int row = 0; row < chunk.rowCount(); row++) {
                    o.set(row, codes.isNull(row) ? fill : codes.get(row));
                }
                o.setValueCount(chunk.rowCount());
            }
        });
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
        return p;
    }

    @SuppressWarnings("unchecked")
    static CategoryImputeTransform fromParameters(Map<String, Object> p) {
        return new CategoryImputeTransform((List<String>) p.get("columns"), (List<String>) p.get("values"));
    }
}

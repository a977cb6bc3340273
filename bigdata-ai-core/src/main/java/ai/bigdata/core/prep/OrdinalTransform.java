package ai.bigdata.core.prep;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Vectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.IntVector;

/**
 * Fitted ordinal (label) encoding: each encoded column becomes the int32 index of its category among
 * the fitted categories in sorted order; the class names stay available for reports.
 */
public final class OrdinalTransform implements Transform {
    private final List<String> columns;
    private final List<List<String>> categories;
    private final Unknown unknown;

    OrdinalTransform(List<String> columns, List<List<String>> categories, Unknown unknown) {
        this.columns = List.copyOf(columns);
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

    @Override
    public Schema outputSchema(Schema input) {
        for (String c : columns) {
            if (!input.contains(c) || input.column(c).type() != ColumnType.CATEGORICAL) {
                throw new PreprocessingException(c, "ordinal encoding needs this categorical column; the data has "
                        + (input.contains(c) ? input.column(c).type().toString() : "no such column"));
            }
        }
        return Statistics.replaceType(input, columns, ColumnType.INT32);
    }

    @Override
    public Dataset apply(Dataset data) {
        Schema in = data.schema();
        Schema out = outputSchema(in);
        return data.mapChunks(out, (chunk, firstRow, alloc, vs) -> {
            for (int c = 0; c < in.size(); c++) {
                int i = columns.indexOf(in.column(c).name());
                if (i < 0) {
                    vs.add(Vectors.share(chunk.vector(c), alloc));
                    continue;
                }
                int[] map = CategoryCodes.map(in.column(c).categories(), categories.get(i));
                IntVector codes = (IntVector) chunk.vector(c);
                IntVector o = new IntVector(in.column(c).name(), alloc);
                vs.add(o);
                o.allocateNew(Math.max(chunk.rowCount(), 1));
                for (int row = 0; row < chunk.rowCount(); row++) {
                    if (codes.isNull(row)) {
                        throw new PreprocessingException(columns.get(i), "row " + (firstRow + row) + " is missing; impute it first");
                    }
                    int k = map[codes.get(row)];
                    if (k >= 0) {
                        o.set(row, k);
                    } else if (unknown == Unknown.ERROR) {
                        throw new PreprocessingException(columns.get(i), "category '" + in.column(c).categories().get(codes.get(row))
                                + "' in row " + (firstRow + row) + " was not seen when the encoder was fitted");
                    }
                }
                o.setValueCount(chunk.rowCount());
            }
        });
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
}

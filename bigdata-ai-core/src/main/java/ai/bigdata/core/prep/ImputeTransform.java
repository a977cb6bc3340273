package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Chunk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** Fitted imputation: each listed column's nulls become its fitted value; optional missing indicators. */
public final class ImputeTransform extends NumericColumnsTransform {
    private final double[] values;
    private final boolean indicators;
    private final String approximation;

    ImputeTransform(List<String> columns, double[] values, boolean indicators, String approximation) {
        super(columns);
        this.values = values.clone();
        this.indicators = indicators;
        this.approximation = approximation;
    }

    /** How the values were approximated (for example {@code "KLL sketch, k=200"}), or null when exact. */
    public String approximation() {
        return approximation;
    }

    @Override
    double map(int i, double x, long row) {
        return x;
    }

    @Override
    double mapNull(int i) {
        return values[i];
    }

    /** The fitted value of a column. */
    public double value(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new PreprocessingException(column, "imputation was not fitted on it; fitted columns are " + columns);
        }
        return values[i];
    }

    /** Every fitted column's value, in column order. */
    public Map<String, Double> values() {
        return AffineTransform.byColumn(columns, values);
    }

    @Override
    List<Column> extraColumns() {
        return indicators ? MissingIndicators.columns(columns) : List.of();
    }

    @Override
    List<FieldVector> extraVectors(Schema input, Chunk chunk, BufferAllocator allocator) {
        return indicators ? MissingIndicators.vectors(columns, input, chunk, allocator) : List.of();
    }

    @Override
    public String kind() {
        return "impute";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("columns", columns);
        p.put("values", AffineTransform.toList(values));
        p.put("indicators", indicators);
        if (approximation != null) {
            p.put("approximation", approximation);
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    static ImputeTransform fromParameters(Map<String, Object> p) {
        return new ImputeTransform((List<String>) p.get("columns"), AffineTransform.toArray((List<Number>) p.get("values")),
                (Boolean) p.get("indicators"), (String) p.get("approximation"));
    }

    @Override
    public String toString() {
        return "imputation of " + columns + (indicators ? " with missing indicators" : "")
                + (approximation == null ? "" : " (" + approximation + ")");
    }
}

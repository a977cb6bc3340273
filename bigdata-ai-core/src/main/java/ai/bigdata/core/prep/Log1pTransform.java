package ai.bigdata.core.prep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code log(1 + x)} per column; a value at or below -1 is an error naming column and row. */
public final class Log1pTransform extends NumericColumnsTransform {
    Log1pTransform(List<String> columns) {
        super(columns);
    }

    @Override
    double map(int i, double x, long row) {
        if (x <= -1) {
            throw new PreprocessingException(columns.get(i), "log1p is undefined for " + x + " in row " + row);
        }
        return Math.log1p(x);
    }

    @Override
    public String kind() {
        return "log1p";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("columns", columns);
        return p;
    }

    @SuppressWarnings("unchecked")
    static Log1pTransform fromParameters(Map<String, Object> p) {
        return new Log1pTransform((List<String>) p.get("columns"));
    }

    @Override
    public String toString() {
        return "log1p of " + columns;
    }
}

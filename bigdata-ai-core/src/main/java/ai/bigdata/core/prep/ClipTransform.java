package ai.bigdata.core.prep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fitted outlier clipping: each listed column's values are clamped to its fitted [low, high]. */
public final class ClipTransform extends NumericColumnsTransform {
    private final double[] low;
    private final double[] high;

    ClipTransform(List<String> columns, double[] low, double[] high) {
        super(columns);
        this.low = low.clone();
        this.high = high.clone();
    }

    @Override
    double map(int i, double x, long row) {
        return x < low[i] ? low[i] : Math.min(x, high[i]);
    }

    /** The fitted bounds of a column: {low, high}. */
    public double[] bounds(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new PreprocessingException(column, "clipping was not fitted on it; fitted columns are " + columns);
        }
        return new double[] {low[i], high[i]};
    }

    @Override
    public String kind() {
        return "clip";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("columns", columns);
        p.put("low", AffineTransform.toList(low));
        p.put("high", AffineTransform.toList(high));
        return p;
    }

    @SuppressWarnings("unchecked")
    static ClipTransform fromParameters(Map<String, Object> p) {
        return new ClipTransform((List<String>) p.get("columns"), AffineTransform.toArray((List<Number>) p.get("low")),
                AffineTransform.toArray((List<Number>) p.get("high")));
    }

    @Override
    public String toString() {
        return "clipping of " + columns;
    }
}

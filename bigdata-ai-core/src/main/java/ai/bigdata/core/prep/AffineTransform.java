package ai.bigdata.core.prep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fitted form of the scalers: {@code (x - center) / scale} per column. */
public final class AffineTransform extends NumericColumnsTransform {
    private final String name;
    private final double[] center;
    private final double[] scale;

    AffineTransform(String name, List<String> columns, double[] center, double[] scale) {
        super(columns);
        this.name = name;
        this.center = center.clone();
        this.scale = scale.clone();
    }

    @Override
    double map(int i, double x, long row) {
        return (x - center[i]) / scale[i];
    }

    /** (x - c) / s, whatever c and s are: NaN stays NaN and an infinity becomes an infinity or NaN. */
    @Override
    boolean nonFiniteStaysNonFinite() {
        return true;
    }

    @Override
    void mapAll(int i, double[] x, int n, long firstRow) {
        double c = center[i];
        double s = scale[i];
        for (int k = 0; k < n; k++) {
            x[k] = (x[k] - c) / s;
        }
    }

    /** The fitted centre of a column (mean, min, median or 0). */
    public double center(String column) {
        return center[index(column)];
    }

    /** The fitted scale of a column (standard deviation, range, IQR or max-abs). */
    public double scale(String column) {
        return scale[index(column)];
    }

    /** Every fitted column's centre, in column order. */
    public Map<String, Double> centers() {
        return byColumn(columns, center);
    }

    /** Every fitted column's scale, in column order. */
    public Map<String, Double> scales() {
        return byColumn(columns, scale);
    }

    static Map<String, Double> byColumn(List<String> columns, double[] values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            out.put(columns.get(i), values[i]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private int index(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new PreprocessingException(column, name + " was not fitted on it; fitted columns are " + columns);
        }
        return i;
    }

    @Override
    public String kind() {
        return "affine";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("columns", columns);
        p.put("center", toList(center));
        p.put("scale", toList(scale));
        return p;
    }

    static List<Double> toList(double[] a) {
        List<Double> out = new ArrayList<>();
        for (double d : a) {
            out.add(d);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static AffineTransform fromParameters(Map<String, Object> p) {
        return new AffineTransform((String) p.get("name"), (List<String>) p.get("columns"),
                toArray((List<Number>) p.get("center")), toArray((List<Number>) p.get("scale")));
    }

    static double[] toArray(List<?> l) {
        return l.stream().mapToDouble(TransformJson::number).toArray();
    }

    @Override
    public String toString() {
        return name + " of " + columns;
    }
}

package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Cells;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * Fitted bucketising: each listed numeric column becomes the int32 index of its bucket, the number of
 * cut points at or below the value (so k cut points give buckets 0..k). Nulls stay null.
 */
public final class BucketTransform extends ListedColumnsTransform {
    private final List<double[]> cuts;
    private final String approximation;

    BucketTransform(List<String> columns, List<double[]> cuts, String approximation) {
        super(columns);
        this.cuts = cuts.stream().map(double[]::clone).toList();
        this.approximation = approximation;
    }

    /** How the cut points were approximated (for example {@code "KLL sketch, k=200"}), or null when exact or fixed. */
    public String approximation() {
        return approximation;
    }

    /** The cut points of a column, ascending. */
    public double[] cuts(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new PreprocessingException(column, "bucketising was not fitted on it; fitted columns are " + columns);
        }
        return cuts.get(i).clone();
    }

    @Override
    public Schema outputSchema(Schema input) {
        requireColumns(input, ColumnType::isNumeric, "bucketising", "this numeric");
        return Statistics.replaceType(input, columns, ColumnType.INT32);
    }

    @Override
    void mapColumn(int i, Column col, FieldVector in, int rows, long firstRow, BufferAllocator alloc, List<FieldVector> out) {
        IntVector o = newInt(col.name(), rows, alloc, out);
        double[] cut = cuts.get(i);
        for (int row = 0; row < rows; row++) {
            if (!in.isNull(row)) {
                int pos = Arrays.binarySearch(cut, Cells.asDouble(col, in, row));
                // at or below: an exact cut point belongs to the bucket above it
                o.set(row, pos >= 0 ? upper(cut, pos) : -pos - 1);
            }
        }
    }

    private static int upper(double[] cut, int pos) {
        int p = pos;
        while (p + 1 < cut.length && cut[p + 1] == cut[pos]) {
            p++;
        }
        return p + 1;
    }

    @Override
    public String kind() {
        return "bucket";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("columns", columns);
        List<List<Double>> c = new ArrayList<>();
        for (double[] a : cuts) {
            c.add(AffineTransform.toList(a));
        }
        p.put("cuts", c);
        if (approximation != null) {
            p.put("approximation", approximation);
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    static BucketTransform fromParameters(Map<String, Object> p) {
        List<double[]> cuts = new ArrayList<>();
        for (List<Number> l : (List<List<Number>>) p.get("cuts")) {
            cuts.add(AffineTransform.toArray(l));
        }
        return new BucketTransform((List<String>) p.get("columns"), cuts, (String) p.get("approximation"));
    }

    @Override
    public String toString() {
        return "bucketising of " + columns + (approximation == null ? "" : " (" + approximation + ")");
    }
}

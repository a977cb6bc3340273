package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Datasets;
import ai.bigdata.core.internal.Cells;
import ai.bigdata.core.internal.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Marks invalid values as missing by rule: numbers outside [low, high] (the column becomes float64),
 * or texts that do not match a pattern. What was replaced shows in the column's missing count, so
 * nothing is lost silently; impute or drop afterwards.
 */
public final class InvalidToNullTransform implements Transform {
    private final String column;
    private final double low;
    private final double high;
    private final String pattern;
    private final Pattern compiled;

    InvalidToNullTransform(String column, double low, double high, String pattern) {
        this.column = column;
        this.low = low;
        this.high = high;
        this.pattern = pattern;
        this.compiled = pattern == null ? null : Pattern.compile(pattern);
    }

    @Override
    public Schema outputSchema(Schema input) {
        if (!input.contains(column)) {
            throw new PreprocessingException(column, "the invalid-value rule names a column the data does not have; columns are "
                    + input.names());
        }
        ColumnType t = input.column(column).type();
        if (pattern == null ? !t.isNumeric() : t != ColumnType.TEXT) {
            throw new PreprocessingException(column, (pattern == null ? "a range rule needs a numeric column"
                    : "a pattern rule needs a text column") + ", this one is " + t);
        }
        List<Column> out = new ArrayList<>();
        for (Column c : input.columns()) {
            out.add(c.name().equals(column) && pattern == null ? Column.of(c.name(), ColumnType.FLOAT64, c.role()) : c);
        }
        return new Schema(out);
    }

    @Override
    public Dataset apply(Dataset data) {
        Schema in = data.schema();
        Schema out = outputSchema(in);
        int idx = in.indexOf(column);
        Column col = in.column(idx);
        return Datasets.mapChunks(data, out, (chunk, firstRow, alloc, vs) -> {
            for (int c = 0; c < in.size(); c++) {
                FieldVector v = chunk.vector(c);
                if (c != idx) {
                    vs.add(Vectors.share(v, alloc));
                } else if (pattern == null) {
                    Float8Vector o = Vectors.float64(column, chunk.rowCount(), alloc);
                    vs.add(o);
                    for (int row = 0; row < chunk.rowCount(); row++) {
                        if (!v.isNull(row)) {
                            double x = Cells.asDouble(col, v, row);
                            if (x >= low && x <= high) {
                                o.set(row, x);
                            }
                        }
                    }
                } else {
                    VarCharVector text = (VarCharVector) v;
                    VarCharVector o = new VarCharVector(column, alloc);
                    vs.add(o);
                    o.allocateNew(Math.max(chunk.rowCount(), 1));
                    for (int row = 0; row < chunk.rowCount(); row++) {
                        if (!text.isNull(row)) {
                            byte[] b = text.get(row);
                            if (compiled.matcher(new String(b, StandardCharsets.UTF_8)).matches()) {
                                o.setSafe(row, b);
                            }
                        }
                    }
                    o.setValueCount(chunk.rowCount());
                }
            }
        });
    }

    @Override
    public String kind() {
        return "invalid-to-null";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("column", column);
        p.put("low", pattern == null ? low : null);
        p.put("high", pattern == null ? high : null);
        p.put("pattern", pattern);
        return p;
    }

    static InvalidToNullTransform fromParameters(Map<String, Object> p) {
        Object lo = p.get("low");
        Object hi = p.get("high");
        return new InvalidToNullTransform((String) p.get("column"), lo == null ? 0 : TransformJson.number(lo),
                hi == null ? 0 : TransformJson.number(hi), (String) p.get("pattern"));
    }

    @Override
    public String toString() {
        return "invalid values to null in '" + column + "' (" + (pattern != null ? "not matching " + pattern : "outside [" + low + ", " + high + "]") + ")";
    }
}

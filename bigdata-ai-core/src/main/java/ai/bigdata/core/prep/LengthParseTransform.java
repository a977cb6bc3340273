package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Datasets;
import ai.bigdata.core.internal.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Parses free-text lengths such as people type their height ({@code 5'7}, {@code 5 ft 7 in},
 * {@code 5'10''}, {@code 170 cm}, {@code 1.70 m}, {@code 67 in}, {@code 68.5}) into a new float64
 * column in inches. A number without unit is read by plausible human range: 48-96 as inches, 120-230
 * as centimetres, 4-8 as feet. A result outside 48-96 inches (4-8 feet), or text that does not parse,
 * becomes null, so the column's missing count is the count of what could not be parsed.
 */
public final class LengthParseTransform implements Transform {
    private static final Pattern FEET_INCHES = Pattern.compile(
            "^(\\d+(?:\\.\\d+)?)\\s*(?:'|’|ft|feet|foot)\\s*(?:(\\d+(?:\\.\\d+)?)\\s*(?:\"|''|”|in|inch|inches)?)?$");
    private static final Pattern WITH_UNIT = Pattern.compile("^(\\d+(?:[.,]\\d+)?)\\s*(cm|m|in|inch|inches|\"|'')$");
    private static final Pattern PLAIN = Pattern.compile("^\\d+(?:\\.\\d+)?$");

    private final String column;
    private final String output;

    LengthParseTransform(String column, String output) {
        this.column = column;
        this.output = output;
    }

    /** Parses one text to inches, or NaN when it cannot be read as a plausible human height (4 to 8 feet). */
    public static double inches(String text) {
        double v = anyInches(text);
        return v >= 48 && v <= 96 ? v : Double.NaN;
    }

    private static double anyInches(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" and ", " ");
        Matcher m = FEET_INCHES.matcher(t);
        if (m.matches()) {
            double feet = Double.parseDouble(m.group(1));
            double in = m.group(2) == null ? 0 : Double.parseDouble(m.group(2));
            return in < 12 ? feet * 12 + in : Double.NaN;
        }
        m = WITH_UNIT.matcher(t);
        if (m.matches()) {
            double v = Double.parseDouble(m.group(1).replace(',', '.'));
            switch (m.group(2)) {
                case "cm": return v / 2.54;
                case "m": return v * 100 / 2.54;
                default: return v;
            }
        }
        if (PLAIN.matcher(t).matches()) {
            double v = Double.parseDouble(t);
            if (v >= 48 && v <= 96) {
                return v;
            }
            if (v >= 120 && v <= 230) {
                return v / 2.54;
            }
            if (v >= 4 && v < 8) {
                return v * 12;
            }
        }
        return Double.NaN;
    }

    @Override
    public Schema outputSchema(Schema input) {
        if (!input.contains(column) || input.column(column).type() != ColumnType.TEXT) {
            throw new PreprocessingException(column, "length parsing needs this text column; the data has "
                    + (input.contains(column) ? input.column(column).type().toString() : "no such column"));
        }
        if (input.contains(output)) {
            throw new PreprocessingException(output, "the parsed column's name is already taken");
        }
        List<Column> out = new ArrayList<>(input.columns());
        out.add(Column.of(output, ColumnType.FLOAT64));
        return new Schema(out);
    }

    @Override
    public Dataset apply(Dataset data) {
        Schema in = data.schema();
        Schema out = outputSchema(in);
        int idx = in.indexOf(column);
        return Datasets.mapChunks(data, out, (chunk, firstRow, alloc, vs) -> {
            for (int c = 0; c < in.size(); c++) {
                vs.add(Vectors.share(chunk.vector(c), alloc));
            }
            Float8Vector o = Vectors.float64(output, chunk.rowCount(), alloc);
            vs.add(o);
            VarCharVector text = (VarCharVector) chunk.vector(idx);
            for (int row = 0; row < chunk.rowCount(); row++) {
                if (!text.isNull(row)) {
                    double v = inches(new String(text.get(row), StandardCharsets.UTF_8));
                    if (!Double.isNaN(v)) {
                        o.set(row, v);
                    }
                }
            }
        });
    }

    @Override
    public String kind() {
        return "parse-length";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("column", column);
        p.put("output", output);
        return p;
    }

    static LengthParseTransform fromParameters(Map<String, Object> p) {
        return new LengthParseTransform((String) p.get("column"), (String) p.get("output"));
    }

    @Override
    public String toString() {
        return "length parsing of '" + column + "' into '" + output + "'";
    }
}

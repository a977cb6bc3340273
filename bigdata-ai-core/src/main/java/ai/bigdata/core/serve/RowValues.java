package ai.bigdata.core.serve;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.CsvTokenizer;
import ai.bigdata.core.internal.TextValues;
import ai.bigdata.core.io.CsvReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a raw row (Java values, text values or a CSV line) into exactly the values of a bundle's input
 * columns, or refuses it with an {@link InvalidRowException} naming the row, the column and the value.
 * Numbers must fit their column: a whole number for an integer column (217.0 is 217, 217.5 is refused),
 * a finite value in range for a float column (NaN, infinities and 1e39 into float32 are refused; a
 * missing value is a null). Text is parsed by the CSV reader's rules: its default null tokens
 * ({@link CsvReader#DEFAULT_NULL_TOKENS}) are nulls and numbers may have surrounding spaces.
 */
final class RowValues {
    private final Schema input;

    RowValues(Schema input) {
        this.input = input;
    }

    /** The values of a row of Java values ({@code Number}, {@code Boolean}, {@code String}, {@code Instant}, {@code float[]}). */
    Object[] fromObjects(Map<String, ?> row, int index) {
        checkColumns(row, index);
        Object[] v = new Object[input.size()];
        for (int c = 0; c < input.size(); c++) {
            Column col = input.column(c);
            v[c] = value(col, row.get(col.name()), index);
        }
        return v;
    }

    /** The values of a row of texts, parsed as the CSV reader parses a field (unquoted). */
    Object[] fromText(Map<String, String> row, int index) {
        checkColumns(row, index);
        Object[] v = new Object[input.size()];
        for (int c = 0; c < input.size(); c++) {
            Column col = input.column(c);
            Object text = row.get(col.name());
            if (text != null && !(text instanceof String)) {
                throw bad(col, index, "a " + text.getClass().getSimpleName() + " (" + shown(text) + ") is not text");
            }
            v[c] = text(col, (String) text, false, index);
        }
        return v;
    }

    /** The values of one CSV line whose fields are the input columns in order (see {@link #csvHeader()}). */
    Object[] fromCsvLine(String line, int index) {
        if (line == null) {
            throw new InvalidRowException(null, "row " + index + " is null; give a CSV line with the fields " + csvHeader(), null);
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        CsvTokenizer t = new CsvTokenizer(new ByteArrayInputStream(bytes), ',', '"', Math.max(bytes.length + 2, 64));
        try {
            if (!t.next()) {
                throw new InvalidRowException(null, "row " + index + " is empty; give the fields " + csvHeader(), null);
            }
            if (t.fieldCount() != input.size()) {
                throw new InvalidRowException(null, "row " + index + " has " + t.fieldCount() + " fields, the model reads "
                        + input.size() + ": " + csvHeader(), null);
            }
            Object[] v = new Object[input.size()];
            for (int c = 0; c < input.size(); c++) {
                Column col = input.column(c);
                String text = new String(t.bytes(c), t.start(c), t.end(c) - t.start(c), StandardCharsets.UTF_8);
                v[c] = text(col, text, t.quoted(c), index);
            }
            if (t.next()) {
                throw new InvalidRowException(null, "row " + index + " holds more than one CSV record (a line break outside"
                        + " quotes); give one line per row", null);
            }
            return v;
        } catch (CsvTokenizer.SyntaxError e) {
            throw new InvalidRowException(null, "row " + index + " is not a valid CSV line: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header line of the CSV rows {@link #fromCsvLine} reads: the input column names in order. */
    String csvHeader() {
        return String.join(",", input.names());
    }

    /**
     * The input schema for these rows: every categorical column also lists the categories the rows
     * hold that the bundle did not see (after the known ones, so that known codes stay), for the fitted
     * encoder to handle by its unknown-category policy.
     */
    Schema schemaFor(List<Object[]> rows) {
        List<Column> cols = new ArrayList<>(input.columns());
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            if (col.type() != ColumnType.CATEGORICAL) {
                continue;
            }
            Set<String> all = new LinkedHashSet<>(col.categories());
            for (Object[] r : rows) {
                if (r[c] != null) {
                    all.add((String) r[c]);
                }
            }
            if (all.size() > col.categories().size()) {
                cols.set(c, col.withCategories(List.copyOf(all)));
            }
        }
        return new Schema(cols);
    }

    private void checkColumns(Map<String, ?> row, int index) {
        if (row == null) {
            throw new InvalidRowException(null, "row " + index + " is null; give a map from column name to value", null);
        }
        for (String key : row.keySet()) {
            if (!input.contains(key)) {
                throw new InvalidRowException(shown(key), "row " + index + " has a column '" + shown(key) + "' that the model does not read;"
                        + " expected columns " + input.names(), null);
            }
        }
        for (Column col : input.columns()) {
            if (!row.containsKey(col.name())) {
                throw new InvalidRowException(col.name(), "row " + index + " lacks column '" + col.name() + "' (" + typeName(col)
                        + "); give null for a missing value", null);
            }
        }
    }

    private static Object value(Column c, Object v, int index) {
        if (v == null) {
            return null;
        }
        switch (c.type()) {
            case INT32:
            case INT64:
                if (v instanceof Number n) {
                    return integer(c, exact(c, n, index), v, index);
                }
                break;
            case FLOAT32:
            case FLOAT64:
                if (v instanceof Number n) {
                    return decimal(c, n.doubleValue(), v, index);
                }
                break;
            case BOOLEAN:
                if (v instanceof Boolean) {
                    return v;
                }
                break;
            case TEXT:
            case CATEGORICAL:
                if (v instanceof CharSequence) {
                    return v.toString();
                }
                break;
            case TIMESTAMP:
                if (v instanceof Instant) {
                    return v;
                }
                break;
            case TENSOR:
                if (v instanceof float[] f) {
                    return tensor(c, f, index);
                }
                break;
            default:
                break;
        }
        throw bad(c, index, "a " + v.getClass().getSimpleName() + " (" + shown(v) + ") is not a value of " + aType(c) + " column");
    }

    private static Object text(Column c, String text, boolean quoted, int index) {
        if (text == null || !quoted && CsvReader.DEFAULT_NULL_TOKENS.contains(text)) {
            return null;
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        try {
            switch (c.type()) {
                case INT32:
                case INT64:
                    return integer(c, BigDecimal.valueOf(TextValues.parseLong(b, 0, b.length)), text, index);
                case FLOAT32:
                    float f = TextValues.parseFloat(b, 0, b.length);
                    // as the CSV reader reads it (rounded once); an infinity says more as a double: overflow or not
                    return decimal(c, Float.isInfinite(f) ? TextValues.parseDouble(b, 0, b.length) : f, "'" + text + "'", index);
                case FLOAT64:
                    return decimal(c, TextValues.parseDouble(b, 0, b.length), "'" + text + "'", index);
                case BOOLEAN:
                    return TextValues.parseBoolean(b, 0, b.length);
                case TIMESTAMP:
                    return Instant.ofEpochMilli(TextValues.parseTimestamp(text));
                case TEXT:
                case CATEGORICAL:
                    return text;
                default:
                    throw bad(c, index, aType(c) + " column cannot be given as text");
            }
        } catch (InvalidRowException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw bad(c, index, "'" + shown(text) + "' is " + (e.getMessage() == null ? "not a value" : e.getMessage()) + " for "
                    + aType(c) + " column");
        }
    }

    /** A number as an exact decimal; non-finite values are refused. */
    private static BigDecimal exact(Column c, Number n, int index) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw bad(c, index, n + " is not a number of " + aType(c) + " column; give null for a missing value");
            }
            return new BigDecimal(d);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static Long integer(Column c, BigDecimal d, Object shown, int index) {
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            throw bad(c, index, shown + " is not a whole number, so it does not fit " + aType(c) + " column");
        }
        long min = c.type() == ColumnType.INT32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = c.type() == ColumnType.INT32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw bad(c, index, shown + " is outside the range of " + aType(c) + " column (" + min + " to " + max + ")");
        }
        return d.longValueExact();
    }

    private static Object decimal(Column c, double d, Object shown, int index) {
        if (Double.isNaN(d)) {
            throw bad(c, index, shown + " is not a number; give null for a missing value");
        }
        if (Double.isInfinite(d)) {
            throw bad(c, index, shown + " is not finite (or overflows float64); give a finite number or null");
        }
        if (c.type() == ColumnType.FLOAT32) {
            float f = (float) d;
            if (Float.isInfinite(f)) {
                throw bad(c, index, shown + " overflows a float32 column (largest magnitude " + Float.MAX_VALUE + ")");
            }
            return f;
        }
        return d;
    }

    private static float[] tensor(Column c, float[] f, int index) {
        if (f.length != c.width()) {
            throw bad(c, index, "the tensor has " + f.length + " values where the column's shape needs " + c.width());
        }
        for (int i = 0; i < f.length; i++) {
            if (!Float.isFinite(f[i])) {
                throw bad(c, index, "value " + i + " of the tensor is " + f[i] + "; every value must be a finite number");
            }
        }
        return f;
    }

    /** A value as a message shows it: at most 200 characters, a longer one cut with its length said. */
    static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
    }

    private static InvalidRowException bad(Column c, int index, String what) {
        return new InvalidRowException(c.name(), "row " + index + ", column '" + c.name() + "': " + what, null);
    }

    /** The column's type with its article: "an int32", "a float64". */
    private static String aType(Column c) {
        String t = typeName(c);
        return ("aeiou".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t;
    }

    private static String typeName(Column c) {
        return c.type().name().toLowerCase(Locale.ROOT);
    }
}

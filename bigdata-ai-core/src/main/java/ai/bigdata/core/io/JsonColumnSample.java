package ai.bigdata.core.io;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.internal.TypeGuesser;
import java.util.Locale;

/** The JSON kinds of one key's sampled values, and the type they make under the numeric-share rule. */
final class JsonColumnSample {
    private long present;
    private long int32s;
    private long int64s;
    private long decimals;
    private long booleans;
    private long strings;
    private long tensors;
    private int tensorWidth = -1;
    private long firstLine = -1;
    private String firstText;
    private String otherExample;

    /** Observes the value of this key on line {@code line} (null for a JSON null). */
    void observe(Object v, long line) {
        if (v == null) {
            return;
        }
        present++;
        if (firstLine < 0) {
            firstLine = line;
            firstText = v instanceof float[] ? "[array]" : String.valueOf(v);
        }
        if (v instanceof Integer) {
            int32s++;
        } else if (v instanceof Long) {
            int64s++;
        } else if (v instanceof Double) {
            decimals++;
        } else if (v instanceof Boolean) {
            booleans++;
        } else if (v instanceof float[]) {
            tensors++;
            if (tensorWidth < 0) {
                tensorWidth = ((float[]) v).length;
            }
        } else {
            strings++;
        }
        if (!(v instanceof Number) && otherExample == null) {
            otherExample = v instanceof float[] ? "[array]" : String.valueOf(v);
        }
    }

    private long numbers() {
        return int32s + int64s + decimals;
    }

    /** The inferred type. */
    ColumnType guess() {
        if (present == 0) {
            return ColumnType.TEXT;
        }
        if (TypeGuesser.numericByRule(numbers(), present)) {
            return decimals > 0 ? ColumnType.FLOAT64 : int64s > 0 ? ColumnType.INT64 : ColumnType.INT32;
        }
        if (booleans == present) {
            return ColumnType.BOOLEAN;
        }
        if (tensors == present) {
            return ColumnType.TENSOR;
        }
        return ColumnType.TEXT;
    }

    /** Why {@link #guess()} chose its type, in words. */
    String reason() {
        String sampled = String.format(Locale.ROOT, "%,d sampled values", present);
        ColumnType t = guess();
        if (present == 0) {
            return "no non-null value in the sample; text";
        }
        if (t.isNumeric()) {
            if (numbers() == present) {
                return "numeric, " + t.name().toLowerCase(Locale.ROOT) + ": all " + sampled + " are numbers";
            }
            return String.format(Locale.ROOT, "numeric, %s: %,d of %s are numbers; %,d bad (e.g. \"%s\"); at least"
                            + " %d%% and %d numbers make a column numeric, the others are bad values",
                    t.name().toLowerCase(Locale.ROOT), numbers(), sampled, present - numbers(), otherExample,
                    Math.round(TypeGuesser.NUMERIC_SHARE * 100), TypeGuesser.MIN_NUMERIC);
        }
        if (t == ColumnType.BOOLEAN) {
            return "boolean: all " + sampled + " are true/false";
        }
        if (t == ColumnType.TENSOR) {
            return "tensor: all " + sampled + " are arrays of numbers (width " + tensorWidth + " from line " + firstLine + ")";
        }
        return String.format(Locale.ROOT, "text: %s hold %,d strings, %,d numbers, %,d booleans, %,d arrays"
                + " (numbers and booleans are kept as their text)", sampled, strings, numbers(), booleans, tensors);
    }

    /** The width of the first sampled array, or -1 when none was an array. */
    int tensorWidth() {
        return tensorWidth;
    }

    /** The line of the first non-null sampled value, or -1. */
    long firstLine() {
        return firstLine;
    }

    /** The text of the first non-null sampled value, or null. */
    String firstText() {
        return firstText;
    }
}

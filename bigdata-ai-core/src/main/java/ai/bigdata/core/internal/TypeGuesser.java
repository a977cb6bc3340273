package ai.bigdata.core.internal;

import ai.bigdata.core.data.ColumnType;
import java.util.HashSet;
import java.util.Set;

/**
 * Infers a column's logical type from sample values: int32, then int64, then float, then boolean,
 * then timestamp; a text column with few distinct values becomes categorical.
 */
public final class TypeGuesser {
    /** At most this many distinct values make a text column categorical. */
    public static final int MAX_CATEGORIES = 50;

    private boolean int32 = true;
    private boolean int64 = true;
    private boolean decimal = true;
    private boolean bool = true;
    private boolean timestamp = true;
    private long present;
    private final Set<String> distinct = new HashSet<>();

    /** Observes one non-null value. */
    public void observe(byte[] b, int s, int e) {
        present++;
        if (int64) {
            try {
                long v = TextValues.parseLong(b, s, e);
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    int32 = false;
                }
            } catch (NumberFormatException ex) {
                int32 = false;
                int64 = false;
            }
        }
        if (decimal && !int64) {
            try {
                TextValues.parseDouble(b, s, e);
            } catch (NumberFormatException ex) {
                decimal = false;
            }
        }
        if (bool) {
            try {
                TextValues.parseBoolean(b, s, e);
            } catch (IllegalArgumentException ex) {
                bool = false;
            }
        }
        String text = null;
        if (timestamp) {
            text = safeText(b, s, e);
            try {
                if (text.length() < 10 || text.length() > 35) {
                    throw new IllegalArgumentException();
                }
                TextValues.parseTimestamp(text);
            } catch (IllegalArgumentException ex) {
                timestamp = false;
            }
        }
        if (distinct.size() <= MAX_CATEGORIES) {
            distinct.add(text != null ? text : safeText(b, s, e));
        }
    }

    private static String safeText(byte[] b, int s, int e) {
        try {
            return TextValues.utf8(b, s, e);
        } catch (IllegalArgumentException ex) {
            return new String(b, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    /** The inferred type; {@code decimals} is the type for non-integer numbers; labels never stay text. */
    public ColumnType guess(ColumnType decimals, boolean isLabel) {
        if (present == 0) {
            return ColumnType.TEXT;
        }
        if (int32) {
            return ColumnType.INT32;
        }
        if (int64) {
            return ColumnType.INT64;
        }
        if (decimal) {
            return decimals;
        }
        if (bool) {
            return ColumnType.BOOLEAN;
        }
        if (timestamp) {
            return ColumnType.TIMESTAMP;
        }
        boolean fewValues = distinct.size() <= MAX_CATEGORIES && distinct.size() * 2L <= present;
        return fewValues || isLabel ? ColumnType.CATEGORICAL : ColumnType.TEXT;
    }
}

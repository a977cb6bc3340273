package ai.bigdata.core.internal;

import ai.bigdata.core.data.ColumnType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Infers a column's logical type from sample values and says why. The rule: a column is numeric when
 * every non-null sampled value is a number, or when at least {@link #NUMERIC_SHARE} of them are and
 * at least {@link #MIN_NUMERIC} are (then the other values are bad tokens, which the reader refuses
 * or counts under its error policy). Numbers are int32 when all fit int32, int64 when all are
 * integers, else decimals. Otherwise a column whose every value is true/false is boolean, one whose
 * every value is an ISO-8601 date or date-time is a timestamp; a text column with few distinct values
 * becomes categorical.
 */
public final class TypeGuesser {
    /** At most this many distinct values make a text column categorical. */
    public static final int MAX_CATEGORIES = 50;
    /** The share of sampled values that must be numbers for a column with some bad tokens to be numeric. */
    public static final double NUMERIC_SHARE = 0.95;
    /** The fewest numbers a column with some bad tokens needs to be numeric. */
    public static final int MIN_NUMERIC = 20;
    private static final int BAD_EXAMPLES = 3;

    private long present;
    private long numbers;
    private long integers;
    private long int32s;
    private boolean bool = true;
    private boolean timestamp = true;
    private final Set<String> distinct = new HashSet<>();
    private final List<String> badExamples = new ArrayList<>();
    private ColumnType guessed;

    /** Observes one non-null value. */
    public void observe(byte[] b, int s, int e) {
        present++;
        boolean number = false;
        try {
            long v = TextValues.parseLong(b, s, e);
            number = true;
            integers++;
            if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                int32s++;
            }
        } catch (NumberFormatException ex) {
            try {
                TextValues.parseDouble(b, s, e);
                number = true;
            } catch (NumberFormatException notNumber) {
                // counted below
            }
        }
        String text = null;
        if (number) {
            numbers++;
        } else if (badExamples.size() < BAD_EXAMPLES) {
            text = safeText(b, s, e);
            if (!badExamples.contains(text)) {
                badExamples.add(text);
            }
        }
        if (bool) {
            try {
                TextValues.parseBoolean(b, s, e);
            } catch (IllegalArgumentException ex) {
                bool = false;
            }
        }
        if (timestamp) {
            text = text != null ? text : safeText(b, s, e);
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

    /** Whether sampled numbers outvote the other values under the rule above. */
    public static boolean numericByRule(long numbers, long present) {
        return present > 0 && (numbers == present || numbers >= MIN_NUMERIC && numbers >= NUMERIC_SHARE * present);
    }

    /** The inferred type; {@code decimals} is the type for non-integer numbers; labels never stay text. */
    public ColumnType guess(ColumnType decimals, boolean isLabel) {
        guessed = decide(decimals, isLabel);
        return guessed;
    }

    private ColumnType decide(ColumnType decimals, boolean isLabel) {
        if (present == 0) {
            return ColumnType.TEXT;
        }
        if (numericByRule(numbers, present)) {
            if (int32s == numbers) {
                return ColumnType.INT32;
            }
            return integers == numbers ? ColumnType.INT64 : decimals;
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

    /** Why {@link #guess} chose its type, in words (call after {@code guess}). */
    public String reason() {
        if (guessed == null) {
            throw new IllegalStateException("guess first");
        }
        if (present == 0) {
            return "no non-null value in the sample; text";
        }
        String sampled = count(present) + " sampled values";
        if (guessed.isNumeric()) {
            String kind = guessed == ColumnType.INT32 ? "int32" : guessed == ColumnType.INT64 ? "int64"
                    : "decimal (" + guessed.name().toLowerCase(Locale.ROOT) + ")";
            if (numbers == present) {
                return "numeric, " + kind + ": all " + sampled + " parse";
            }
            long bad = present - numbers;
            return "numeric, " + kind + ": " + count(numbers) + " of " + sampled + " parse; " + count(bad)
                    + (bad == 1 ? " bad token " : " bad tokens ") + quoted(badExamples)
                    + " (at least " + Math.round(NUMERIC_SHARE * 100) + "% and " + MIN_NUMERIC
                    + " numbers make a column numeric; the others are bad values)";
        }
        String notNumeric = numbers == 0 ? "no sampled value is a number"
                : "only " + count(numbers) + " of " + sampled + " are numbers, not e.g. " + examples(badExamples)
                        + " (numeric needs all, or at least " + Math.round(NUMERIC_SHARE * 100) + "% and " + MIN_NUMERIC + ")";
        switch (guessed) {
            case BOOLEAN:
                return "boolean: all " + sampled + " are true/false";
            case TIMESTAMP:
                return "timestamp: all " + sampled + " are ISO-8601 dates or date-times";
            case CATEGORICAL:
                return "categorical: " + notNumeric + "; " + (distinct.size() > MAX_CATEGORIES ? "more than " + MAX_CATEGORIES
                        : count(distinct.size())) + " distinct values in " + sampled;
            default:
                return "text: " + notNumeric + "; " + (distinct.size() > MAX_CATEGORIES ? "more than " + MAX_CATEGORIES
                        : count(distinct.size())) + " distinct values in " + sampled + " (categorical needs at most "
                        + MAX_CATEGORIES + " and at most half as many as values)";
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String quoted(List<String> examples) {
        return "(e.g. " + examples(examples) + ")";
    }

    /** The examples in quotes, comma-separated, each cut at 20 characters. */
    private static String examples(List<String> examples) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < examples.size(); i++) {
            String x = examples.get(i);
            sb.append(i > 0 ? ", " : "").append('"').append(x.length() > 20 ? x.substring(0, 20) + "..." : x).append('"');
        }
        return sb.toString();
    }
}

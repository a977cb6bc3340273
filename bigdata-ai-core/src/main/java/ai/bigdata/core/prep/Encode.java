package ai.bigdata.core.prep;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Encoders of categorical columns, as unfitted values. One-hot replaces a column by one float32 0/1
 * column per category ({@code column=category}, categories sorted by name as scikit-learn does);
 * {@link #maxCategories(int)} keeps the most frequent ones and sends the rest to an "other" bucket.
 * Ordinal replaces a column by the int32 index of its category in sorted order. They apply to the named
 * columns or, by default, every categorical feature column; missing values must be imputed first.
 */
public final class Encode implements StatisticsFit {
    private static final long serialVersionUID = 1L;

    /** The name of the bucket for capped and (with {@link Unknown#OTHER}) unknown categories. */
    public static final String OTHER = "<other>";

    private final boolean oneHot;
    private final List<String> columns;
    private final Unknown unknown;
    private final int maxCategories;

    private Encode(boolean oneHot, List<String> columns, Unknown unknown, int maxCategories) {
        this.oneHot = oneHot;
        this.columns = columns;
        this.unknown = unknown;
        this.maxCategories = maxCategories;
    }

    /** One-hot encoding. */
    public static Encode oneHot() {
        return new Encode(true, null, Unknown.ERROR, Integer.MAX_VALUE);
    }

    /** Ordinal (label) encoding. */
    public static Encode ordinal() {
        return new Encode(false, null, Unknown.ERROR, Integer.MAX_VALUE);
    }

    /** The hashing trick into {@code buckets} columns per listed column (needs no fitting). */
    public static Preprocessor hashing(int buckets, String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("name the columns to hash");
        }
        return new Hashing(List.of(columns), buckets);
    }

    /** Only these columns. */
    public Encode columns(String... names) {
        return new Encode(oneHot, List.of(names), unknown, maxCategories);
    }

    /** What to do with categories unseen at fit time (default {@link Unknown#ERROR}). */
    public Encode unknown(Unknown policy) {
        if (policy == Unknown.OTHER && !oneHot) {
            throw new IllegalArgumentException("ordinal encoding has no other bucket; use ERROR or IGNORE");
        }
        return new Encode(oneHot, columns, policy, maxCategories);
    }

    /** Keeps at most {@code k} most frequent categories per column; the rest go to the other bucket. */
    public Encode maxCategories(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("maxCategories must be at least 1, got " + k);
        }
        if (!oneHot) {
            throw new IllegalArgumentException("maxCategories applies to one-hot encoding");
        }
        return new Encode(oneHot, columns, unknown, k);
    }

    /** Fits the categories; the result tells them through {@link CategoryEncoding#categories(String)}. */
    @Override
    public CategoryEncoding fit(Dataset data) {
        String step = step();
        List<String> cols = chooseColumns(data.schema());
        Statistics.requireRows(data, step);
        Map<String, TreeMap<String, Long>> counts = Statistics.categories(data, cols);
        return finish(cols, counts::get);
    }

    /** {@inheritDoc} The state counts each category of each column, as {@link #fit} does. */
    @Override
    public PartialStatistics newState(Schema schema) {
        return PartialStatistics.of(chooseColumns(schema), null);
    }

    @Override
    public PartialStatistics accumulate(PartialStatistics state, Dataset part) {
        state.addCounts(Statistics.categories(part, state.columns()), part.rowCount());
        return state;
    }

    /** {@inheritDoc} Exact: the categories (and, with a cap, their counts) are those of a local fit. */
    @Override
    public CategoryEncoding finish(PartialStatistics state) {
        state.requireRows(step());
        return finish(state.columns(), state::counts);
    }

    private String step() {
        return oneHot ? "one-hot encoding" : "ordinal encoding";
    }

    private List<String> chooseColumns(Schema schema) {
        return Statistics.choose(schema, columns, t -> t == ColumnType.CATEGORICAL, "categorical", step());
    }

    /** The encoder of {@code cols} whose category counts (sorted by category) {@code counts} gives. */
    private CategoryEncoding finish(List<String> cols, Function<String, TreeMap<String, Long>> counts) {
        List<List<String>> categories = new ArrayList<>();
        boolean capped = false;
        for (String c : cols) {
            TreeMap<String, Long> m = counts.apply(c);
            List<String> kept = new ArrayList<>(m.keySet());
            if (kept.size() > maxCategories) {
                kept.sort(Comparator.comparing((String k) -> -m.get(k)).thenComparing(k -> k));
                kept = new ArrayList<>(kept.subList(0, maxCategories));
                kept.sort(Comparator.naturalOrder());
                capped = true;
            }
            categories.add(kept);
        }
        if (!oneHot) {
            return new OrdinalTransform(cols, categories, unknown);
        }
        return new OneHotTransform(cols, categories, capped && unknown == Unknown.ERROR ? Unknown.OTHER : unknown,
                capped || unknown == Unknown.OTHER);
    }

    @Override
    public String toString() {
        return (oneHot ? "one-hot" : "ordinal") + " encoder" + (columns == null ? "" : " of " + columns);
    }

    /** The hashing trick as a step: its transform depends on the schema alone, so it fits from parts of the data too. */
    private record Hashing(List<String> columns, int buckets) implements SchemaOnlyFit {
        @Override
        public Transform fitSchema(Schema schema) {
            HashingTransform t = new HashingTransform(columns, buckets);
            t.outputSchema(schema);
            return t;
        }

        @Override
        public String toString() {
            return "hashing of " + columns + " into " + buckets + " buckets";
        }
    }
}

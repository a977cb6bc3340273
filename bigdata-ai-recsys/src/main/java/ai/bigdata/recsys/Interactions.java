package ai.bigdata.recsys;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.ColumnWriter;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An immutable, heap-resident list of (user, item, rating, timestamp) interactions with the original
 * (external) ids, in a fixed order. Recommenders fit on it and splitters cut it. Build it from a core
 * {@link Dataset} (the columns with roles {@link ColumnRole#USER}, {@link ColumnRole#ITEM},
 * {@link ColumnRole#TIME} and a rating column) with an explicit {@link DuplicatePolicy}, or from arrays.
 * Every rating is finite; an (user, item) pair occurs at most once.
 */
public final class Interactions {
    /** The column names of {@link #toDataset()} and of {@link GroupLensReader}'s datasets. */
    public static final String USER = "user";
    /** The item column name. */
    public static final String ITEM = "item";
    /** The rating (or weight) column name. */
    public static final String RATING = "rating";
    /** The timestamp column name (seconds since the epoch, as GroupLens writes it). */
    public static final String TIMESTAMP = "timestamp";

    /** The schema of an interactions dataset: user, item (int64 ids), rating (float32), timestamp (int64 seconds). */
    public static final Schema SCHEMA = Schema.of(Column.of(USER, ColumnType.INT64, ColumnRole.USER),
            Column.of(ITEM, ColumnType.INT64, ColumnRole.ITEM), Column.of(RATING, ColumnType.FLOAT32, ColumnRole.LABEL),
            Column.of(TIMESTAMP, ColumnType.INT64, ColumnRole.TIME));

    private final long[] users;
    private final long[] items;
    private final float[] ratings;
    private final long[] times;

    private Interactions(long[] users, long[] items, float[] ratings, long[] times) {
        this.users = users;
        this.items = items;
        this.ratings = ratings;
        this.times = times;
    }

    /**
     * Interactions from parallel arrays (copied). Fails on arrays of different lengths, a non-finite rating
     * (naming its row) or a duplicate (user, item) pair under {@link DuplicatePolicy#ERROR}; the other
     * policies merge duplicates as documented there.
     */
    public static Interactions of(long[] users, long[] items, float[] ratings, long[] times, DuplicatePolicy duplicates) {
        int n = users.length;
        if (items.length != n || ratings.length != n || times.length != n) {
            throw new IllegalArgumentException("arrays of different lengths: users " + n + ", items " + items.length
                    + ", ratings " + ratings.length + ", times " + times.length);
        }
        for (int r = 0; r < n; r++) {
            if (!Float.isFinite(ratings[r])) {
                throw new IllegalArgumentException("row " + r + " (user " + users[r] + ", item " + items[r]
                        + "): rating " + ratings[r] + " is not finite");
            }
        }
        return merge(users.clone(), items.clone(), ratings.clone(), times.clone(), duplicates);
    }

    /** Interactions with ratings all 1 and times all 0: implicit feedback pairs. */
    public static Interactions pairs(long[] users, long[] items, DuplicatePolicy duplicates) {
        float[] ones = new float[users.length];
        Arrays.fill(ones, 1f);
        return of(users, items, ones, new long[users.length], duplicates);
    }

    /**
     * Interactions from a dataset with a {@link ColumnRole#USER} column, an {@link ColumnRole#ITEM} column,
     * a rating column (role {@link ColumnRole#LABEL} or {@link ColumnRole#WEIGHT}; all 1 when there is none)
     * and an optional {@link ColumnRole#TIME} column (0 when absent). Null or non-finite cells fail naming the row.
     */
    public static Interactions from(Dataset data, DuplicatePolicy duplicates) {
        Schema s = data.schema();
        String user = s.withRole(ColumnRole.USER).orElseThrow(() -> new IllegalArgumentException(
                "no column with role USER in " + s)).name();
        String item = s.withRole(ColumnRole.ITEM).orElseThrow(() -> new IllegalArgumentException(
                "no column with role ITEM in " + s)).name();
        String rating = s.withRole(ColumnRole.LABEL).or(() -> s.withRole(ColumnRole.WEIGHT)).map(Column::name).orElse(null);
        String time = s.withRole(ColumnRole.TIME).map(Column::name).orElse(null);
        long rows = data.rowCount();
        if (rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many interactions for the heap form: " + rows);
        }
        int n = (int) rows;
        long[] us = new long[n];
        long[] is = new long[n];
        float[] rs = new float[n];
        long[] ts = new long[n];
        int[] row = {0};
        data.forEachRow(r -> {
            int i = row[0]++;
            for (String c : new String[] {user, item, rating}) {
                if (c != null && r.isNull(c)) {
                    throw new IllegalArgumentException("row " + i + ", column " + c + ": value is missing (null)");
                }
            }
            us[i] = id(r.get(user), user, i);
            is[i] = id(r.get(item), item, i);
            double v = rating == null ? 1.0 : r.getDouble(rating);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("row " + i + ", column " + rating + ": rating " + v + " is not finite");
            }
            rs[i] = (float) v;
            ts[i] = time == null || r.isNull(time) ? 0L : (long) r.getDouble(time);
        });
        return merge(us, is, rs, ts, duplicates);
    }

    /** An id cell: an integer column's value exactly, a floating-point or text value only when it is a whole number. */
    private static long id(Object cell, String column, int row) {
        if (cell instanceof Long || cell instanceof Integer) {
            return ((Number) cell).longValue();
        }
        double v;
        try {
            v = cell instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(cell).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("row " + row + ", column " + column + ": id '" + cell + "' is not an integer");
        }
        if (!Double.isFinite(v) || v != Math.rint(v) || Math.abs(v) > (1L << 53)) {
            throw new IllegalArgumentException("row " + row + ", column " + column + ": id " + v + " is not an integer");
        }
        return (long) v;
    }

    private static Interactions merge(long[] us, long[] is, float[] rs, long[] ts, DuplicatePolicy policy) {
        if (!hasDuplicates(us, is)) {
            return new Interactions(us, is, rs, ts);
        }
        int n = us.length;
        Map<Key, Integer> first = new HashMap<>(Math.max(16, n * 2));
        int[] target = new int[n];
        boolean any = false;
        for (int r = 0; r < n; r++) {
            Integer prev = first.putIfAbsent(new Key(us[r], is[r]), r);
            if (prev == null) {
                target[r] = r;
                continue;
            }
            any = true;
            if (policy == DuplicatePolicy.ERROR) {
                throw new DuplicateInteractionException(us[r], is[r], prev, r);
            }
            target[r] = prev;
            if (policy == DuplicatePolicy.SUM) {
                rs[prev] += rs[r];
                ts[prev] = Math.max(ts[prev], ts[r]);
            } else {
                rs[prev] = rs[r];
                ts[prev] = ts[r];
            }
        }
        if (!any) {
            return new Interactions(us, is, rs, ts);
        }
        int kept = first.size();
        long[] u2 = new long[kept];
        long[] i2 = new long[kept];
        float[] r2 = new float[kept];
        long[] t2 = new long[kept];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (target[r] == r) {
                u2[k] = us[r];
                i2[k] = is[r];
                r2[k] = rs[r];
                t2[k] = ts[r];
                k++;
            }
        }
        return new Interactions(u2, i2, r2, t2);
    }

    private record Key(long user, long item) {
    }

    /**
     * Whether some (user, item) pair occurs twice: dense indices packed into one long per row, sorted, neighbours
     * compared. Primitive arrays only, so 20 million rows take seconds and a few hundred MB, not a hash map of
     * boxed keys; only data with duplicates goes on to {@link #merge}'s map, which resolves them in row order.
     */
    private static boolean hasDuplicates(long[] us, long[] is) {
        long[] userIds = IdIndex.sortedDistinct(us);
        long[] itemIds = IdIndex.sortedDistinct(is);
        long[] keys = new long[us.length];
        for (int r = 0; r < keys.length; r++) {
            keys[r] = ((long) Arrays.binarySearch(userIds, us[r]) << 32) | Arrays.binarySearch(itemIds, is[r]);
        }
        Arrays.parallelSort(keys);
        for (int r = 1; r < keys.length; r++) {
            if (keys[r] == keys[r - 1]) {
                return true;
            }
        }
        return false;
    }

    /** The number of interactions. */
    public int size() {
        return users.length;
    }

    /** The user id of interaction {@code row}. */
    public long user(int row) {
        return users[row];
    }

    /** The item id of interaction {@code row}. */
    public long item(int row) {
        return items[row];
    }

    /** The rating (or weight) of interaction {@code row}. */
    public float rating(int row) {
        return ratings[row];
    }

    /** The timestamp of interaction {@code row}. */
    public long time(int row) {
        return times[row];
    }

    /** The interactions at the given rows, in that order (no duplicates can arise from distinct rows). */
    public Interactions rows(int[] rows) {
        long[] u = new long[rows.length];
        long[] i = new long[rows.length];
        float[] r = new float[rows.length];
        long[] t = new long[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int row = rows[k];
            u[k] = users[row];
            i[k] = items[row];
            r[k] = ratings[row];
            t[k] = times[row];
        }
        return new Interactions(u, i, r, t);
    }

    /** The interactions whose rating is at least {@code threshold} (for example the positives of an implicit protocol). */
    public Interactions atLeast(double threshold) {
        return rows(java.util.stream.IntStream.range(0, size()).filter(r -> ratings[r] >= threshold).toArray());
    }

    /** The distinct user ids, ascending. */
    public long[] distinctUsers() {
        return IdIndex.sortedDistinct(users);
    }

    /** The distinct item ids, ascending. */
    public long[] distinctItems() {
        return IdIndex.sortedDistinct(items);
    }

    /** A new in-memory dataset with the columns of {@link #SCHEMA}; the caller closes it. */
    public Dataset toDataset() {
        try (DatasetWriter w = Dataset.writer(SCHEMA)) {
            ColumnWriter cu = w.column(USER);
            ColumnWriter ci = w.column(ITEM);
            ColumnWriter cr = w.column(RATING);
            ColumnWriter ct = w.column(TIMESTAMP);
            for (int r = 0; r < size(); r++) {
                cu.appendLong(users[r]);
                ci.appendLong(items[r]);
                cr.appendFloat(ratings[r]);
                ct.appendLong(times[r]);
                w.endRow();
            }
            return w.build();
        }
    }

    @Override
    public String toString() {
        return "Interactions[" + size() + " rows, " + distinctUsers().length + " users, " + distinctItems().length + " items]";
    }
}

package ai.bigdata.benchmarks.recsys;

import ai.bigdata.core.data.ColumnWriter;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.recsys.Interactions;
import java.util.Random;

/**
 * A seeded generator of MovieLens-shaped ratings, written as a core dataset with {@link Interactions#SCHEMA}
 * (user, item, rating, timestamp). Users' activity is log-normal (sigma 1) above a floor of 20 ratings (as
 * MovieLens keeps only users with at least 20), each user's items are drawn without replacement from a Zipf
 * popularity law over the catalogue (exponent {@code zipf}; item id 1 is the most popular), and ratings are
 * half stars from 0.5 to 5 around a user and an item bias plus noise. Rows go straight into Arrow memory
 * through {@link Dataset#writer} and its typed {@link ColumnWriter} appends: no per-row objects, no boxing
 * (the row-of-objects {@code Dataset.builder} would allocate a map and four boxed values per row).
 */
public final class SyntheticRatings {
    /** Users of MovieLens 20M (rounded). */
    public static final int USERS_20M = 138_000;
    /** Items of MovieLens 20M (rounded). */
    public static final int ITEMS_20M = 27_000;
    /** Ratings of MovieLens 20M (rounded). */
    public static final long RATINGS_20M = 20_000_000L;

    private final int users;
    private final int items;
    private final long ratings;
    private final double zipf;
    private final long seed;

    /**
     * A generator of {@code ratings} ratings by {@code users} users of {@code items} items.
     *
     * @throws IllegalArgumentException when a count is not positive, when the ratings do not fit between one
     *     per user and half the catalogue per user, or when {@code zipf} is not positive and finite
     */
    public SyntheticRatings(int users, int items, long ratings, double zipf, long seed) {
        if (users < 1 || items < 2) {
            throw new IllegalArgumentException("need at least 1 user and 2 items, got " + users + " users, " + items + " items");
        }
        if (ratings < users || ratings > (long) users * (items / 2) || ratings > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(ratings + " ratings do not fit " + users + " users of " + items
                    + " items (at least one per user, at most half the catalogue per user, below 2^31)");
        }
        if (!(zipf > 0) || Double.isInfinite(zipf)) {
            throw new IllegalArgumentException("zipf exponent must be positive and finite, got " + zipf);
        }
        this.users = users;
        this.items = items;
        this.ratings = ratings;
        this.zipf = zipf;
        this.seed = seed;
    }

    /** The MovieLens-20M shape (138,000 users, 27,000 items, 20 million ratings) times {@code scale} in users and ratings. */
    public static SyntheticRatings movieLens20mShape(double scale, long seed) {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("scale must be in (0, 1], got " + scale);
        }
        return new SyntheticRatings((int) Math.max(1, Math.round(USERS_20M * scale)), ITEMS_20M,
                Math.max(1, Math.round(RATINGS_20M * scale)), 1.0, seed);
    }

    /** Writes the ratings as a new in-memory dataset (the caller closes it); same settings and seed, same rows. */
    public Dataset write() {
        Random rnd = new Random(seed);
        int[] counts = counts(rnd);
        double[] cdf = new double[items];
        double sum = 0;
        for (int i = 0; i < items; i++) {
            sum += Math.pow(i + 1, -zipf);
            cdf[i] = sum;
        }
        float[] itemBias = new float[items];
        for (int i = 0; i < items; i++) {
            itemBias[i] = (float) (rnd.nextGaussian() * 0.4);
        }
        int[] stamp = new int[items];
        try (DatasetWriter w = Dataset.writer(Interactions.SCHEMA)) {
            ColumnWriter cu = w.column(Interactions.USER);
            ColumnWriter ci = w.column(Interactions.ITEM);
            ColumnWriter cr = w.column(Interactions.RATING);
            ColumnWriter ct = w.column(Interactions.TIMESTAMP);
            long time = 1_000_000_000L;
            for (int u = 0; u < users; u++) {
                double userBias = rnd.nextGaussian() * 0.4;
                for (int n = 0; n < counts[u]; ) {
                    int i = java.util.Arrays.binarySearch(cdf, rnd.nextDouble() * sum);
                    i = i >= 0 ? i : Math.min(items - 1, -i - 1);
                    if (stamp[i] == u + 1) {
                        continue;
                    }
                    stamp[i] = u + 1;
                    n++;
                    double r = 3.5 + userBias + itemBias[i] + rnd.nextGaussian() * 0.8;
                    cu.appendLong(u + 1);
                    ci.appendLong(i + 1);
                    cr.appendFloat((float) (Math.max(1, Math.min(10, Math.round(r * 2))) / 2.0));
                    ct.appendLong(time++);
                    w.endRow();
                }
            }
            return w.build();
        }
    }

    /** Ratings per user: a floor of min(20, average) plus a log-normal share of the rest, capped at half the catalogue. */
    private int[] counts(Random rnd) {
        int floor = (int) Math.min(20, ratings / users);
        int cap = items / 2;
        double[] weight = new double[users];
        double total = 0;
        for (int u = 0; u < users; u++) {
            weight[u] = Math.exp(rnd.nextGaussian());
            total += weight[u];
        }
        long extra = ratings - (long) floor * users;
        int[] counts = new int[users];
        long given = 0;
        for (int u = 0; u < users; u++) {
            counts[u] = (int) Math.min(cap, floor + (long) Math.floor(extra * weight[u] / total));
            given += counts[u];
        }
        // the rounding remainder and anything cut by the cap: one more rating each to users below the cap
        for (int u = 0; given < ratings; u = (u + 1) % users) {
            if (counts[u] < cap) {
                counts[u]++;
                given++;
            }
        }
        return counts;
    }
}

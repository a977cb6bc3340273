package ai.bigdata.recsys;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.stream.IntStream;

/**
 * Item-based k-nearest neighbours on binary positives: the similarity of items i and j is
 * {@code c(i, j) / (sqrt(n_i * n_j) + shrinkage)}, with c the number of users who have both as positives and n the
 * item's positive count (cosine, shrunk towards 0 for pairs with little support). Each item keeps its
 * {@code neighbours} most similar items; a user's score for item i is the sum of sim(j, i) over the user's positive
 * items j that have i among their neighbours.
 */
public final class ItemKnn extends IndexedRecommender {
    static final String KIND = "item-knn";
    private final int neighbours;
    private final double shrinkage;
    private final double threshold;
    private final int[] start;
    private final int[] items;
    private final float[] sims;

    private ItemKnn(TrainingIndex index, int neighbours, double shrinkage, double threshold, int[] start, int[] items, float[] sims) {
        super(index);
        this.neighbours = neighbours;
        this.shrinkage = shrinkage;
        this.threshold = threshold;
        this.start = start;
        this.items = items;
        this.sims = sims;
    }

    /**
     * A builder with 100 neighbours, shrinkage 10, every interaction positive (chosen on a validation part of the
     * MovieLens latest-small training data, see the README).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of an item-kNN fit; each is checked when set. */
    public static final class Builder {
        private int neighbours = 100;
        private double shrinkage = 10;
        private double threshold = Double.NEGATIVE_INFINITY;

        private Builder() {
        }

        /** Neighbours kept per item (at least 1). */
        public Builder neighbours(int k) {
            this.neighbours = Arguments.atLeastOne("neighbours", k);
            return this;
        }

        /** The shrinkage added to the cosine's denominator (0 or more, finite). */
        public Builder shrinkage(double s) {
            if (!(s >= 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("shrinkage must be finite and at least 0, got " + s);
            }
            this.shrinkage = s;
            return this;
        }

        /** Interactions with rating at least this are positives; the others only count as seen. */
        public Builder positiveThreshold(double t) {
            this.threshold = Arguments.threshold(t);
            return this;
        }

        /** Fits on {@code train}. */
        public ItemKnn fit(Interactions train) {
            return ItemKnn.fit(TrainingIndex.of(train), neighbours, shrinkage, threshold);
        }
    }

    private static ItemKnn fit(TrainingIndex x, int k, double shrinkage, double threshold) {
        int ni = x.items.size();
        float[] count = new float[ni];
        for (int i = 0; i < ni; i++) {
            for (int m = x.itemStart[i]; m < x.itemStart[i + 1]; m++) {
                count[i] += x.itemRatings[m] >= threshold ? 1 : 0;
            }
        }
        int keep = Math.min(k, Math.max(1, ni - 1));
        int[][] nbr = new int[ni][];
        float[][] sim = new float[ni][];
        IntStream.range(0, ni).parallel().forEach(i -> {
            float[] s = new float[ni];
            if (count[i] > 0) {
                for (int m = x.itemStart[i]; m < x.itemStart[i + 1]; m++) {
                    if (x.itemRatings[m] < threshold) {
                        continue;
                    }
                    int u = x.itemUsers[m];
                    for (int q = x.userStart[u]; q < x.userStart[u + 1]; q++) {
                        if (x.userRatings[q] >= threshold) {
                            s[x.userItems[q]]++;
                        }
                    }
                }
                for (int j = 0; j < ni; j++) {
                    s[j] = s[j] == 0 ? 0f : (float) (s[j] / (Math.sqrt((double) count[i] * count[j]) + shrinkage));
                }
            }
            int[] picked = TopK.select(s, keep, new int[] {i}, 0, 1);
            int n = 0;
            while (n < picked.length && s[picked[n]] > 0) {
                n++;
            }
            nbr[i] = java.util.Arrays.copyOf(picked, n);
            sim[i] = new float[n];
            for (int q = 0; q < n; q++) {
                sim[i][q] = s[picked[q]];
            }
        });
        int[] st = new int[ni + 1];
        for (int i = 0; i < ni; i++) {
            st[i + 1] = st[i] + nbr[i].length;
        }
        int[] its = new int[st[ni]];
        float[] ss = new float[st[ni]];
        for (int i = 0; i < ni; i++) {
            System.arraycopy(nbr[i], 0, its, st[i], nbr[i].length);
            System.arraycopy(sim[i], 0, ss, st[i], sim[i].length);
        }
        return new ItemKnn(x, k, shrinkage, threshold, st, its, ss);
    }

    @Override
    public String name() {
        return "item-kNN (" + neighbours + " neighbours, shrinkage " + shrinkage
                + ImplicitBuilder.positives(threshold) + ")";
    }

    @Override
    void scoreRow(int u, float[] out) {
        java.util.Arrays.fill(out, 0f);
        for (int q = index.userStart[u]; q < index.userStart[u + 1]; q++) {
            if (index.userRatings[q] < threshold) {
                continue;
            }
            int j = index.userItems[q];
            for (int m = start[j]; m < start[j + 1]; m++) {
                out[items[m]] += sims[m];
            }
        }
    }

    @Override
    double scoreIndex(int u, int i) {
        double s = 0;
        for (int q = index.userStart[u]; q < index.userStart[u + 1]; q++) {
            if (index.userRatings[q] < threshold) {
                continue;
            }
            int j = index.userItems[q];
            for (int m = start[j]; m < start[j + 1]; m++) {
                if (items[m] == i) {
                    s += sims[m];
                }
            }
        }
        return (float) s;
    }

    @Override
    double fallbackScore(int u, int i) {
        return i >= 0 ? popularity[i] : 0.0;
    }

    @Override
    void similarities(int item, float[] out) {
        java.util.Arrays.fill(out, 0f);
        for (int m = start[item]; m < start[item + 1]; m++) {
            out[items[m]] = sims[m];
        }
    }

    @Override
    String kind() {
        return KIND;
    }

    @Override
    void writeState(DataOutputStream out) throws IOException {
        out.writeInt(neighbours);
        out.writeDouble(shrinkage);
        out.writeDouble(threshold);
        Codec.writeInts(out, start);
        Codec.writeInts(out, items);
        Codec.writeFloats(out, sims);
    }

    static ItemKnn read(TrainingIndex index, DataInputStream in) throws IOException {
        int k = in.readInt();
        double shrink = in.readDouble();
        double t = in.readDouble();
        int[] st = Codec.readInts(in);
        int[] its = Codec.readInts(in);
        float[] ss = Codec.readFloats(in);
        int ni = index.items.size();
        boolean ok = k >= 1 && shrink >= 0 && !Double.isNaN(t) && st.length == ni + 1 && st[0] == 0 && st[ni] == its.length
                && ss.length == its.length;
        for (int i = 0; ok && i < ni; i++) {
            ok = st[i + 1] >= st[i];
        }
        for (int m = 0; ok && m < its.length; m++) {
            ok = its[m] >= 0 && its[m] < ni;
        }
        if (!ok) {
            throw new IOException("item-kNN state does not match its training index");
        }
        return new ItemKnn(index, k, shrink, t, st, its, ss);
    }
}

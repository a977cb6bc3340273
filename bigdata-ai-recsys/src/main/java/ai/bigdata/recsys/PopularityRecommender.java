package ai.bigdata.recsys;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Recommends the most popular items: an item's score is its number of training interactions with rating at
 * least a threshold (every interaction by default), the same for every user. Similar items are by cosine of
 * co-occurrence (users who interacted with both, over the square root of the product of their counts).
 */
public final class PopularityRecommender extends IndexedRecommender {
    static final String KIND = "popularity";
    private final double threshold;
    private final float[] counts;

    private PopularityRecommender(TrainingIndex index, double threshold) {
        super(index);
        this.threshold = threshold;
        this.counts = new float[index.items.size()];
        for (int i = 0; i < counts.length; i++) {
            for (int k = index.itemStart[i]; k < index.itemStart[i + 1]; k++) {
                if (index.itemRatings[k] >= threshold) {
                    counts[i]++;
                }
            }
        }
    }

    /** Popularity by count of all training interactions. */
    public static PopularityRecommender fit(Interactions train) {
        return fit(train, Double.NEGATIVE_INFINITY);
    }

    /** Popularity by count of training interactions with rating at least {@code threshold} (e.g. 4 for "liked"). */
    public static PopularityRecommender fit(Interactions train, double threshold) {
        Arguments.threshold(threshold);
        return new PopularityRecommender(TrainingIndex.of(train), threshold);
    }

    @Override
    public String name() {
        return threshold == Double.NEGATIVE_INFINITY ? "popularity" : "popularity (ratings >= " + threshold + ")";
    }

    @Override
    double scoreIndex(int u, int i) {
        return counts[i];
    }

    @Override
    void scoreRow(int u, float[] out) {
        System.arraycopy(counts, 0, out, 0, counts.length);
    }

    @Override
    double fallbackScore(int u, int i) {
        return i >= 0 ? counts[i] : 0.0;
    }

    @Override
    void similarities(int item, float[] out) {
        float[] co = new float[out.length];
        for (int k = index.itemStart[item]; k < index.itemStart[item + 1]; k++) {
            int u = index.itemUsers[k];
            for (int m = index.userStart[u]; m < index.userStart[u + 1]; m++) {
                co[index.userItems[m]]++;
            }
        }
        double a = index.itemCount(item);
        for (int j = 0; j < out.length; j++) {
            out[j] = co[j] == 0 ? 0f : (float) (co[j] / Math.sqrt(a * index.itemCount(j)));
        }
    }

    @Override
    String kind() {
        return KIND;
    }

    @Override
    void writeState(DataOutputStream out) throws IOException {
        out.writeDouble(threshold);
    }

    static PopularityRecommender read(TrainingIndex index, DataInputStream in) throws IOException {
        double t = in.readDouble();
        if (Double.isNaN(t)) {
            throw new IOException("threshold is NaN");
        }
        return new PopularityRecommender(index, t);
    }
}

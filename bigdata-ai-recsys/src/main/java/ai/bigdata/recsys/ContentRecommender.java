package ai.bigdata.recsys;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * A content-based recommender: each user's profile is the sum of the feature vectors ({@link ItemFeatures})
 * of the items they rated in training, weighted by the rating minus the user's mean rating (so items rated
 * below the user's mean count against their features; a user whose ratings are all equal gets the plain
 * sum), and an item's score is the cosine of the profile and the item's vector. The catalogue is every
 * item with training interactions or features, so items nobody has rated yet (cold-start items) are
 * recommended on their content alone. Item similarity is the cosine of feature vectors. Unknown users fall
 * back to popularity.
 */
public final class ContentRecommender extends IndexedRecommender {
    static final String KIND = "content";
    private final ItemFeatures features;
    /** Each user's mean training rating. */
    private final float[] userMean;

    private ContentRecommender(TrainingIndex index, ItemFeatures features, float[] userMean) {
        super(index);
        this.features = features;
        this.userMean = userMean;
    }

    /**
     * Fits on {@code train} with these item features; the catalogue is the training items and every item with
     * features.
     *
     * @throws IllegalArgumentException when there are no training interactions
     */
    public static ContentRecommender fit(Interactions train, ItemFeatures features) {
        Objects.requireNonNull(features, "features");
        TrainingIndex index = TrainingIndex.of(train, features.itemIds());
        float[] mean = new float[index.users.size()];
        for (int u = 0; u < mean.length; u++) {
            double s = 0;
            for (int k = index.userStart[u]; k < index.userStart[u + 1]; k++) {
                s += index.userRatings[k];
            }
            mean[u] = (float) (s / Math.max(1, index.userCount(u)));
        }
        return new ContentRecommender(index, features, mean);
    }

    /** The features this model scores with. */
    public ItemFeatures features() {
        return features;
    }

    /** User index {@code u}'s profile, unit length (all zero when the user's items have no features). */
    float[] profile(int u) {
        float[] p = new float[features.dimension()];
        boolean centred = false;
        for (int k = index.userStart[u]; k < index.userStart[u + 1]; k++) {
            centred |= index.userRatings[k] != userMean[u];
        }
        for (int k = index.userStart[u]; k < index.userStart[u + 1]; k++) {
            double w = centred ? index.userRatings[k] - userMean[u] : 1;
            features.addTo(index.items.id(index.userItems[k]), w, p);
        }
        double norm = 0;
        for (float v : p) {
            norm += (double) v * v;
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < p.length; j++) {
                p[j] *= inv;
            }
        }
        return p;
    }

    @Override
    double scoreIndex(int u, int i) {
        return features.dot(index.items.id(i), profile(u));
    }

    @Override
    void scoreRow(int u, float[] out) {
        float[] p = profile(u);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) features.dot(index.items.id(i), p);
        }
    }

    @Override
    double fallbackScore(int u, int i) {
        return i >= 0 ? popularity[i] : 0;
    }

    @Override
    void similarities(int item, float[] out) {
        float[] x = new float[features.dimension()];
        features.addTo(index.items.id(item), 1, x);
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) features.dot(index.items.id(j), x);
        }
    }

    @Override
    String kind() {
        return KIND;
    }

    @Override
    void writeState(DataOutputStream out) throws IOException {
        features.write(out);
        Codec.writeFloats(out, userMean);
    }

    static ContentRecommender read(TrainingIndex index, DataInputStream in) throws IOException {
        ItemFeatures f = ItemFeatures.read(in);
        float[] mean = Codec.readFloats(in);
        if (mean.length != index.users.size()) {
            throw new IOException("content model has " + mean.length + " user means for " + index.users.size() + " users");
        }
        return new ContentRecommender(index, f, mean);
    }

    @Override
    public String name() {
        return "content (TF-IDF item features, rating-centred user profiles)";
    }
}

package ai.bigdata.recsys;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * A hybrid of a collaborative recommender and a {@link ContentRecommender} fitted on the same training
 * interactions. For each user both score rows are standardised over the items each model knows (mean 0,
 * standard deviation 1), and an item's score is {@code weight * collaborative + (1 - weight) * content}; for
 * an item the collaborative model has never seen (a cold-start item) the content score stands in for the
 * missing collaborative one, so new items compete with the others on their content alone. Item similarity
 * mixes the two models' similarities the same way. The catalogue is the content model's (training items and
 * items with features).
 */
public final class HybridRecommender extends IndexedRecommender {
    static final String KIND = "hybrid";
    private final IndexedRecommender collaborative;
    private final ContentRecommender content;
    private final double weight;
    /** For each item index of this model, the collaborative model's item index, or -1. */
    private final int[] collaborativeItem;
    /** For each user index of this model, the collaborative model's user index, or -1. */
    private final int[] collaborativeUser;

    private HybridRecommender(IndexedRecommender collaborative, ContentRecommender content, double weight) {
        super(content.index);
        this.collaborative = collaborative;
        this.content = content;
        this.weight = weight;
        collaborativeItem = new int[index.items.size()];
        for (int i = 0; i < collaborativeItem.length; i++) {
            collaborativeItem[i] = collaborative.index.items.index(index.items.id(i));
        }
        collaborativeUser = new int[index.users.size()];
        for (int u = 0; u < collaborativeUser.length; u++) {
            collaborativeUser[u] = collaborative.index.users.index(index.users.id(u));
        }
    }

    /**
     * Mixes {@code collaborative} (a recommender of this module: ALS, BPR, item-kNN, popularity) and
     * {@code content}, both fitted on the same training interactions, with the collaborative share
     * {@code weight} in [0, 1].
     *
     * @throws IllegalArgumentException when the weight is outside [0, 1], the collaborative model is not one of
     *     this module's, or the two were fitted on different users
     */
    public static HybridRecommender of(Recommender collaborative, ContentRecommender content, double weight) {
        Objects.requireNonNull(collaborative, "collaborative");
        Objects.requireNonNull(content, "content");
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in [0, 1], got " + weight);
        }
        if (!(collaborative instanceof IndexedRecommender c) || collaborative instanceof HybridRecommender) {
            throw new IllegalArgumentException("the collaborative part must be a single model of this module, not "
                    + collaborative.getClass().getName());
        }
        if (!java.util.Arrays.equals(c.index.users.ids(), content.index.users.ids())) {
            throw new IllegalArgumentException("the two models were fitted on different users (" + c.index.users.size() + " and "
                    + content.index.users.size() + "); fit both on the same training interactions");
        }
        return new HybridRecommender(c, content, weight);
    }

    @Override
    double scoreIndex(int u, int i) {
        float[] row = new float[index.items.size()];
        scoreRow(u, row);
        return row[i];
    }

    @Override
    void scoreRow(int u, float[] out) {
        content.scoreRow(u, out);
        standardise(out);
        int cu = collaborativeUser[u];
        if (cu < 0 || weight == 0) {
            return;
        }
        float[] collab = new float[collaborative.index.items.size()];
        collaborative.scoreRow(cu, collab);
        standardise(collab);
        for (int i = 0; i < out.length; i++) {
            int ci = collaborativeItem[i];
            if (ci >= 0) {
                out[i] = (float) (weight * collab[ci] + (1 - weight) * out[i]);
            }
        }
    }

    /** Scales {@code row} to mean 0 and standard deviation 1 (a constant row becomes all zero). */
    private static void standardise(float[] row) {
        double sum = 0;
        for (float v : row) {
            sum += v;
        }
        double mean = sum / row.length;
        double sq = 0;
        for (float v : row) {
            sq += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(sq / row.length);
        for (int i = 0; i < row.length; i++) {
            row[i] = sd > 0 ? (float) ((row[i] - mean) / sd) : 0f;
        }
    }

    @Override
    double fallbackScore(int u, int i) {
        return i >= 0 ? popularity[i] : 0;
    }

    @Override
    void similarities(int item, float[] out) {
        content.similarities(item, out);
        int ci = collaborativeItem[item];
        if (ci < 0 || weight == 0) {
            return;
        }
        float[] collab = new float[collaborative.index.items.size()];
        collaborative.similarities(ci, collab);
        for (int j = 0; j < out.length; j++) {
            int cj = collaborativeItem[j];
            if (cj >= 0) {
                out[j] = (float) (weight * collab[cj] + (1 - weight) * out[j]);
            }
        }
    }

    @Override
    String kind() {
        return KIND;
    }

    @Override
    void writeState(DataOutputStream out) throws IOException {
        out.writeDouble(weight);
        out.writeUTF(collaborative.kind());
        collaborative.index.write(out);
        collaborative.writeState(out);
        content.writeState(out);
    }

    static HybridRecommender read(TrainingIndex index, DataInputStream in) throws IOException {
        double weight = in.readDouble();
        if (!(weight >= 0 && weight <= 1)) {
            throw new IOException("hybrid weight " + weight + " outside [0, 1]");
        }
        String kind = in.readUTF();
        if (kind.equals(KIND)) {
            throw new IOException("a hybrid inside a hybrid");
        }
        IndexedRecommender collaborative = RecommenderFiles.readModel(kind, TrainingIndex.read(in), in);
        ContentRecommender content = ContentRecommender.read(index, in);
        if (!java.util.Arrays.equals(collaborative.index.users.ids(), index.users.ids())) {
            throw new IOException("the hybrid's two models have different users");
        }
        return new HybridRecommender(collaborative, content, weight);
    }

    @Override
    public String name() {
        return String.format(java.util.Locale.ROOT, "hybrid (%.2f x %s + %.2f x content)", weight, collaborative.name(), 1 - weight);
    }
}

package ai.bigdata.recsys;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * The shared part of the recommenders: id lookup, unknown-id policies, exclusion of training items, top-K
 * selection and batches; a model supplies scores by index, a fallback and item similarities.
 */
abstract class IndexedRecommender implements Recommender {
    final TrainingIndex index;
    /** Training interactions per item: the popularity fallback. */
    final float[] popularity;

    IndexedRecommender(TrainingIndex index) {
        this.index = index;
        this.popularity = new float[index.items.size()];
        for (int i = 0; i < popularity.length; i++) {
            popularity[i] = index.itemCount(i);
        }
    }

    /** The score of user index u and item index i. */
    abstract double scoreIndex(int u, int i);

    /** Scores of user index u for every item index into {@code out}. */
    void scoreRow(int u, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) scoreIndex(u, i);
        }
    }

    /** The baseline score when the user (u = -1) or the item (i = -1) is unknown. */
    abstract double fallbackScore(int u, int i);

    /** Similarity of item index {@code item} to every item into {@code out}. */
    abstract void similarities(int item, float[] out);

    /** The model kind written in saved files. */
    abstract String kind();

    /** Writes the model's own state after the training index. */
    abstract void writeState(DataOutputStream out) throws IOException;

    @Override
    public boolean knowsUser(long user) {
        return index.users.contains(user);
    }

    @Override
    public boolean knowsItem(long item) {
        return index.items.contains(item);
    }

    @Override
    public long[] catalogue() {
        return index.items.ids();
    }

    @Override
    public OptionalDouble score(long user, long item, UnknownPolicy policy) {
        int u = index.users.index(user);
        int i = index.items.index(item);
        if (u >= 0 && i >= 0) {
            return OptionalDouble.of(scoreIndex(u, i));
        }
        switch (policy) {
            case ERROR:
                throw u < 0 ? new UnknownIdException("user", user) : new UnknownIdException("item", item);
            case SKIP:
                return OptionalDouble.empty();
            default:
                return OptionalDouble.of(fallbackScore(u, i));
        }
    }

    @Override
    public List<ScoredItem> topK(long user, int k, UnknownPolicy policy) {
        float[] buffer = new float[index.items.size()];
        return topK(user, k, policy, buffer);
    }

    private List<ScoredItem> topK(long user, int k, UnknownPolicy policy, float[] scores) {
        int u = index.users.index(user);
        if (u < 0) {
            switch (policy) {
                case ERROR:
                    throw new UnknownIdException("user", user);
                case SKIP:
                    return List.of();
                default:
                    return list(TopK.select(popularity, k, index.userItems, 0, 0), popularity);
            }
        }
        scoreRow(u, scores);
        return list(TopK.select(scores, k, index.userItems, index.userStart[u], index.userStart[u + 1]), scores);
    }

    @Override
    public void topKForUsers(long[] users, int k, int batchSize, UnknownPolicy policy,
            BiConsumer<Long, List<ScoredItem>> sink) {
        Arguments.atLeastOne("batchSize", batchSize);
        for (int from = 0; from < users.length; from += batchSize) {
            int start = from;
            int n = Math.min(batchSize, users.length - from);
            List<List<ScoredItem>> lists = IntStream.range(0, n).parallel()
                    .mapToObj(j -> topK(users[start + j], k, policy, new float[index.items.size()])).toList();
            for (int j = 0; j < n; j++) {
                sink.accept(users[start + j], lists.get(j));
            }
        }
    }

    @Override
    public List<ScoredItem> similarItems(long item, int k) {
        int i = index.items.index(item);
        if (i < 0) {
            throw new UnknownIdException("item", item);
        }
        float[] sim = new float[index.items.size()];
        similarities(i, sim);
        int[] picked = TopK.select(sim, k, new int[] {i}, 0, 1);
        int n = 0;
        while (n < picked.length && sim[picked[n]] > 0) {
            n++;
        }
        return list(java.util.Arrays.copyOf(picked, n), sim);
    }

    List<ScoredItem> list(int[] picked, float[] scores) {
        List<ScoredItem> out = new ArrayList<>(picked.length);
        for (int i : picked) {
            out.add(new ScoredItem(index.items.id(i), scores[i]));
        }
        return List.copyOf(out);
    }

    /** Cosine similarity of item rows of a factor matrix (row-major, {@code rank} wide) into {@code out}. */
    static void cosine(float[] factors, int rank, int item, float[] out) {
        double na = norm(factors, rank, item);
        for (int j = 0; j < out.length; j++) {
            double dot = 0;
            for (int f = 0; f < rank; f++) {
                dot += (double) factors[item * rank + f] * factors[j * rank + f];
            }
            double nb = norm(factors, rank, j);
            out[j] = na == 0 || nb == 0 ? 0f : (float) (dot / (na * nb));
        }
    }

    private static double norm(float[] factors, int rank, int row) {
        double s = 0;
        for (int f = 0; f < rank; f++) {
            double v = factors[row * rank + f];
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Override
    public String toString() {
        return name() + " [" + index.users.size() + " users, " + index.items.size() + " items]";
    }
}

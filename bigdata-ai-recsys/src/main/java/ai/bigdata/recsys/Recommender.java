package ai.bigdata.recsys;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BiConsumer;

/**
 * A fitted recommender over external user and item ids. Rankings are over the training catalogue (every
 * item with a training interaction) minus the items the user interacted with in training; ties are broken
 * by the smaller item id. Users and items without training interactions follow an {@link UnknownPolicy}.
 * Implementations are immutable after fitting and safe to call from several threads.
 */
public interface Recommender {
    /** A short name of the model and its settings, for reports. */
    String name();

    /** Whether {@code user} had training interactions. */
    boolean knowsUser(long user);

    /** Whether {@code item} had training interactions. */
    boolean knowsItem(long item);

    /** The item ids the model can recommend (its training catalogue), ascending. */
    long[] catalogue();

    /**
     * The score of a (user, item) pair (a predicted rating for rating models). An unknown user or item:
     * {@link UnknownIdException} under ERROR, empty under SKIP, the model's baseline under FALLBACK.
     */
    OptionalDouble score(long user, long item, UnknownPolicy policy);

    /** {@link #score(long, long, UnknownPolicy)} under {@link UnknownPolicy#ERROR}. */
    default double score(long user, long item) {
        return score(user, item, UnknownPolicy.ERROR).getAsDouble();
    }

    /**
     * The {@code k} best items for {@code user} that the user did not interact with in training, best first.
     * An unknown user: {@link UnknownIdException} (ERROR), an empty list (SKIP), the most popular items (FALLBACK).
     */
    List<ScoredItem> topK(long user, int k, UnknownPolicy policy);

    /** {@link #topK(long, int, UnknownPolicy)} under {@link UnknownPolicy#ERROR}. */
    default List<ScoredItem> topK(long user, int k) {
        return topK(user, k, UnknownPolicy.ERROR);
    }

    /**
     * Top-{@code k} lists for many users, scored {@code batchSize} users at a time (in parallel inside a
     * batch), handed to {@code sink} in the order of {@code users}, on the calling thread.
     */
    void topKForUsers(long[] users, int k, int batchSize, UnknownPolicy policy, BiConsumer<Long, List<ScoredItem>> sink);

    /**
     * Up to {@code k} items most similar to {@code item} (itself excluded), most similar first; only items with a
     * positive similarity are listed. An unknown item is an {@link UnknownIdException}.
     */
    List<ScoredItem> similarItems(long item, int k);

    /** Saves the model to a sealed, checksummed bundle (see {@link RecommenderFiles}). */
    default void save(Path file) {
        RecommenderFiles.save(this, file);
    }
}

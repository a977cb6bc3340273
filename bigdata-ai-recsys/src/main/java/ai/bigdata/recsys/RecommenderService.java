package ai.bigdata.recsys;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Serves a saved recommender to many threads, as core's {@code Predictor} serves a model bundle: the file is loaded
 * and verified once ({@link RecommenderFiles#load}: the bundle's seal, kind, format, the SHA-256 of every part and a
 * payload consistent with its manifest), then top-K lists, similar items and scores are answered for raw (external)
 * user and item ids. Users and items without training interactions follow the service's {@link UnknownPolicy} (an {@link UnknownIdException}, an empty answer,
 * or the popularity fallback); an unknown item in {@link #similarItems} is always an {@link UnknownIdException}.
 *
 * <p>Thread-safe without locks: the models of this module are read-only after fitting or loading (every field is
 * final, the arrays are written only while fitting or reading, each call scores into its own buffers, and no ND4J
 * array is kept: the two-tower model reads its towers out of the network into plain arrays), and the service holds
 * the only reference to the model it loaded, so answers from any number of threads equal single-threaded ones.
 *
 * <p>Every request is checked first: a null id is an {@link IllegalArgumentException} naming the argument, as is
 * {@code k} below 1 or above {@link #maxK()}, so a hostile request cannot make the service allocate without bound.
 */
public final class RecommenderService {
    /** The largest {@code k} a service answers unless told otherwise. */
    public static final int DEFAULT_MAX_K = 1000;
    /** Users scored per parallel batch by {@link #topKForUsers}. */
    private static final int BATCH = 256;

    private final Recommender model;
    private final UnknownPolicy policy;
    private final int maxK;
    private final Path source;

    private RecommenderService(Recommender model, UnknownPolicy policy, int maxK, Path source) {
        this.model = model;
        this.policy = policy;
        this.maxK = maxK;
        this.source = source;
    }

    /**
     * Loads and verifies {@code file}; unknown ids are errors ({@link UnknownPolicy#ERROR}) and {@code k} is at most
     * {@link #DEFAULT_MAX_K}.
     *
     * @throws RecommenderFileException when the file is damaged or not a recommender file
     */
    public static RecommenderService load(Path file) {
        return load(file, UnknownPolicy.ERROR, DEFAULT_MAX_K);
    }

    /**
     * Loads and verifies {@code file}, answering unknown users under {@code policy} and lists of at most {@code maxK}
     * items.
     *
     * @throws IllegalArgumentException when {@code file} or {@code policy} is null or {@code maxK} is below 1
     * @throws RecommenderFileException when the file is damaged or not a recommender file
     */
    public static RecommenderService load(Path file, UnknownPolicy policy, int maxK) {
        notNull("file", file);
        notNull("policy", policy);
        Arguments.atLeastOne("maxK", maxK);
        return new RecommenderService(RecommenderFiles.load(file), policy, maxK, file);
    }

    /**
     * The {@code k} best items for {@code user} that the user did not interact with in training, best first; an
     * unknown user under the service's policy.
     *
     * @throws IllegalArgumentException for a null user or a {@code k} outside 1..{@link #maxK()}
     * @throws UnknownIdException for an unknown user under {@link UnknownPolicy#ERROR}
     */
    public List<ScoredItem> topK(Long user, int k) {
        notNull("user", user);
        return model.topK(user, checkK(k), policy);
    }

    /**
     * Top-{@code k} lists for many users (scored in parallel batches), by user in the order given; a user listed
     * twice is answered once. Unknown users follow the service's policy (under SKIP their lists are empty).
     *
     * @throws IllegalArgumentException for a null array or a {@code k} outside 1..{@link #maxK()}
     * @throws UnknownIdException for an unknown user under {@link UnknownPolicy#ERROR}
     */
    public Map<Long, List<ScoredItem>> topKForUsers(long[] users, int k) {
        notNull("users", users);
        checkK(k);
        Map<Long, List<ScoredItem>> out = new LinkedHashMap<>();
        model.topKForUsers(users, k, BATCH, policy, out::put);
        return out;
    }

    /**
     * Up to {@code k} items most similar to {@code item}, most similar first.
     *
     * @throws IllegalArgumentException for a null item or a {@code k} outside 1..{@link #maxK()}
     * @throws UnknownIdException for an item without training interactions (whatever the policy)
     */
    public List<ScoredItem> similarItems(Long item, int k) {
        notNull("item", item);
        return model.similarItems(item, checkK(k));
    }

    /**
     * The model's score of ({@code user}, {@code item}); an unknown user or item under the service's policy (empty
     * under SKIP, the model's baseline under FALLBACK).
     *
     * @throws IllegalArgumentException for a null user or item
     * @throws UnknownIdException for an unknown user or item under {@link UnknownPolicy#ERROR}
     */
    public OptionalDouble score(Long user, Long item) {
        notNull("user", user);
        notNull("item", item);
        return model.score(user, item, policy);
    }

    /** Whether {@code user} had training interactions (false for null). */
    public boolean knowsUser(Long user) {
        return user != null && model.knowsUser(user);
    }

    /** Whether {@code item} had training interactions (false for null). */
    public boolean knowsItem(Long item) {
        return item != null && model.knowsItem(item);
    }

    /** The model's name and settings. */
    public String modelName() {
        return model.name();
    }

    /** How unknown users and items are answered. */
    public UnknownPolicy policy() {
        return policy;
    }

    /** The largest {@code k} answered. */
    public int maxK() {
        return maxK;
    }

    /** The file the model was loaded from. */
    public Path source() {
        return source;
    }

    private int checkK(int k) {
        if (k < 1 || k > maxK) {
            throw new IllegalArgumentException("k must be in 1.." + maxK + " (maxK of this service), got " + k);
        }
        return k;
    }

    private static void notNull(String what, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null");
        }
    }

    @Override
    public String toString() {
        return "RecommenderService[" + model.name() + " from " + source + ", " + policy + ", maxK " + maxK + "]";
    }
}

package ai.bigdata.recsys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates top-K lists against held-out interactions by full ranking. Protocol: the evaluated users are those
 * with at least one test interaction rated at least the threshold; their relevant set R is those test items
 * (items absent from training count in |R| but can never be hit); each gets the model's top-K over the
 * training catalogue minus the items the user interacted with in training (ties: smaller item id). Per user,
 * with hits h_j = 1 when the j-th item is relevant:
 * <ul>
 *   <li>Precision@K = sum h / K; Recall@K = sum h / |R|; HitRate@K = 1 when any hit;</li>
 *   <li>NDCG@K = (sum_j h_j / log2(j + 1)) / (sum_{j <= min(|R|, K)} 1 / log2(j + 1));</li>
 *   <li>MAP@K: AP = (sum_j h_j * (hits in the first j) / j) / min(|R|, K);</li>
 *   <li>MRR@K = 1 / rank of the first hit, 0 when none;</li>
 * </ul>
 * all macro-averaged over users. Catalogue coverage = distinct recommended items / catalogue size; novelty =
 * mean over every list entry of -log2(n_i / U), n_i the training users of item i, U all training users. Users the
 * model does not know follow the {@link UnknownPolicy} (SKIP: left out and counted; FALLBACK: popularity list).
 */
public final class RankingEvaluator {
    private int k = 10;
    private double threshold = Double.NEGATIVE_INFINITY;
    private UnknownPolicy unknown = UnknownPolicy.SKIP;
    private int batchSize = 256;

    private RankingEvaluator() {
    }

    /** An evaluator with K 10, every test interaction relevant, unknown users skipped, batches of 256 users. */
    public static RankingEvaluator builder() {
        return new RankingEvaluator();
    }

    /** The list length K (at least 1). */
    public RankingEvaluator k(int n) {
        this.k = Arguments.atLeastOne("k", n);
        return this;
    }

    /** Test interactions with rating at least this are relevant (e.g. 4). */
    public RankingEvaluator relevantAtLeast(double t) {
        this.threshold = Arguments.threshold(t);
        return this;
    }

    /** What to do with an evaluated user the model does not know. */
    public RankingEvaluator unknownUsers(UnknownPolicy p) {
        this.unknown = p;
        return this;
    }

    /** Users scored per batch. */
    public RankingEvaluator batchSize(int n) {
        this.batchSize = Arguments.atLeastOne("batchSize", n);
        return this;
    }

    /** Evaluates {@code model}, fitted on {@code train}, against {@code test}. */
    public RankingReport evaluate(Recommender model, Interactions train, Interactions test) {
        Map<Long, Set<Long>> relevant = new TreeMap<>();
        for (int r = 0; r < test.size(); r++) {
            if (test.rating(r) >= threshold) {
                relevant.computeIfAbsent(test.user(r), u -> new HashSet<>()).add(test.item(r));
            }
        }
        List<Long> evaluated = new ArrayList<>();
        long skipped = 0;
        for (long u : relevant.keySet()) {
            if (!model.knowsUser(u) && unknown == UnknownPolicy.SKIP) {
                skipped++;
            } else {
                evaluated.add(u);
            }
        }
        if (evaluated.isEmpty()) {
            throw new IllegalArgumentException("no user to evaluate: " + relevant.size() + " users with relevant test items, "
                    + skipped + " unknown to the model and skipped");
        }
        Map<Long, Set<Long>> trainUsers = new HashMap<>();
        for (int r = 0; r < train.size(); r++) {
            trainUsers.computeIfAbsent(train.item(r), i -> new HashSet<>()).add(train.user(r));
        }
        double userCount = train.distinctUsers().length;
        double[] sums = new double[6];
        double[] novelty = {0, 0};
        Set<Long> recommended = new HashSet<>();
        long[] users = evaluated.stream().mapToLong(Long::longValue).toArray();
        model.topKForUsers(users, k, batchSize, unknown, (user, list) -> {
            Set<Long> rel = relevant.get(user);
            double[] m = userMetrics(list, rel, k);
            for (int j = 0; j < m.length; j++) {
                sums[j] += m[j];
            }
            for (ScoredItem s : list) {
                recommended.add(s.item());
                Set<Long> who = trainUsers.get(s.item());
                int n = who == null ? 1 : who.size();
                novelty[0] += -Math.log(n / userCount) / Math.log(2);
                novelty[1]++;
            }
        });
        double u = users.length;
        return new RankingReport(model.name(), k, threshold, users.length, skipped, sums[0] / u, sums[1] / u, sums[2] / u,
                sums[3] / u, sums[4] / u, sums[5] / u, recommended.size() / (double) model.catalogue().length,
                novelty[1] == 0 ? 0 : novelty[0] / novelty[1]);
    }

    /** Precision, recall, NDCG, AP, RR and hit of one list against its relevant set. */
    static double[] userMetrics(List<ScoredItem> list, Set<Long> relevant, int k) {
        double dcg = 0;
        double ap = 0;
        double rr = 0;
        int hits = 0;
        for (int j = 0; j < Math.min(k, list.size()); j++) {
            if (relevant.contains(list.get(j).item())) {
                hits++;
                dcg += 1 / log2(j + 2);
                ap += hits / (double) (j + 1);
                if (rr == 0) {
                    rr = 1.0 / (j + 1);
                }
            }
        }
        double idcg = 0;
        for (int j = 0; j < Math.min(relevant.size(), k); j++) {
            idcg += 1 / log2(j + 2);
        }
        int denominator = Math.min(relevant.size(), k);
        return new double[] {hits / (double) k, hits / (double) relevant.size(), dcg / idcg, ap / denominator, rr,
            hits > 0 ? 1 : 0};
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

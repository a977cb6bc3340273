package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.testing.SharedData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Content-based and hybrid recommenders on MovieLens latest-small, with {@code movies.csv}'s genres, title
 * words and decades as item features.
 *
 * <p>Warm protocol: the README table's ({@link MovieLensIT}: scikit-learn's seed-42 80/20 split, ratings >= 4
 * relevant, full ranking of every training item the user has not rated, the item features restricted to
 * training items so that every model ranks the same catalogue). The hybrid's collaborative part is implicit ALS
 * with the table's settings; its weight is chosen from {0.5, 0.7, 0.9, 1.0} by NDCG@10 on a validation part of
 * the training rows ({@code random(train, 0.125, 7)}), never on the test rows.
 *
 * <p>Cold-start protocol: the same split, but 10% of the training items (seed 11) become new items: every one of
 * their training ratings is removed, so no model has seen anyone rate them, while their test ratings stay. Every
 * model then ranks its whole catalogue (the collaborative models know only the other items; content and hybrid
 * know every movie). Reported: NDCG@10 and Recall@10 over all relevant test ratings, and new-item recall@10,
 * the share of relevant test ratings of new items that reach their user's top 10.
 */
class MovieLensContentIT {
    private static final double[] WEIGHTS = {0.5, 0.7, 0.9, 1.0};
    private static final RankingEvaluator RANKING = RankingEvaluator.builder().k(10).relevantAtLeast(4);

    private static ImplicitAls implicit(Interactions train) {
        return ImplicitAls.builder().positiveThreshold(4).fit(train);
    }

    /** The hybrid weight with the best validation NDCG@10 on a part of {@code train}. */
    private static double chooseWeight(Interactions train, ItemFeatures features) {
        InteractionSplit inner = InteractionSplitter.random(train, 0.125, 7);
        ImplicitAls collab = implicit(inner.train());
        ContentRecommender content = ContentRecommender.fit(inner.train(), features.restrictTo(inner.train().distinctItems()));
        double best = -1;
        double bestWeight = 1;
        for (double w : WEIGHTS) {
            double ndcg = RANKING.evaluate(HybridRecommender.of(collab, content, w), inner.train(), inner.test()).ndcg();
            System.out.printf(Locale.ROOT, "validation: hybrid weight %.1f NDCG@10 %.4f%n", w, ndcg);
            if (ndcg > best) {
                best = ndcg;
                bestWeight = w;
            }
        }
        return bestWeight;
    }

    @Test
    void warmAndColdStartProtocols() {
        Interactions all = GroupLensReader.builder(SharedData.file("movielens-small/ratings.csv")).readInteractions(DuplicatePolicy.ERROR);
        ItemFeatures features = ItemFeatures.readMovieLens(SharedData.file("movielens-small/movies.csv"));
        assertThat(features.size()).isEqualTo(9066); // the rows of movies.csv, counted by Python's csv module
        InteractionSplit split = InteractionSplitter.scikitLearn(all, 0.2, 42);
        Interactions train = split.train();
        Interactions test = split.test();
        double weight = chooseWeight(train, features);

        // warm: one catalogue, the training items
        ItemFeatures warmFeatures = features.restrictTo(train.distinctItems());
        ImplicitAls collab = implicit(train);
        ContentRecommender content = ContentRecommender.fit(train, warmFeatures);
        assertThat(content.catalogue()).containsExactly(collab.catalogue());
        RankingReport pop = RANKING.evaluate(PopularityRecommender.fit(train, 4), train, test);
        RankingReport contentRank = RANKING.evaluate(content, train, test);
        RankingReport collabRank = RANKING.evaluate(collab, train, test);
        RankingReport hybridRank = RANKING.evaluate(HybridRecommender.of(collab, content, weight), train, test);
        StringBuilder table = new StringBuilder("| warm protocol | NDCG@10 | Recall@10 | Precision@10 | coverage |\n|---|---|---|---|---|\n");
        for (RankingReport r : List.of(pop, collabRank, contentRank, hybridRank)) {
            table.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f |%n", r.model(), r.ndcg(), r.recall(), r.precision(),
                    r.coverage()));
        }
        System.out.println(table);
        assertThat(contentRank.users()).isEqualTo(648);
        assertThat(contentRank.ndcg()).isGreaterThan(0.02);
        assertThat(hybridRank.ndcg()).isGreaterThan(collabRank.ndcg() - 0.005);

        // cold start: 10% of the training items lose every training rating
        long[] items = train.distinctItems();
        Set<Long> fresh = new HashSet<>();
        Random rnd = new Random(11);
        for (long item : items) {
            if (rnd.nextDouble() < 0.1) {
                fresh.add(item);
            }
        }
        List<Integer> keep = new ArrayList<>();
        for (int r = 0; r < train.size(); r++) {
            if (!fresh.contains(train.item(r))) {
                keep.add(r);
            }
        }
        Interactions warmTrain = train.rows(keep.stream().mapToInt(Integer::intValue).toArray());
        double coldWeight = chooseWeight(warmTrain, features);
        ImplicitAls coldCollab = implicit(warmTrain);
        ContentRecommender coldContent = ContentRecommender.fit(warmTrain, features);
        List<Recommender> models = List.of(PopularityRecommender.fit(warmTrain, 4), coldCollab, coldContent,
                HybridRecommender.of(coldCollab, coldContent, coldWeight));
        StringBuilder cold = new StringBuilder(String.format(Locale.ROOT, "| cold-start protocol (%d new items) | NDCG@10 | Recall@10 | "
                + "new-item recall@10 |%n|---|---|---|---|%n", fresh.size()));
        double[] newItemRecall = new double[models.size()];
        for (int m = 0; m < models.size(); m++) {
            Recommender model = models.get(m);
            RankingReport r = RANKING.evaluate(model, warmTrain, test);
            newItemRecall[m] = newItemRecall(model, test, fresh);
            cold.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f |%n", r.model(), r.ndcg(), r.recall(), newItemRecall[m]));
        }
        System.out.println(cold);
        System.out.printf(Locale.ROOT, "hybrid weight chosen on validation: warm %.1f, cold start %.1f%n", weight, coldWeight);
        assertThat(newItemRecall[1]).as("implicit ALS cannot recommend new items").isZero();
        assertThat(newItemRecall[2]).as("content reaches new items").isGreaterThan(0);
        assertThat(newItemRecall[3]).as("the hybrid reaches new items").isGreaterThan(0);
    }

    /** The share of relevant test ratings of new items that reach their user's top 10. */
    private static double newItemRecall(Recommender model, Interactions test, Set<Long> fresh) {
        long relevant = 0;
        long hit = 0;
        java.util.Map<Long, Set<Long>> topByUser = new java.util.HashMap<>();
        for (int r = 0; r < test.size(); r++) {
            if (test.rating(r) < 4 || !fresh.contains(test.item(r)) || !model.knowsUser(test.user(r))) {
                continue;
            }
            relevant++;
            Set<Long> top = topByUser.computeIfAbsent(test.user(r), u -> {
                Set<Long> s = new HashSet<>();
                model.topK(u, 10).forEach(i -> s.add(i.item()));
                return s;
            });
            if (top.contains(test.item(r))) {
                hit++;
            }
        }
        return relevant == 0 ? 0 : hit / (double) relevant;
    }
}

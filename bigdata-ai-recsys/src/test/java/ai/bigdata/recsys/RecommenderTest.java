package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecommenderTest {
    /**
     * Two tastes: users 1..6 like items 10, 11, 12, 13; users 7..12 like items 20, 21, 22, 23. Each user saw
     * three of their group's four items (user u misses item index u mod 4), so the best unseen item for every
     * user is the missing item of their own group.
     */
    static Interactions twoGroups() {
        List<long[]> rows = new ArrayList<>();
        for (int u = 1; u <= 12; u++) {
            long base = u <= 6 ? 10 : 20;
            for (int j = 0; j < 4; j++) {
                if (j != u % 4) {
                    rows.add(new long[] {u, base + j});
                }
            }
        }
        long[] us = rows.stream().mapToLong(r -> r[0]).toArray();
        long[] is = rows.stream().mapToLong(r -> r[1]).toArray();
        return Interactions.pairs(us, is, DuplicatePolicy.ERROR);
    }

    private static long missing(long user) {
        return (user <= 6 ? 10 : 20) + user % 4;
    }

    @Test
    void topKSelectsBestFirstBreaksTiesBySmallerIndexAndSkipsExcluded() {
        float[] s = {1, 5, 3, 5, 2, 5};
        assertThat(TopK.select(s, 3, new int[0], 0, 0)).containsExactly(1, 3, 5);
        assertThat(TopK.select(s, 3, new int[] {9, 1, 5, 9}, 1, 3)).containsExactly(3, 2, 4);
        assertThat(TopK.select(s, 10, new int[] {0, 1, 2, 3, 4}, 0, 5)).containsExactly(5);
        assertThatThrownBy(() -> TopK.select(s, 0, new int[0], 0, 0)).hasMessageContaining("k must be at least 1");
    }

    @Test
    void choleskySolvesASmallSystemExactly() {
        // [[4, 2], [2, 3]] x = [2, 1]: inverse [[3, -2], [-2, 4]] / 8 gives x = [0.5, 0]
        double[] b = {2, 1};
        DenseSolve.cholesky(new double[] {4, 2, 2, 3}, b, 2);
        assertThat(b).containsExactly(new double[] {0.5, 0}, within(1e-15));
        assertThatThrownBy(() -> DenseSolve.cholesky(new double[] {1, 2, 2, 1}, new double[2], 2))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("not positive definite at column 1");
    }

    @Test
    void implicitAlsRecommendsTheMissingItemOfTheUsersGroup() {
        ImplicitAls m = ImplicitAls.builder().rank(4).iterations(10).lambda(0.1).alpha(5).fit(twoGroups());
        for (long u = 1; u <= 12; u++) {
            assertThat(m.topK(u, 1).get(0).item()).as("user " + u).isEqualTo(missing(u));
        }
        assertThat(m.similarItems(10, 3)).extracting(ScoredItem::item).containsExactlyInAnyOrder(11L, 12L, 13L);
    }

    @Test
    void implicitAlsVectorsGiveItsScoresAndUnknownIdsAreTypedErrors() {
        ImplicitAls m = ImplicitAls.builder().rank(4).iterations(3).fit(twoGroups());
        float[] u = m.userVector(3);
        float[] i = m.itemVector(12);
        assertThat(u).hasSize(m.rank());
        double dot = 0;
        for (int f = 0; f < m.rank(); f++) {
            dot += (double) u[f] * i[f];
        }
        assertThat(m.score(3, 12)).isCloseTo(dot, within(1e-12));
        float[] row = new float[m.catalogue().length];
        for (int user = 0; user < 12; user++) {
            m.scoreRow(user, row);
            for (int item = 0; item < row.length; item++) {
                assertThat(row[item]).as("user %d item %d, bit for bit", user, item).isEqualTo((float) m.scoreIndex(user, item));
            }
        }
        u[0] = 99;
        assertThat(m.userVector(3)[0]).as("a copy").isNotEqualTo(99f);
        assertThatThrownBy(() -> m.userVector(99)).isInstanceOf(UnknownIdException.class).hasMessageContaining("user 99");
        assertThatThrownBy(() -> m.itemVector(99)).isInstanceOf(UnknownIdException.class).hasMessageContaining("item 99");
    }

    @Test
    void trainingIndexOrdersEachUsersItemsWhateverTheRowOrder() {
        Interactions shuffled = Interactions.of(new long[] {7, 3, 7, 3, 7}, new long[] {30, 20, 10, 40, 20},
                new float[] {1, 2, 3, 4, 5}, new long[5], DuplicatePolicy.ERROR);
        TrainingIndex x = TrainingIndex.of(shuffled);
        assertThat(x.userStart).containsExactly(0, 2, 5);
        assertThat(x.userItems).containsExactly(1, 3, 0, 1, 2);
        assertThat(x.userRatings).containsExactly(2, 4, 3, 5, 1);
        assertThat(x.itemUsers).containsExactly(1, 0, 1, 1, 0);
    }

    @Test
    void bprRecommendsTheMissingItemOfTheUsersGroupAndIsSeeded() {
        Bpr m = Bpr.builder().rank(4).epochs(200).learningRate(0.1).regularisation(0.01).seed(3).fit(twoGroups());
        for (long u = 1; u <= 12; u++) {
            assertThat(m.topK(u, 1).get(0).item()).as("user " + u).isEqualTo(missing(u));
        }
        Bpr again = Bpr.builder().rank(4).epochs(200).learningRate(0.1).regularisation(0.01).seed(3).fit(twoGroups());
        assertThat(again.score(1, 20)).isEqualTo(m.score(1, 20));
        assertThatThrownBy(() -> Bpr.builder().positiveThreshold(6).fit(Fixtures.train()))
                .hasMessageContaining("no positive interaction (rating >= 6.0)");
    }

    @Test
    void itemKnnByHandOnTheTinySet() {
        // counts 100:3, 200:2, 300:1, 400:1; co-occurrences (100,200)=2, (100,300)=1, (100,400)=1, (300,400)=1.
        // shrinkage 1: sim(100,200) = 2/(sqrt 6 + 1), sim(100,300) = sim(100,400) = 1/(sqrt 3 + 1), sim(300,400) = 1/2.
        // One neighbour each: 100 -> 200, 200 -> 100, 300 -> 400, 400 -> 300.
        ItemKnn one = ItemKnn.builder().neighbours(1).shrinkage(1).fit(Fixtures.train());
        assertThat(one.score(3, 200)).isCloseTo(2 / (Math.sqrt(6) + 1), within(1e-6)); // user 3 likes 100
        assertThat(one.score(1, 300)).isZero(); // user 1 likes 100 and 200, whose neighbours are 200 and 100
        assertThat(one.similarItems(300, 3)).containsExactly(new ScoredItem(400, 0.5));
        // three neighbours: user 1's score for 300 comes from 100's list
        ItemKnn three = ItemKnn.builder().neighbours(3).shrinkage(1).fit(Fixtures.train());
        assertThat(three.score(1, 300)).isCloseTo(1 / (Math.sqrt(3) + 1), within(1e-6));
        assertThat(three.topK(1, 2)).extracting(ScoredItem::item).containsExactly(300L, 400L); // equal scores: smaller id
        ItemKnn groups = ItemKnn.builder().neighbours(3).shrinkage(0).fit(twoGroups());
        for (long u = 1; u <= 12; u++) {
            assertThat(groups.topK(u, 1).get(0).item()).as("user " + u).isEqualTo(missing(u));
        }
        assertThatThrownBy(() -> ItemKnn.builder().shrinkage(-1)).hasMessageContaining("shrinkage must be finite and at least 0");
    }

    @Test
    void explicitAlsRecoversAnAdditiveRatingMatrix() {
        // r(u, i) = 3 + (u - 3.5) * 0.2 + (i - 2.5) * 0.3 on a full 6 x 4 grid less one cell per user
        List<Long> us = new ArrayList<>();
        List<Long> is = new ArrayList<>();
        List<Float> rs = new ArrayList<>();
        for (int u = 1; u <= 6; u++) {
            for (int i = 1; i <= 4; i++) {
                if (i != u % 4 + 1) {
                    us.add((long) u);
                    is.add((long) i);
                    rs.add((float) (3 + (u - 3.5) * 0.2 + (i - 2.5) * 0.3));
                }
            }
        }
        float[] r = new float[rs.size()];
        for (int k = 0; k < r.length; k++) {
            r[k] = rs.get(k);
        }
        Interactions train = Interactions.of(us.stream().mapToLong(Long::longValue).toArray(),
                is.stream().mapToLong(Long::longValue).toArray(), r, new long[r.length], DuplicatePolicy.ERROR);
        // factors held at ~0 by a heavy lambda, biases almost free: the fit is mean + user bias + item bias, which
        // reproduces the 18 cells exactly; the held-out cell of user 1 (item 2) is then determined:
        // 3 + (1 - 3.5) * 0.2 + (2 - 2.5) * 0.3 = 2.35 (inside the training range, so not clipped)
        ExplicitAls m = ExplicitAls.builder().rank(2).iterations(100).lambda(1e4).biasLambda(1e-9).fit(train);
        assertThat(m.score(1, 2)).isCloseTo(2.35, within(1e-3));
        assertThat(RatingEvaluator.evaluate(m, train, UnknownPolicy.ERROR).rmse()).isLessThan(1e-3);
    }

    @Test
    void sameSeedSameFactorsOtherSeedOtherFactors() {
        Interactions data = twoGroups();
        ImplicitAls a = ImplicitAls.builder().rank(3).iterations(2).seed(5).fit(data);
        ImplicitAls b = ImplicitAls.builder().rank(3).iterations(2).seed(5).fit(data);
        ImplicitAls c = ImplicitAls.builder().rank(3).iterations(2).seed(6).fit(data);
        assertThat(a.score(1, 20)).isEqualTo(b.score(1, 20));
        assertThat(a.score(1, 20)).isNotEqualTo(c.score(1, 20));
        Interactions ratings = Fixtures.train();
        assertThat(ExplicitAls.builder().rank(2).seed(9).fit(ratings).score(1, 300))
                .isEqualTo(ExplicitAls.builder().rank(2).seed(9).fit(ratings).score(1, 300));
    }

    @Test
    void unknownIdsFollowThePolicy() {
        PopularityRecommender m = PopularityRecommender.fit(Fixtures.train());
        assertThatThrownBy(() -> m.score(9, 100)).isInstanceOfSatisfying(UnknownIdException.class, e -> {
            assertThat(e.kind()).isEqualTo("user");
            assertThat(e.id()).isEqualTo(9);
        });
        assertThatThrownBy(() -> m.score(1, 999)).hasMessageContaining("item 999 had no training interactions");
        assertThat(m.score(9, 100, UnknownPolicy.SKIP)).isEmpty();
        assertThat(m.score(9, 100, UnknownPolicy.FALLBACK)).hasValue(3.0);
        assertThat(m.topK(9, 2, UnknownPolicy.SKIP)).isEmpty();
        assertThat(m.topK(9, 2, UnknownPolicy.FALLBACK)).containsExactly(new ScoredItem(100, 3), new ScoredItem(200, 2));
        assertThatThrownBy(() -> m.topK(9, 2)).isInstanceOf(UnknownIdException.class);
        assertThatThrownBy(() -> m.similarItems(999, 2)).hasMessageContaining("item 999");
        ExplicitAls als = ExplicitAls.builder().rank(2).fit(Fixtures.train());
        assertThat(als.score(9, 999, UnknownPolicy.FALLBACK).getAsDouble()).isEqualTo(als.mean(), within(1e-6));
    }

    @Test
    void popularityRanksUnseenItemsByCountAndSimilarityByCoOccurrence() {
        PopularityRecommender m = PopularityRecommender.fit(Fixtures.train());
        // user 3 saw 100, 300, 400: only 200 (count 2) is left
        assertThat(m.topK(3, 5)).containsExactly(new ScoredItem(200, 2));
        // 100 and 200 share users 1, 2: 2 / sqrt(3 * 2); 100 and 300 share user 3: 1 / sqrt(3 * 1), as does 400
        assertThat(m.similarItems(100, 3)).extracting(ScoredItem::item).containsExactly(200L, 300L, 400L);
        assertThat(m.similarItems(100, 1).get(0).score()).isCloseTo(2 / Math.sqrt(6), within(1e-6));
        assertThat(PopularityRecommender.fit(Fixtures.train(), 6).topK(1, 1).get(0)).isEqualTo(new ScoredItem(300, 0));
        assertThat(m.catalogue()).containsExactly(100, 200, 300, 400);
    }

    @Test
    void batchesGiveTheSameListsInTheUsersOrder() {
        ImplicitAls m = ImplicitAls.builder().rank(4).iterations(3).fit(twoGroups());
        long[] users = {12, 3, 7, 1, 99, 5};
        Map<Long, List<ScoredItem>> got = new LinkedHashMap<>();
        m.topKForUsers(users, 2, 4, UnknownPolicy.SKIP, got::put);
        assertThat(got.keySet()).containsExactly(12L, 3L, 7L, 1L, 99L, 5L);
        for (long u : users) {
            assertThat(got.get(u)).isEqualTo(m.topK(u, 2, UnknownPolicy.SKIP));
        }
        assertThat(got.get(99L)).isEmpty();
        assertThatThrownBy(() -> m.topKForUsers(users, 2, 0, UnknownPolicy.SKIP, (u, l) -> { }))
                .hasMessageContaining("batchSize must be at least 1");
    }

    @Test
    void concurrentCallersGetTheSequentialAnswers() throws Exception {
        ImplicitAls m = ImplicitAls.builder().rank(4).iterations(3).fit(twoGroups());
        Map<Long, List<ScoredItem>> expected = new LinkedHashMap<>();
        for (long u = 1; u <= 12; u++) {
            expected.put(u, m.topK(u, 3));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int rep = 0; rep < 50; rep++) {
                        for (long u = 1; u <= 12; u++) {
                            if (!m.topK(u, 3).equals(expected.get(u))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badHyperParametersAreRefused() {
        assertThatThrownBy(() -> ExplicitAls.builder().rank(0)).hasMessageContaining("rank must be in 1..1024, got 0");
        assertThatThrownBy(() -> ExplicitAls.builder().lambda(0)).hasMessageContaining("lambda must be positive");
        assertThatThrownBy(() -> ExplicitAls.builder().biasLambda(Double.NaN)).hasMessageContaining("biasLambda");
        assertThatThrownBy(() -> ImplicitAls.builder().alpha(Double.POSITIVE_INFINITY)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> ImplicitAls.builder().iterations(0)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> PopularityRecommender.fit(Interactions.pairs(new long[0], new long[0], DuplicatePolicy.ERROR)))
                .hasMessageContaining("no training interactions");
    }
}

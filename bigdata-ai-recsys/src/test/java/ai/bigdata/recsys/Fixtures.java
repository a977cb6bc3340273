package ai.bigdata.recsys;

/** Tiny hand-made interaction sets shared by the tests. */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * Train: users 1, 2, 3; items 100 (3 interactions), 200 (2), 300 (1), 400 (1); all ratings 5.
     * User 1 saw 100, 200; user 2 saw 100, 200; user 3 saw 100, 300, 400.
     */
    static Interactions train() {
        return Interactions.of(new long[] {1, 2, 3, 1, 2, 3, 3}, new long[] {100, 100, 100, 200, 200, 300, 400},
                new float[] {5, 5, 5, 5, 5, 5, 5}, new long[7], DuplicatePolicy.ERROR);
    }

    /** Test: (1, 300, 5), (1, 400, 2), (2, 400, 4), (3, 200, 4). */
    static Interactions test() {
        return Interactions.of(new long[] {1, 1, 2, 3}, new long[] {300, 400, 400, 200}, new float[] {5, 2, 4, 4},
                new long[4], DuplicatePolicy.ERROR);
    }

    /**
     * One model of each of the 8 kinds the files hold, fitted on {@link TwoTowerTest#planted()}: two-tower,
     * implicit ALS, item kNN, BPR, explicit ALS, popularity, content (tokens by item group) and hybrid.
     */
    static java.util.List<Recommender> everyKind() {
        Interactions data = TwoTowerTest.planted();
        java.util.Map<Long, java.util.List<String>> tokens = new java.util.TreeMap<>();
        for (long i = 0; i < 20; i++) {
            tokens.put(100 + i, java.util.List.of("a", "t" + i % 3));
            tokens.put(200 + i, java.util.List.of("b", "t" + i % 3));
        }
        ContentRecommender content = ContentRecommender.fit(data, ItemFeatures.of(tokens));
        ImplicitAls als = ImplicitAls.builder().rank(4).iterations(3).fit(data);
        return java.util.List.of(TwoTowerTest.small().epochs(3).fit(data), als, ItemKnn.builder().neighbours(5).fit(data),
                Bpr.builder().rank(4).epochs(5).fit(data), ExplicitAls.builder().rank(3).iterations(3).fit(data),
                PopularityRecommender.fit(data), content, HybridRecommender.of(als, content, 0.7));
    }
}

package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingEvaluatorTest {
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double EPS = 1e-12;

    private static List<ScoredItem> list(long... items) {
        return java.util.Arrays.stream(items).mapToObj(i -> new ScoredItem(i, 0)).toList();
    }

    @Test
    void oneHitAtRankTwoOfTwoRelevant() {
        // k = 3, list [10, 20, 30], relevant {20, 40}: one hit at rank 2.
        // P = 1/3, R = 1/2, DCG = 1/log2(3), IDCG = 1 + 1/log2(3), AP = (1/2) / min(2, 3) = 0.25, RR = 1/2, HR = 1
        double[] m = RankingEvaluator.userMetrics(list(10, 20, 30), Set.of(20L, 40L), 3);
        assertThat(m[0]).isCloseTo(1.0 / 3, within(EPS));
        assertThat(m[1]).isCloseTo(0.5, within(EPS));
        assertThat(m[2]).isCloseTo((1 / LOG2_3) / (1 + 1 / LOG2_3), within(EPS));
        assertThat(m[3]).isCloseTo(0.25, within(EPS));
        assertThat(m[4]).isCloseTo(0.5, within(EPS));
        assertThat(m[5]).isEqualTo(1.0);
    }

    @Test
    void perfectListAndEmptyList() {
        // list [40, 20, 30], relevant {20, 40}: hits at ranks 1, 2: P 2/3, R 1, NDCG 1, AP (1/1 + 2/2)/2 = 1, RR 1
        double[] m = RankingEvaluator.userMetrics(list(40, 20, 30), Set.of(20L, 40L), 3);
        assertThat(m).containsExactly(new double[] {2.0 / 3, 1, 1, 1, 1, 1}, within(EPS));
        // no hit: everything 0
        assertThat(RankingEvaluator.userMetrics(list(1, 2, 3), Set.of(20L), 3)).containsExactly(new double[] {0, 0, 0, 0, 0, 0},
                within(EPS));
    }

    @Test
    void popularityOnTheTinySetByHand() {
        // popularity counts 100:3, 200:2, 300:1, 400:1 (300 before 400 by the smaller id); k = 2; relevant: rating >= 4.
        // user 1 (seen 100, 200): list [300, 400], R {300}: hit @1 -> P 1/2, R 1, NDCG 1, AP 1, RR 1
        // user 2 (seen 100, 200): list [300, 400], R {400}: hit @2 -> P 1/2, R 1, NDCG 1/log2(3), AP 1/2, RR 1/2
        // user 3 (seen 100, 300, 400): list [200] (one candidate left), R {200}: P 1/2 (over k), R 1, NDCG 1, AP 1, RR 1
        // coverage {200, 300, 400} / 4 = 0.75; novelty: U = 3 users, 300 and 400 have 1 user, 200 has 2:
        // (4 * -log2(1/3) + -log2(2/3)) / 5 entries
        RankingReport r = RankingEvaluator.builder().k(2).relevantAtLeast(4)
                .evaluate(PopularityRecommender.fit(Fixtures.train()), Fixtures.train(), Fixtures.test());
        assertThat(r.users()).isEqualTo(3);
        assertThat(r.usersSkipped()).isZero();
        assertThat(r.precision()).isCloseTo(0.5, within(EPS));
        assertThat(r.recall()).isCloseTo(1.0, within(EPS));
        assertThat(r.ndcg()).isCloseTo((2 + 1 / LOG2_3) / 3, within(EPS));
        assertThat(r.map()).isCloseTo(2.5 / 3, within(EPS));
        assertThat(r.mrr()).isCloseTo(2.5 / 3, within(EPS));
        assertThat(r.hitRate()).isCloseTo(1.0, within(EPS));
        assertThat(r.coverage()).isCloseTo(0.75, within(EPS));
        assertThat(r.novelty()).isCloseTo((4 * LOG2_3 + (LOG2_3 - 1)) / 5, within(EPS));
        assertThat(r.toJson()).contains("\"ndcg@2\"").contains("full ranking");
        assertThat(r.toHtml()).contains("<table").contains("ndcg@2");
        assertThat(r.toString()).contains("NDCG 0.8770");
    }

    @Test
    void unknownUsersAreSkippedAndCountedOrServedByPopularity() {
        // user 9 is not in training; relevant {100}
        Interactions test = Interactions.of(new long[] {1, 9}, new long[] {300, 100}, new float[] {5, 5}, new long[2],
                DuplicatePolicy.ERROR);
        PopularityRecommender m = PopularityRecommender.fit(Fixtures.train());
        RankingReport skip = RankingEvaluator.builder().k(1).evaluate(m, Fixtures.train(), test);
        assertThat(skip.users()).isEqualTo(1);
        assertThat(skip.usersSkipped()).isEqualTo(1);
        assertThat(skip.hitRate()).isEqualTo(1.0); // user 1's top-1 of {300, 400} is 300
        // fallback: user 9 gets the most popular item, 100: a hit
        RankingReport fallback = RankingEvaluator.builder().k(1).unknownUsers(UnknownPolicy.FALLBACK).evaluate(m, Fixtures.train(), test);
        assertThat(fallback.users()).isEqualTo(2);
        assertThat(fallback.hitRate()).isEqualTo(1.0);
        assertThatThrownBy(() -> RankingEvaluator.builder().unknownUsers(UnknownPolicy.ERROR).evaluate(m, Fixtures.train(), test))
                .isInstanceOf(UnknownIdException.class).hasMessageContaining("user 9");
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> RankingEvaluator.builder().k(0)).hasMessageContaining("k must be at least 1");
        assertThatThrownBy(() -> RankingEvaluator.builder().relevantAtLeast(Double.NaN)).hasMessageContaining("NaN");
    }
}

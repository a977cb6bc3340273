package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatingEvaluatorTest {
    // popularity scores are counts: 100 -> 3, 300 -> 1, 400 -> 1
    private static final Interactions TEST = Interactions.of(new long[] {1, 2, 9}, new long[] {300, 400, 100},
            new float[] {5, 4, 3}, new long[3], DuplicatePolicy.ERROR);

    @Test
    void warmRowsOnlyUnderSkip() {
        // errors: 1 - 5 = -4, 1 - 4 = -3; user 9 skipped. RMSE sqrt((16 + 9) / 2), MAE 3.5
        RatingReport r = RatingEvaluator.evaluate(PopularityRecommender.fit(Fixtures.train()), TEST, UnknownPolicy.SKIP);
        assertThat(r.rmse()).isCloseTo(Math.sqrt(12.5), within(1e-12));
        assertThat(r.mae()).isCloseTo(3.5, within(1e-12));
        assertThat(r.scored()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.fallback()).isZero();
        assertThat(r.toJson()).contains("\"rowsSkipped\" : 1").contains("\"rmse\"");
    }

    @Test
    void allRowsUnderFallback() {
        // user 9, item 100: fallback = popularity of 100 = 3, error 0. RMSE sqrt(25 / 3), MAE 7 / 3
        RatingReport r = RatingEvaluator.evaluate(PopularityRecommender.fit(Fixtures.train()), TEST, UnknownPolicy.FALLBACK);
        assertThat(r.rmse()).isCloseTo(Math.sqrt(25.0 / 3), within(1e-12));
        assertThat(r.mae()).isCloseTo(7.0 / 3, within(1e-12));
        assertThat(r.scored()).isEqualTo(3);
        assertThat(r.fallback()).isEqualTo(1);
    }

    @Test
    void unknownUserFailsUnderError() {
        assertThatThrownBy(() -> RatingEvaluator.evaluate(PopularityRecommender.fit(Fixtures.train()), TEST, UnknownPolicy.ERROR))
                .isInstanceOf(UnknownIdException.class).hasMessageContaining("user 9");
    }
}

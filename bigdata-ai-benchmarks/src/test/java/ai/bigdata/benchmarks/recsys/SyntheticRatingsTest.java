package ai.bigdata.benchmarks.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.recsys.DuplicatePolicy;
import ai.bigdata.recsys.Interactions;
import org.junit.jupiter.api.Test;

/** The synthetic MovieLens-shaped generator: exact size, no duplicate pairs, seeded, popular items first, typed errors. */
class SyntheticRatingsTest {

    private static Interactions generate(SyntheticRatings g) {
        try (Dataset d = g.write()) {
            return Interactions.from(d, DuplicatePolicy.ERROR);
        }
    }

    @Test
    void writesExactlyTheAskedRatingsWithoutDuplicatePairsAndRepeatsForASeed() {
        Interactions a = generate(new SyntheticRatings(300, 500, 20_000, 1.0, 7));
        Interactions b = generate(new SyntheticRatings(300, 500, 20_000, 1.0, 7));
        assertThat(a.size()).isEqualTo(20_000);
        assertThat(a.distinctUsers()).hasSize(300);
        int[] perItem = new int[501];
        for (int r = 0; r < a.size(); r++) {
            assertThat(a.item(r)).isBetween(1L, 500L);
            assertThat(a.rating(r)).isBetween(0.5f, 5f);
            assertThat(a.rating(r) * 2).isEqualTo(Math.round(a.rating(r) * 2));
            assertThat(a.user(r)).isEqualTo(b.user(r));
            assertThat(a.item(r)).isEqualTo(b.item(r));
            assertThat(a.rating(r)).isEqualTo(b.rating(r));
            perItem[(int) a.item(r)]++;
        }
        assertThat(perItem[1]).as("Zipf: item 1 the most popular").isGreaterThan(perItem[100]).isGreaterThan(perItem[400]);
        Interactions other = generate(new SyntheticRatings(300, 500, 20_000, 1.0, 8));
        boolean differs = false;
        for (int r = 0; r < a.size() && !differs; r++) {
            differs = a.item(r) != other.item(r);
        }
        assertThat(differs).as("another seed, other rows").isTrue();
    }

    @Test
    void theTwentyMillionShapeScalesUsersAndRatingsAndKeepsTheCatalogue() {
        Interactions small = generate(SyntheticRatings.movieLens20mShape(0.001, 42));
        assertThat(small.size()).isEqualTo(20_000);
        assertThat(small.distinctUsers()).hasSize(138);
    }

    @Test
    void impossibleShapesAreTypedErrors() {
        assertThatThrownBy(() -> new SyntheticRatings(0, 10, 5, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 user");
        assertThatThrownBy(() -> new SyntheticRatings(10, 10, 51, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("51 ratings do not fit 10 users of 10 items");
        assertThatThrownBy(() -> new SyntheticRatings(10, 10, 9, 1, 1)).hasMessageContaining("at least one per user");
        assertThatThrownBy(() -> new SyntheticRatings(10, 10, 20, Double.NaN, 1)).hasMessageContaining("zipf");
        assertThatThrownBy(() -> SyntheticRatings.movieLens20mShape(0, 1)).hasMessageContaining("scale must be in (0, 1]");
    }
}

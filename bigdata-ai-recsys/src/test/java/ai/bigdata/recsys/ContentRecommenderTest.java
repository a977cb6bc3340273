package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentRecommenderTest {
    @TempDir
    Path dir;

    /** Items 100 and 200 are about a and b, 300 about c, 400 and the cold item 500 (no interactions) about c and d. */
    static ItemFeatures features() {
        return ItemFeatures.of(Map.of(100L, List.of("a", "b"), 200L, List.of("a", "b"), 300L, List.of("c"), 400L, List.of("c", "d"),
                500L, List.of("c", "d")));
    }

    @Test
    void tfIdfVectorsHaveUnitLengthAndScikitLearnsSmoothIdf() {
        ItemFeatures f = ItemFeatures.of(Map.of(1L, List.of("x", "y"), 2L, List.of("x")));
        // n = 2; idf(x) = ln(3/3) + 1 = 1, idf(y) = ln(3/2) + 1; item 1 = (1, idf(y)) / |.|
        double idfY = Math.log(1.5) + 1;
        double norm = Math.sqrt(1 + idfY * idfY);
        float[] x = new float[f.dimension()];
        f.addTo(1L, 1, x);
        assertThat((double) x[0]).isCloseTo(1 / norm, within(1e-7));
        assertThat((double) x[1]).isCloseTo(idfY / norm, within(1e-7));
        assertThat(f.dot(2L, x)).isCloseTo(1 / norm, within(1e-7));
        assertThat(f.dot(3L, x)).isZero();
        assertThatThrownBy(() -> ItemFeatures.of(Map.of())).hasMessageContaining("at least one item");
        assertThatThrownBy(() -> ItemFeatures.of(Map.of(1L, List.of(" ")))).hasMessageContaining("item 1");
    }

    @Test
    void movieLensTitlesAndGenresBecomeTokens() {
        assertThat(ItemFeatures.movieTokens("Seven (a.k.a. Se7en) (1995)", "Mystery|Thriller"))
                .containsExactly("genre:Mystery", "genre:Thriller", "decade:1990", "title:seven", "title:se7en");
        assertThat(ItemFeatures.movieTokens("Tag", "(no genres listed)")).containsExactly("title:tag");
    }

    @Test
    void coldItemsAreRecommendedOnTheirContent() {
        ContentRecommender m = ContentRecommender.fit(Fixtures.train(), features());
        assertThat(m.catalogue()).containsExactly(100, 200, 300, 400, 500);
        assertThat(m.knowsItem(500)).isTrue();
        // user 3 saw 100, 300, 400 (all rated 5: a plain sum of their vectors); unseen: 200 (a, b) and 500 (c, d)
        List<ScoredItem> top = m.topK(3, 2);
        assertThat(top).extracting(ScoredItem::item).containsExactlyInAnyOrder(200L, 500L);
        assertThat(m.topK(1, 5)).extracting(ScoredItem::item).doesNotContain(100L, 200L);
        assertThat(m.similarItems(400, 4).get(0)).isEqualTo(new ScoredItem(500, 1.0f));
        assertThat(m.score(1, 300)).isZero();
    }

    @Test
    void ratingsBelowTheUsersMeanCountAgainstTheirFeatures() {
        Interactions train = Interactions.of(new long[] {1, 1, 2}, new long[] {100, 300, 200}, new float[] {5, 1, 4}, new long[3],
                DuplicatePolicy.ERROR);
        ContentRecommender m = ContentRecommender.fit(train, features());
        assertThat(m.score(1, 200)).isGreaterThan(0);
        assertThat(m.score(1, 400)).isLessThan(0);
        assertThat(m.topK(1, 1).get(0).item()).isEqualTo(200L);
    }

    @Test
    void theHybridMixesStandardisedScoresAndRanksColdItemsByContent() {
        Interactions train = Fixtures.train();
        ContentRecommender content = ContentRecommender.fit(train, features());
        Recommender collab = PopularityRecommender.fit(train, 4);
        HybridRecommender onlyContent = HybridRecommender.of(collab, content, 0);
        for (long user : new long[] {1, 2, 3}) {
            assertThat(onlyContent.topK(user, 3)).extracting(ScoredItem::item)
                    .containsExactlyElementsOf(content.topK(user, 3).stream().map(ScoredItem::item).toList());
        }
        HybridRecommender mixed = HybridRecommender.of(collab, content, 0.5);
        assertThat(mixed.catalogue()).contains(500L);
        assertThat(mixed.topK(1, 3)).extracting(ScoredItem::item).contains(500L);
        assertThat(mixed.name()).startsWith("hybrid (0.50 x popularity");
        assertThatThrownBy(() -> HybridRecommender.of(collab, content, 1.5)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> HybridRecommender.of(mixed, content, 0.5)).hasMessageContaining("single model");
        Interactions others = Interactions.of(new long[] {9}, new long[] {100}, new float[] {5}, new long[1], DuplicatePolicy.ERROR);
        assertThatThrownBy(() -> HybridRecommender.of(PopularityRecommender.fit(others, 4), content, 0.5))
                .hasMessageContaining("different users");
    }

    @Test
    void contentAndHybridModelsSaveAndLoadExactly() throws Exception {
        Interactions train = Fixtures.train();
        ContentRecommender content = ContentRecommender.fit(train, features());
        HybridRecommender hybrid = HybridRecommender.of(ExplicitAls.builder().rank(2).iterations(2).fit(train), content, 0.7);
        for (Recommender m : List.of(content, hybrid)) {
            Path f = dir.resolve(m.getClass().getSimpleName() + ".bin");
            m.save(f);
            Recommender back = RecommenderFiles.load(f);
            assertThat(back.name()).isEqualTo(m.name());
            assertThat(back.catalogue()).containsExactly(m.catalogue());
            for (long user : new long[] {1, 2, 3}) {
                assertThat(back.topK(user, 5)).isEqualTo(m.topK(user, 5));
            }
            assertThat(back.similarItems(400, 3)).isEqualTo(m.similarItems(400, 3));
            byte[] bytes = Files.readAllBytes(f);
            bytes[bytes.length / 2] ^= 1;
            Path altered = dir.resolve("altered.bin");
            Files.write(altered, bytes);
            assertThatThrownBy(() -> RecommenderFiles.load(altered)).isInstanceOf(RecommenderFileException.class);
        }
    }
}

package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.Concurrently;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ArrowLeakCheck.class)
class RecommenderServiceTest {
    @TempDir
    Path dir;

    /** Every answer the service gives for the planted data, users 0..41 (0 and 41 unknown) and items 99..220. */
    private static List<Object> answers(RecommenderService s) {
        List<Object> out = new ArrayList<>();
        for (long u = 0; u <= 41; u++) {
            out.add(s.knowsUser(u) || s.policy() != UnknownPolicy.ERROR ? s.topK(u, 7) : "unknown");
            for (long i : new long[] {99, 100, 107, 119, 200, 213, 219, 220}) {
                out.add(s.knowsUser(u) && s.knowsItem(i) || s.policy() != UnknownPolicy.ERROR ? s.score(u, i) : "unknown");
            }
        }
        for (long i = 100; i < 120; i++) {
            out.add(s.similarItems(i, 4));
            out.add(s.similarItems(i + 100, 4));
        }
        out.add(s.topKForUsers(new long[] {5, 1, 30, 5}, 3));
        return out;
    }

    @Test
    void eightThreadsGetExactlyTheSingleThreadedAnswers() throws Exception {
        // every kind of model the files hold
        List<Recommender> models = Fixtures.everyKind();
        for (Recommender m : models) {
            Path f = dir.resolve(m.getClass().getSimpleName() + ".recsys");
            m.save(f);
            for (UnknownPolicy policy : UnknownPolicy.values()) {
                RecommenderService s = RecommenderService.load(f, policy, 50);
                List<Object> single = answers(s);
                assertThat(single.get(1)).isEqualTo(policy == UnknownPolicy.ERROR ? "unknown" : s.score(0L, 99L));
                List<List<Object>> got = Concurrently.run(8, () -> {
                    List<Object> last = null;
                    for (int r = 0; r < 3; r++) {
                        last = answers(s);
                    }
                    return last;
                });
                for (List<Object> g : got) {
                    assertThat(g).as(m.name() + " " + policy).isEqualTo(single);
                }
                // and they are the model's own answers
                assertThat(s.topK(3L, 7)).isEqualTo(m.topK(3, 7, policy));
            }
        }
    }

    @Test
    void unknownIdsFollowThePolicy() {
        Path f = dir.resolve("pop.recsys");
        Recommender pop = PopularityRecommender.fit(TwoTowerTest.planted());
        pop.save(f);
        RecommenderService error = RecommenderService.load(f);
        assertThat(error.policy()).isEqualTo(UnknownPolicy.ERROR);
        assertThat(error.maxK()).isEqualTo(RecommenderService.DEFAULT_MAX_K);
        assertThatThrownBy(() -> error.topK(999L, 3)).isInstanceOf(UnknownIdException.class).hasMessageContaining("999");
        assertThatThrownBy(() -> error.score(1L, 999L)).isInstanceOf(UnknownIdException.class).hasMessageContaining("999");
        assertThatThrownBy(() -> error.similarItems(999L, 3)).isInstanceOf(UnknownIdException.class);
        RecommenderService skip = RecommenderService.load(f, UnknownPolicy.SKIP, 10);
        assertThat(skip.topK(999L, 3)).isEmpty();
        assertThat(skip.score(999L, 100L)).isEqualTo(OptionalDouble.empty());
        Map<Long, List<ScoredItem>> lists = skip.topKForUsers(new long[] {999, 1}, 2);
        assertThat(lists.keySet()).containsExactly(999L, 1L);
        assertThat(lists.get(999L)).isEmpty();
        RecommenderService fallback = RecommenderService.load(f, UnknownPolicy.FALLBACK, 10);
        assertThat(fallback.topK(999L, 3)).isEqualTo(pop.topK(999, 3, UnknownPolicy.FALLBACK)).hasSize(3);
        assertThatThrownBy(() -> fallback.similarItems(999L, 3)).isInstanceOf(UnknownIdException.class);
        assertThat(fallback.toString()).contains("FALLBACK", "maxK 10", f.toString());
    }

    @Test
    void hostileRequestsAreTypedErrors() throws Exception {
        Path f = dir.resolve("pop.recsys");
        PopularityRecommender.fit(TwoTowerTest.planted()).save(f);
        RecommenderService s = RecommenderService.load(f, UnknownPolicy.FALLBACK, 100);
        assertThatThrownBy(() -> s.topK(null, 3)).isInstanceOf(IllegalArgumentException.class).hasMessage("user is null");
        assertThatThrownBy(() -> s.score(null, 100L)).isInstanceOf(IllegalArgumentException.class).hasMessage("user is null");
        assertThatThrownBy(() -> s.score(1L, null)).isInstanceOf(IllegalArgumentException.class).hasMessage("item is null");
        assertThatThrownBy(() -> s.similarItems(null, 3)).isInstanceOf(IllegalArgumentException.class).hasMessage("item is null");
        assertThatThrownBy(() -> s.topKForUsers(null, 3)).isInstanceOf(IllegalArgumentException.class).hasMessage("users is null");
        for (int k : new int[] {0, -1, Integer.MIN_VALUE, 101, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> s.topK(1L, k)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("k must be in 1..100 (maxK of this service), got " + k);
            assertThatThrownBy(() -> s.similarItems(100L, k)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be");
            assertThatThrownBy(() -> s.topKForUsers(new long[] {1}, k)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("k must be");
        }
        assertThat(s.topK(1L, 100)).hasSize(40 - 8);
        assertThat(s.knowsUser(null)).isFalse();
        assertThat(s.knowsItem(null)).isFalse();
        assertThatThrownBy(() -> RecommenderService.load(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("file is null");
        assertThatThrownBy(() -> RecommenderService.load(f, null, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy is null");
        assertThatThrownBy(() -> RecommenderService.load(f, UnknownPolicy.SKIP, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxK must be at least 1");
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 1;
        Path bad = dir.resolve("bad.recsys");
        Files.write(bad, b);
        assertThatThrownBy(() -> RecommenderService.load(bad)).isInstanceOf(RecommenderFileException.class).hasMessageContaining(": altered");
    }
}

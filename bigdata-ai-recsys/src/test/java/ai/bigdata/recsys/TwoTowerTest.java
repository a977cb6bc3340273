package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.testing.ArrowLeakCheck;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ArrowLeakCheck.class)
class TwoTowerTest {
    @TempDir
    Path dir;

    static TwoTower.Builder small() {
        return TwoTower.builder().dimension(4).epochs(20).negatives(3).batchSize(64).learningRate(0.01).l2(0);
    }

    /**
     * Two tastes: users 1..20 rate 8 of the items 100..119, users 21..40 rate 8 of the items 200..219 (drawn with a
     * fixed seed); nothing crosses the groups.
     */
    static Interactions planted() {
        java.util.Random rnd = new java.util.Random(3);
        List<long[]> rows = new java.util.ArrayList<>();
        for (long u = 1; u <= 40; u++) {
            long base = u <= 20 ? 100 : 200;
            java.util.Set<Long> seen = new java.util.TreeSet<>();
            while (seen.size() < 8) {
                seen.add(base + rnd.nextInt(20));
            }
            for (long i : seen) {
                rows.add(new long[] {u, i});
            }
        }
        return Interactions.pairs(rows.stream().mapToLong(r -> r[0]).toArray(), rows.stream().mapToLong(r -> r[1]).toArray(),
                DuplicatePolicy.ERROR);
    }

    /**
     * Every user's best item and mean score are from their own group, and at least 90 % of all top-5 entries are (a
     * model that has not learnt the groups gets about half).
     */
    private static void assertGroupsLearned(Recommender m) {
        int own = 0;
        for (long u = 1; u <= 40; u++) {
            long base = u <= 20 ? 100 : 200;
            long other = u <= 20 ? 200 : 100;
            assertThat(m.topK(u, 1).get(0).item()).as("user " + u).isBetween(base, base + 19);
            own += (int) m.topK(u, 5).stream().filter(s -> s.item() >= base && s.item() < base + 20).count();
            double ownMean = 0;
            double otherMean = 0;
            for (long i = 0; i < 20; i++) {
                ownMean += m.score(u, base + i) / 20;
                otherMean += m.score(u, other + i) / 20;
            }
            assertThat(ownMean).as("user " + u).isGreaterThan(otherMean);
        }
        assertThat(own).isGreaterThanOrEqualTo(180);
        assertThat(m.similarItems(100, 5)).allSatisfy(s -> assertThat(s.item()).isBetween(101L, 119L));
        assertThat(m.similarItems(219, 5)).allSatisfy(s -> assertThat(s.item()).isBetween(200L, 218L));
    }

    @Test
    void learnsThePlantedGroups() {
        TwoTower m = small().fit(planted());
        assertGroupsLearned(m);
        assertThat(m.name()).contains("dimension 4", "20 epochs", "3 negatives");
    }

    @Test
    void itemFeaturesEnterTheItemTower() {
        // one token per group: the items of group 1 share "a", those of group 2 share "b"
        Map<Long, List<String>> tokens = new java.util.TreeMap<>();
        for (long i = 0; i < 20; i++) {
            tokens.put(100 + i, List.of("a"));
            tokens.put(200 + i, List.of("b"));
        }
        TwoTower plain = small().epochs(2).fit(planted());
        TwoTower m = small().epochs(2).itemFeatures(ItemFeatures.of(tokens)).fit(planted());
        assertThat(m.name()).contains("2 item features");
        assertThat(m.score(1, 105)).isNotEqualTo(plain.score(1, 105));
        assertGroupsLearned(small().itemFeatures(ItemFeatures.of(tokens)).fit(planted()));
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() {
        Interactions data = RecommenderTest.twoGroups();
        TwoTower a = small().epochs(3).fit(data);
        TwoTower b = small().epochs(3).fit(data);
        TwoTower c = small().epochs(3).seed(7).fit(data);
        boolean differs = false;
        for (long item : a.catalogue()) {
            assertThat(b.score(3, item)).isEqualTo(a.score(3, item));
            differs |= c.score(3, item) != a.score(3, item);
        }
        assertThat(differs).isTrue();
    }

    @Test
    void roundTripGivesIdenticalScoresAndDamageIsTyped() throws Exception {
        TwoTower m = small().epochs(3).fit(RecommenderTest.twoGroups());
        Path f = dir.resolve("tt.recsys");
        m.save(f);
        Recommender back = RecommenderFiles.load(f);
        assertThat(back).isInstanceOf(TwoTower.class);
        assertThat(back.name()).isEqualTo(m.name());
        for (long u = 1; u <= 12; u++) {
            for (long item : m.catalogue()) {
                assertThat(back.score(u, item)).isEqualTo(m.score(u, item));
            }
            assertThat(back.topK(u, 5)).isEqualTo(m.topK(u, 5));
        }
        assertThat(back.similarItems(21, 3)).isEqualTo(m.similarItems(21, 3));
        byte[] full = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.recsys");
        for (int len = 0; len < full.length; len += 7) {
            Files.write(cut, java.util.Arrays.copyOf(full, len));
            assertThatThrownBy(() -> RecommenderFiles.load(cut)).isInstanceOf(RecommenderFileException.class);
        }
        byte[] altered = full.clone();
        altered[full.length - 40] ^= 0x21;
        Files.write(cut, altered);
        assertThatThrownBy(() -> RecommenderFiles.load(cut)).isInstanceOf(RecommenderFileException.class)
                .hasMessageContaining("altered");
        // a resealed bundle whose state is inconsistent: the dimension (first int of the state) set to 5
        BundleEdits.part(f, cut, "state.bin", b -> {
            assertThat(ByteBuffer.wrap(b).getInt(0)).isEqualTo(4);
            ByteBuffer.wrap(b).putInt(0, 5);
            return b;
        });
        assertThatThrownBy(() -> RecommenderFiles.load(cut)).isInstanceOf(RecommenderFileException.class)
                .hasMessageContaining("two-tower state does not match");
    }

    @Test
    void badArgumentsAreTypedErrorsNamingTheArgument() {
        assertThatThrownBy(() -> TwoTower.builder().dimension(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rank");
        assertThatThrownBy(() -> TwoTower.builder().epochs(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epochs");
        assertThatThrownBy(() -> TwoTower.builder().negatives(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negatives");
        assertThatThrownBy(() -> TwoTower.builder().negatives(101)).hasMessageContaining("negatives");
        assertThatThrownBy(() -> TwoTower.builder().learningRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learningRate");
        assertThatThrownBy(() -> TwoTower.builder().l2(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("l2");
        assertThatThrownBy(() -> TwoTower.builder().batchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> TwoTower.builder().positiveThreshold(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> TwoTower.builder().itemFeatures(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("itemFeatures");
        assertThatThrownBy(() -> TwoTower.builder().fit(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("train");
        assertThatThrownBy(() -> TwoTower.builder().positiveThreshold(6).fit(Fixtures.train()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no positive");
        TwoTower m = small().epochs(1).fit(RecommenderTest.twoGroups());
        assertThatThrownBy(() -> m.topK(99, 3)).isInstanceOf(UnknownIdException.class).hasMessageContaining("99");
        assertThatThrownBy(() -> m.topK(1, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be");
        assertThatThrownBy(() -> m.similarItems(99, 3)).isInstanceOf(UnknownIdException.class);
    }
}

package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionSplitterTest {
    /** 5 rows of user 1 (items 1..5, times 10..50), 2 rows of user 2 (items 1, 2, times 5, 5), 1 row of user 3. */
    private static Interactions data() {
        return Interactions.of(new long[] {1, 1, 1, 1, 1, 2, 2, 3}, new long[] {1, 2, 3, 4, 5, 1, 2, 1},
                new float[] {1, 2, 3, 4, 5, 1, 2, 3}, new long[] {10, 20, 30, 40, 50, 5, 5, 60}, DuplicatePolicy.ERROR);
    }

    private static List<String> rows(Interactions x) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < x.size(); r++) {
            out.add(x.user(r) + ":" + x.item(r));
        }
        return out;
    }

    private static void assertPartition(InteractionSplit s, Interactions all) {
        List<String> union = new ArrayList<>(rows(s.train()));
        union.addAll(rows(s.test()));
        assertThat(union).containsExactlyInAnyOrderElementsOf(rows(all));
        assertThat(rows(s.train())).doesNotContainAnyElementsOf(rows(s.test()));
    }

    @Test
    void randomIsSizedDisjointAndReproducible() {
        Interactions all = data();
        InteractionSplit a = InteractionSplitter.random(all, 0.25, 42);
        assertThat(a.test().size()).isEqualTo(2); // round(8 * 0.25)
        assertPartition(a, all);
        assertThat(rows(InteractionSplitter.random(all, 0.25, 42).test())).isEqualTo(rows(a.test()));
        // every seed gives a partition of the same size; seeds 1..20 do not all pick the same rows
        List<List<String>> tests = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            InteractionSplit s = InteractionSplitter.random(all, 0.25, seed);
            assertPartition(s, all);
            tests.add(rows(s.test()));
        }
        assertThat(tests.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void perUserHoldoutTakesRoundedShareAndLeavesOneInTrain() {
        Interactions all = data();
        InteractionSplit s = InteractionSplitter.perUser(all, 0.4, 7);
        assertPartition(s, all);
        // user 1: round(5 * 0.4) = 2; user 2: min(2 - 1, round(0.8)) = 1; user 3: min(0, ...) = 0
        assertThat(rows(s.test()).stream().filter(r -> r.startsWith("1:")).count()).isEqualTo(2);
        assertThat(rows(s.test()).stream().filter(r -> r.startsWith("2:")).count()).isEqualTo(1);
        assertThat(rows(s.train())).contains("3:1");
        assertThat(rows(InteractionSplitter.perUser(all, 0.4, 7).test())).isEqualTo(rows(s.test()));
    }

    @Test
    void temporalCutsAtTheTimestamp() {
        InteractionSplit s = InteractionSplitter.temporal(data(), 40);
        assertThat(rows(s.test())).containsExactly("1:4", "1:5", "3:1");
        assertThat(rows(s.train())).containsExactly("1:1", "1:2", "1:3", "2:1", "2:2");
    }

    @Test
    void leaveLastNTakesTheLatestPerUserAndTheLaterRowOnTies() {
        InteractionSplit s = InteractionSplitter.leaveLastN(data(), 1);
        // user 1: time 50 (item 5); user 2: equal times 5, 5 -> the later row (item 2); user 3 has only 1 row: kept in train
        assertThat(rows(s.test())).containsExactly("1:5", "2:2");
        assertThat(rows(InteractionSplitter.leaveLastN(data(), 2).test())).containsExactly("1:4", "1:5");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> InteractionSplitter.random(data(), 1.0, 1)).hasMessageContaining("(0, 1), got 1.0");
        assertThatThrownBy(() -> InteractionSplitter.perUser(data(), Double.NaN, 1)).hasMessageContaining("got NaN");
        assertThatThrownBy(() -> InteractionSplitter.leaveLastN(data(), 0)).hasMessageContaining("at least 1");
    }
}

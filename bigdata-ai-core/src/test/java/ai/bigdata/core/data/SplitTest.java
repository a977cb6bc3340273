package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArrowLeakCheck.class)
class SplitTest {

    static List<Long> ids(Dataset d, String column) {
        List<Long> out = new ArrayList<>();
        d.forEachRow(r -> {
            out.add((long) r.getDouble(column));
        });
        return out;
    }

    private static Dataset ratings(int rows) {
        try (Dataset all = Dataset.readCsv(SharedData.file("movielens-small/ratings.csv")).chunkRows(3_000).read()) {
            return all.head(rows);
        }
    }

    /** Tags every row with its position so that parts can be checked for disjointness and cover. */
    private static Dataset olive() {
        return Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").chunkRows(100).read();
    }

    @Test
    void fractionsAreDisjointCoverAndReproducible() {
        try (Dataset d = ratings(10_000)) {
            Split a = d.split().train(0.7).validation(0.15).test(0.15).seed(7).build();
            Split b = d.split().train(0.7).validation(0.15).test(0.15).seed(7).build();
            try (a; b) {
                assertThat(a.train().rowCount()).isEqualTo(7000);
                assertThat(a.validation().rowCount()).isEqualTo(1500);
                assertThat(a.test().rowCount()).isEqualTo(1500);
                assertThat(a.train().summary().toString()).isEqualTo(b.train().summary().toString());
                assertDisjointCover(d, a);
            }
        }
    }

    private static void assertDisjointCover(Dataset d, Split s) {
        // rows are unique by (userId, movieId) in MovieLens
        Set<Long> all = new HashSet<>();
        long total = 0;
        for (Dataset part : List.of(s.train(), s.validation(), s.test())) {
            List<Long> u = ids(part, "userId");
            List<Long> m = ids(part, "movieId");
            for (int i = 0; i < u.size(); i++) {
                assertThat(all.add(u.get(i) * 1_000_000 + m.get(i))).isTrue();
            }
            total += u.size();
        }
        assertThat(total).isEqualTo(d.rowCount());
    }

    @Test
    void stratifiedSplitKeepsClassShares() {
        try (Dataset o = olive(); Split s = o.split().train(0.6).validation(0.2).test(0.2).stratifyBy("area").seed(1).build()) {
            Map<String, Long> all = counts(o);
            Map<String, Long> train = counts(s.train());
            for (Map.Entry<String, Long> e : all.entrySet()) {
                assertThat((double) train.getOrDefault(e.getKey(), 0L)).isCloseTo(0.6 * e.getValue(), org.assertj.core.data.Offset.offset(1.0));
            }
            assertThat(s.train().rowCount() + s.validation().rowCount() + s.test().rowCount()).isEqualTo(572);
        }
    }

    private static Map<String, Long> counts(Dataset d) {
        Map<String, Long> c = new HashMap<>();
        d.forEachRow(r -> {
            c.merge(r.getString("area"), 1L, Long::sum);
        });
        return c;
    }

    @Test
    void groupedSplitKeepsEveryUserOnOneSide() {
        try (Dataset d = ratings(20_000); Split s = d.split().train(0.8).test(0.2).groupBy("userId").seed(3).build()) {
            Set<Long> trainUsers = new HashSet<>(ids(s.train(), "userId"));
            Set<Long> testUsers = new HashSet<>(ids(s.test(), "userId"));
            assertThat(trainUsers).doesNotContainAnyElementsOf(testUsers);
            assertThat(s.train().rowCount() + s.test().rowCount()).isEqualTo(20_000);
            assertThat((double) s.train().rowCount() / 20_000).isBetween(0.6, 0.95);
        }
    }

    @Test
    void timeSplitPutsEverythingBeforeTheCutOffInTrain() {
        try (Dataset d = ratings(10_000); Split s = d.split().byTime("timestamp", 1.2e9, 1.3e9).build()) {
            assertThat(ids(s.train(), "timestamp")).allMatch(t -> t < 1.2e9);
            assertThat(ids(s.validation(), "timestamp")).allMatch(t -> t >= 1.2e9 && t < 1.3e9);
            assertThat(ids(s.test(), "timestamp")).allMatch(t -> t >= 1.3e9);
            assertThat(s.train().rowCount() + s.validation().rowCount() + s.test().rowCount()).isEqualTo(10_000);
        }
    }

    @Test
    void kFoldPutsEveryRowInExactlyOneValidationFold() {
        try (Dataset o = olive()) {
            Folds folds = o.kFold(5).stratifyBy("area").seed(11).build();
            long total = 0;
            for (int i = 0; i < 5; i++) {
                try (Split f = folds.fold(i)) {
                    assertThat(f.train().rowCount() + f.validation().rowCount()).isEqualTo(572);
                    assertThat(f.validation().rowCount()).isBetween(113L, 116L);
                    total += f.validation().rowCount();
                }
            }
            assertThat(total).isEqualTo(572);
        }
    }

    @Test
    void badSplitArgumentsAreExplained() {
        try (Dataset o = olive()) {
            assertThatThrownBy(() -> o.split().train(1.5)).hasMessageContaining("train fraction must be in [0, 1], got 1.5");
            assertThatThrownBy(() -> o.split().train(0.5).validation(0.3).test(0.3).build())
                    .hasMessageContaining("must be 1");
            assertThatThrownBy(() -> o.kFold(1)).hasMessageContaining("k >= 2");
            assertThatThrownBy(() -> o.split().byTime("area", 1.0)).hasMessageContaining("numeric");
        }
    }
}

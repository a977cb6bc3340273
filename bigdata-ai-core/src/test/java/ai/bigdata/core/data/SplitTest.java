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
            // 572 rows: 343.2, 114.4, 114.4 by largest remainder (ties to the earlier part)
            assertThat(s.train().rowCount()).isEqualTo(343);
            assertThat(s.validation().rowCount()).isEqualTo(115);
            assertThat(s.test().rowCount()).isEqualTo(114);
        }
    }

    private static Dataset keyed(int[] classSizes) {
        Schema schema = Schema.of(Column.of("key", ColumnType.INT32));
        Dataset.RowsBuilder b = Dataset.builder(schema);
        for (int k = 0; k < classSizes.length; k++) {
            for (int i = 0; i < classSizes[k]; i++) {
                b.add(k);
            }
        }
        return b.build();
    }

    private static Set<Integer> keys(Dataset d) {
        Set<Integer> out = new HashSet<>();
        d.forEachRow(r -> out.add((int) r.getDouble("key")));
        return out;
    }

    @Test
    void stratifiedPartsHaveTheAskedSizesNotARoundingPerClass() {
        // 200 classes of 10 rows: rounding each class alone gave 7 / 2 / 1 rows, so 1400 / 400 / 200
        int[] sizes = new int[200];
        java.util.Arrays.fill(sizes, 10);
        try (Dataset d = keyed(sizes);
             Split s = d.split().train(0.7).validation(0.15).test(0.15).stratifyBy("key").seed(5).build()) {
            assertThat(s.train().rowCount()).isEqualTo(1400);
            assertThat(s.validation().rowCount()).isEqualTo(300);
            assertThat(s.test().rowCount()).isEqualTo(300);
            assertDisjointCoverOf(d, s);
        }
    }

    @Test
    void classesOfOneOrTwoRowsReachValidationAndTest() {
        // 100 classes of one row (keys 0..99) and 100 of two rows (keys 100..199): 300 rows
        int[] sizes = new int[200];
        java.util.Arrays.fill(sizes, 0, 100, 1);
        java.util.Arrays.fill(sizes, 100, 200, 2);
        try (Dataset d = keyed(sizes);
             Split s = d.split().train(0.6).validation(0.2).test(0.2).stratifyBy("key").seed(5).build()) {
            assertThat(s.train().rowCount()).isEqualTo(180);
            assertThat(s.validation().rowCount()).isEqualTo(60);
            assertThat(s.test().rowCount()).isEqualTo(60);
            for (Dataset part : List.of(s.validation(), s.test())) {
                assertThat(keys(part)).anyMatch(k -> k < 100).anyMatch(k -> k >= 100);
            }
            // a class of two rows never puts both into the same part (its exact shares are 1.2, 0.4, 0.4)
            Map<Integer, Integer> trainCounts = new HashMap<>();
            s.train().forEachRow(r -> trainCounts.merge((int) r.getDouble("key"), 1, Integer::sum));
            assertThat(trainCounts.values()).allMatch(c -> c <= 2);
            assertDisjointCoverOf(d, s);
        }
    }

    private static void assertDisjointCoverOf(Dataset d, Split s) {
        Map<Integer, Integer> all = new HashMap<>();
        for (Dataset part : List.of(s.train(), s.validation(), s.test())) {
            part.forEachRow(r -> all.merge((int) r.getDouble("key"), 1, Integer::sum));
        }
        Map<Integer, Integer> expected = new HashMap<>();
        d.forEachRow(r -> expected.merge((int) r.getDouble("key"), 1, Integer::sum));
        assertThat(all).isEqualTo(expected);
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
            // groups are placed whole by where their middle falls, so train is 80 % give or take half the largest group
            Map<Long, Integer> groupSizes = new HashMap<>();
            for (long u : ids(d, "userId")) {
                groupSizes.merge(u, 1, Integer::sum);
            }
            int largest = groupSizes.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertThat((double) s.train().rowCount()).isBetween(16_000 - largest / 2.0, 16_000 + largest / 2.0);
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
                    // round-robin across strata: 572 rows in 5 folds of 114 or 115
                    assertThat(f.validation().rowCount()).isBetween(114L, 115L);
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

package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;

/** Whatever the data, split parts and folds are disjoint, cover every row, and are reproducible. */
class SplitPropertiesTest {

    private static Dataset table(List<Integer> labels, int chunkRows) {
        Schema s = Schema.of(Column.of("id", ColumnType.INT32, ColumnRole.ID), Column.of("key", ColumnType.INT32));
        Dataset.RowsBuilder b = Dataset.builder(s).chunkRows(chunkRows);
        for (int i = 0; i < labels.size(); i++) {
            b.add(i, labels.get(i));
        }
        return b.build();
    }

    private static List<Integer> ids(Dataset d) {
        List<Integer> out = new ArrayList<>();
        d.forEachRow(r -> out.add((int) r.getDouble("id")));
        return out;
    }

    @Property(tries = 200)
    void splitsAreDisjointCoveringAndReproducible(@ForAll @Size(max = 120) List<@IntRange(min = 0, max = 4) Integer> keys,
                                                  @ForAll @IntRange(min = 1, max = 50) int chunkRows,
                                                  @ForAll @IntRange(min = 0, max = 100) int trainPercent,
                                                  @ForAll @IntRange(min = 0, max = 100) int validationPercent,
                                                  @ForAll @IntRange(min = 0, max = 2) int mode,
                                                  @ForAll long seed) {
        double train = trainPercent / 100.0;
        double validation = Math.min(validationPercent / 100.0, 1 - train);
        try (Dataset d = table(keys, chunkRows)) {
            Splitter.Builder b = d.split().train(train).validation(validation).seed(seed);
            if (mode == 1) {
                b.stratifyBy("key");
            } else if (mode == 2) {
                b.groupBy("key");
            }
            try (Split s = b.build(); Split again = b.build()) {
                Set<Integer> all = new HashSet<>();
                int total = 0;
                for (Dataset part : List.of(s.train(), s.validation(), s.test())) {
                    for (int id : ids(part)) {
                        assertThat(all.add(id)).isTrue();
                        total++;
                    }
                }
                assertThat(total).isEqualTo(keys.size());
                assertThat(ids(again.train())).isEqualTo(ids(s.train()));
                assertThat(ids(again.test())).isEqualTo(ids(s.test()));
                if (mode == 2) {
                    Set<Integer> trainKeys = new HashSet<>();
                    s.train().forEachRow(r -> trainKeys.add((int) r.getDouble("key")));
                    s.test().forEachRow(r -> assertThat(trainKeys).doesNotContain((int) r.getDouble("key")));
                }
            }
        }
    }

    @Property(tries = 300)
    void stratifiedPartSizesMatchTheFractionsOverallAndPerStratum(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 30) Integer> keys,
            @ForAll @IntRange(min = 0, max = 100) int trainPercent,
            @ForAll @IntRange(min = 0, max = 100) int validationPercent,
            @ForAll long seed) {
        double train = trainPercent / 100.0;
        double validation = Math.min(validationPercent / 100.0, 1 - train);
        double[] f = {train, validation, Math.max(0, 1 - train - validation)};
        try (Dataset d = table(keys, 16);
             Split s = d.split().train(train).validation(validation).stratifyBy("key").seed(seed).build()) {
            List<Dataset> parts = List.of(s.train(), s.validation(), s.test());
            // overall: exactly the sizes of a plain split, so within one row of n * fraction
            int[] expected = RowAssignment.sizes(keys.size(), f);
            for (int p = 0; p < 3; p++) {
                assertThat(parts.get(p).rowCount()).as("part %d", p).isEqualTo(expected[p]);
                assertThat(Math.abs(parts.get(p).rowCount() - keys.size() * f[p])).isLessThan(1.0);
            }
            // per stratum: within one row of the stratum's exact share
            java.util.Map<Integer, Long> sizes = new java.util.HashMap<>();
            keys.forEach(k -> sizes.merge(k, 1L, Long::sum));
            for (int p = 0; p < 3; p++) {
                java.util.Map<Integer, Long> counts = new java.util.HashMap<>();
                parts.get(p).forEachRow(r -> counts.merge((int) r.getDouble("key"), 1L, Long::sum));
                for (java.util.Map.Entry<Integer, Long> e : sizes.entrySet()) {
                    double exact = e.getValue() * f[p];
                    assertThat((double) counts.getOrDefault(e.getKey(), 0L)).as("stratum %d in part %d", e.getKey(), p)
                            .isBetween(exact - 1, exact + 1);
                }
            }
        }
    }

    @Property(tries = 100)
    void foldsPutEveryRowInExactlyOneValidationPart(@ForAll @Size(min = 10, max = 120) List<@IntRange(min = 0, max = 3) Integer> keys,
                                                    @ForAll @IntRange(min = 2, max = 6) int k,
                                                    @ForAll boolean stratified,
                                                    @ForAll long seed) {
        try (Dataset d = table(keys, 17)) {
            Folds.Builder b = d.kFold(k).seed(seed);
            if (stratified) {
                b.stratifyBy("key");
            }
            Folds folds = b.build();
            List<Integer> seen = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                try (Split f = folds.fold(i)) {
                    assertThat(f.train().rowCount() + f.validation().rowCount()).isEqualTo(keys.size());
                    seen.addAll(ids(f.validation()));
                }
            }
            assertThat(seen).hasSize(keys.size()).doesNotHaveDuplicates();
        }
    }

    @AfterProperty
    void noArrowMemoryLeft() {
        assertThat(Memory.allocatedBytes()).isZero();
    }
}

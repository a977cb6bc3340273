package ai.bigdata.core.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArrowLeakCheck.class)
class HashingAndBucketsTest {

    @Test
    void hashingTurnsHighCardinalityTextIntoAFixedNumberOfColumns() {
        try (Dataset g = Dataset.readCsv(SharedData.file("tabular/gapminder.csv")).read()) {
            Transform t = Encode.hashing(16, "country").fit(g);
            try (Dataset hashed = t.apply(g)) {
                assertThat(hashed.schema().size()).isEqualTo(g.schema().size() - 1 + 16);
                double[] perRow = new double[1];
                hashed.forEachRow(r -> {
                    double s = 0;
                    for (int k = 0; k < 16; k++) {
                        s += r.getDouble("country#" + k);
                    }
                    perRow[0] = Math.max(perRow[0], Math.abs(s - 1));
                });
                assertThat(perRow[0]).isZero();
                // the same country always lands in the same bucket, across JSON and fresh instances
                HashingTransform back = (HashingTransform) TransformJson.read(TransformJson.write(t));
                assertThat(back.bucket("Albania")).isEqualTo(((HashingTransform) t).bucket("Albania"));
            }
        }
    }

    @Test
    void quantileBucketsHoldAboutEqualCounts() {
        try (Dataset r = Dataset.readCsv(SharedData.file("movielens-small/ratings.csv")).read()) {
            BucketTransform t = (BucketTransform) Bucketize.quantiles(4).columns("timestamp").fit(r);
            assertThat(t.cuts("timestamp")).hasSize(3).isSorted();
            Map<Integer, Integer> counts = new HashMap<>();
            try (Dataset b = t.apply(r)) {
                b.forEachRow(row -> counts.merge((int) row.getDouble("timestamp"), 1, Integer::sum));
            }
            assertThat(counts.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3);
            counts.values().forEach(c -> assertThat(c).isBetween(24_000, 26_100));
            BucketTransform fixed = (BucketTransform) Bucketize.edges(2.5, 4.0).columns("rating").fit(r);
            try (Dataset b = fixed.apply(r)) {
                b.forEachRow(row -> {
                    assertThat(row.getDouble("rating")).isBetween(0.0, 2.0);
                });
            }
            assertThatThrownBy(() -> Bucketize.quantiles(1)).hasMessageContaining("k >= 2");
        }
    }
}

package ai.bigdata.core.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
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
    void quantileBucketsHoldEqualCountsAndFixedEdgesCountTheCutsAtOrBelow() {
        try (Dataset r = Dataset.readCsv(SharedData.file("movielens-small/ratings.csv")).read()) {
            // reference: numpy's linear quantiles of the 100,004 timestamps (computed with Python's
            // statistics.quantiles(method="inclusive")), and the bucket counts they give
            BucketTransform t = (BucketTransform) Bucketize.quantiles(4).columns("timestamp").fit(r);
            assertThat(t.cuts("timestamp")).containsExactly(965_847_824.0, 1_110_421_822.0, 1_296_192_495.5);
            assertThat(bucketCounts(t, r, "timestamp")).containsExactly(25_001, 25_001, 25_001, 25_001);
            // fixed edges: the bucket is the number of edges at or below the value (2.5 -> 1, 4.0 -> 2)
            BucketTransform fixed = (BucketTransform) Bucketize.edges(4.0, 2.5).columns("rating").fit(r);
            assertThat(fixed.cuts("rating")).containsExactly(2.5, 4.0);
            List<Double> ratings = new ArrayList<>();
            r.forEachRow(row -> ratings.add(row.getDouble("rating")));
            List<Double> buckets = new ArrayList<>();
            try (Dataset b = fixed.apply(r)) {
                b.forEachRow(row -> buckets.add(row.getDouble("rating")));
            }
            assertThat(buckets).hasSize(100_004);
            for (int i = 0; i < buckets.size(); i++) {
                double rating = ratings.get(i);
                double expected = rating < 2.5 ? 0 : rating < 4.0 ? 1 : 2;
                assertThat(buckets.get(i)).as("row %d, rating %s", i, rating).isEqualTo(expected);
            }
            // counted with Python's csv module: 13,385 ratings below 2.5, 35,051 from 2.5 to 3.5, 51,568 of 4 or more
            assertThat(bucketCounts(fixed, r, "rating")).containsExactly(13_385, 35_051, 51_568);
            assertThatThrownBy(() -> Bucketize.quantiles(1)).hasMessageContaining("k >= 2");
        }
    }

    private static int[] bucketCounts(BucketTransform t, Dataset data, String column) {
        int[] counts = new int[t.cuts(column).length + 1];
        try (Dataset b = t.apply(data)) {
            b.forEachRow(row -> counts[(int) row.getDouble(column)]++);
        }
        return counts;
    }
}

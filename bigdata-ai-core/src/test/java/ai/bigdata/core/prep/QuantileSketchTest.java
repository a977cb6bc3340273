package ai.bigdata.core.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.apache.datasketches.kll.KllSketch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Quantiles from a KLL sketch for data larger than the heap, and the early failure of the exact path. */
@ExtendWith(ArrowLeakCheck.class)
class QuantileSketchTest {
    /** DataSketches' documented normalised rank error of a single quantile query at k = 200 (99 % confidence). */
    private static final double EPS = KllSketch.getNormalizedRankError(200, false);

    private static Dataset ratings() {
        return Dataset.readCsv(SharedData.file("movielens-small/ratings.csv")).read();
    }

    private static double[] sorted(Dataset d, String column) {
        double[] v = new double[(int) d.rowCount()];
        int[] at = {0};
        d.forEachRow(r -> v[at[0]++] = r.getDouble(column));
        Arrays.sort(v);
        return v;
    }

    /** Asserts that {@code estimate}'s normalised rank in {@code sorted} is within {@link #EPS} of {@code q}. */
    private static void assertRankWithinError(double[] sorted, double estimate, double q, String what) {
        int below = 0;
        while (below < sorted.length && sorted[below] < estimate) {
            below++;
        }
        int atOrBelow = below;
        while (atOrBelow < sorted.length && sorted[atOrBelow] == estimate) {
            atOrBelow++;
        }
        // estimate is a value seen; its ranks span [below, atOrBelow] / n, which must reach q +- eps
        assertThat((double) below / sorted.length).as(what + ": rank below " + estimate).isLessThanOrEqualTo(q + EPS);
        assertThat((double) atOrBelow / sorted.length).as(what + ": rank at or below " + estimate).isGreaterThanOrEqualTo(q - EPS);
    }

    /** The value of normalised rank {@code r} in {@code sorted}. */
    private static double at(double[] sorted, double r) {
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.floor(r * sorted.length)))];
    }

    @Test
    void sketchedQuantilesAreWithinTheDocumentedRankErrorOnRealData() {
        assertThat(EPS).isBetween(0.01, 0.02);
        try (Dataset d = ratings()) {
            for (String c : new String[] {"timestamp", "movieId"}) {
                double[] exact = sorted(d, c);
                AffineTransform robust = Scale.robust().sketch().columns(c).fit(d);
                assertRankWithinError(exact, robust.center(c), 0.5, c + " median (robust scaling)");
                assertRankWithinError(exact, Impute.median().sketch().columns(c).fit(d).value(c), 0.5, c + " median (imputation)");
                double[] cuts = Bucketize.quantiles(4).sketch().columns(c).fit(d).cuts(c);
                for (int i = 0; i < 3; i++) {
                    assertRankWithinError(exact, cuts[i], 0.25 * (i + 1), c + " quartile " + (i + 1));
                }
                // the scale is q75 - q25 of the sketch: between the narrowest and widest gaps the rank error allows
                double narrow = at(exact, 0.75 - EPS) - at(exact, 0.25 + EPS);
                double wide = at(exact, 0.75 + EPS) - at(exact, 0.25 - EPS);
                assertThat(robust.scale(c)).isBetween(narrow, wide);
            }
        }
    }

    @Test
    void sketchesOfPartsMergeIntoASketchOfTheWhole() {
        try (Dataset d = ratings()) {
            double[] values = sorted(d, "timestamp");
            NumericStatistics a = NumericStatistics.sketched(200);
            NumericStatistics b = NumericStatistics.sketched(200);
            a.addAll(Arrays.copyOfRange(values, 0, values.length / 3), values.length / 3);
            for (int i = values.length / 3; i < values.length; i++) {
                b.add(values[i]);
            }
            NumericStatistics all = a.merge(b);
            assertThat(all.count()).isEqualTo(values.length);
            for (double q : new double[] {0.1, 0.5, 0.9}) {
                assertRankWithinError(values, all.quantile(q), q, "merged q" + q);
            }
        }
    }

    @Test
    void theExactPathFailsEarlyWithAMessageWhenItCannotFitTheHeap() {
        Dataset.RowsBuilder b = Dataset.builder(Schema.of(Column.of("x", ColumnType.FLOAT64), Column.of("y", ColumnType.FLOAT64)));
        for (int i = 0; i < 1000; i++) {
            b.add((double) i, (double) (i % 7));
        }
        LongSupplier real = QuantileSketch.heapLimit;
        try (Dataset d = b.build()) {
            QuantileSketch.heapLimit = () -> 10_000;
            assertThatThrownBy(() -> Scale.robust().columns("x").fit(d)).isInstanceOf(PreprocessingException.class)
                    .hasMessage("column 'x': robust scaling keeps every value for exact quantiles: 1,000 rows x 1 column(s) x 8 bytes"
                            + " = 8,000 bytes, more than half the heap's maximum of 10,000 bytes; use Scale.robust().sketch()"
                            + " (a fixed-size KLL sketch, approximate), or a larger -Xmx");
            assertThatThrownBy(() -> Impute.median().fit(d)).isInstanceOf(PreprocessingException.class)
                    .hasMessage("median imputation keeps every value for exact quantiles: 1,000 rows x 2 column(s) x 8 bytes"
                            + " = 16,000 bytes, more than half the heap's maximum of 10,000 bytes; use Impute.median().sketch()"
                            + " (a fixed-size KLL sketch, approximate), or a larger -Xmx");
            assertThatThrownBy(() -> Bucketize.quantiles(4).fit(d)).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("use Bucketize.quantiles(k).sketch()");
            // the sketch needs no such memory
            AffineTransform sketched = Scale.robust().sketch().fit(d);
            assertThat(sketched.center("y")).isEqualTo(3.0);
            assertThat(sketched.toString()).isEqualTo("robust scaling (KLL sketch, k=200) of [x, y]");
            // and says so in its JSON, which loads back to the same step
            assertThat(TransformJson.write(sketched)).contains("\"name\" : \"robust scaling (KLL sketch, k=200)\"");
            ImputeTransform median = Impute.median().sketch(64).fit(d);
            assertThat(TransformJson.write(median)).contains("\"approximation\" : \"KLL sketch, k=64\"");
            assertThat(((ImputeTransform) TransformJson.read(TransformJson.write(median))).approximation()).isEqualTo("KLL sketch, k=64");
            assertThat(((BucketTransform) TransformJson.read(TransformJson.write(Bucketize.quantiles(3).sketch().fit(d))))
                    .approximation()).isEqualTo("KLL sketch, k=200");
        } finally {
            QuantileSketch.heapLimit = real;
        }
    }

    @Test
    void onlyQuantileStepsTakeASketch() {
        assertThatThrownBy(() -> Scale.standard().sketch()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only robust scaling uses quantiles");
        assertThatThrownBy(() -> Impute.mean().sketch()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only median imputation");
        assertThatThrownBy(() -> Bucketize.edges(1, 2).sketch()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scale.robust().sketch(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a KLL sketch needs 8 <= k <= 65535, got 4");
    }
}

package ai.bigdata.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The areas of large score sets, walked in two bands on two threads, equal those of one walk and the
 * exact Mann-Whitney count; the float store's scores, counted as they come in, sort as {@code Arrays.sort}
 * sorts them.
 */
class CurveAreasTest {
    private static final int ROWS = 4 * ClassScores.PARALLEL_PART;

    /** Scores of {@link #ROWS} rows; {@code levels} > 0 rounds them to that many values (ties across classes). */
    private static ClassScores scores(long seed, int levels, double positiveShare, double shift, boolean[] positive, float[] values) {
        Random rnd = new Random(seed);
        ClassScores s = ClassScores.floats(ROWS / 3); // grows on the way
        for (int r = 0; r < ROWS; r++) {
            positive[r] = rnd.nextDouble() < positiveShare;
            double z = rnd.nextGaussian() + (positive[r] ? shift : 0);
            float p = (float) (1 / (1 + Math.exp(-z)));
            values[r] = levels > 0 ? Math.round(p * levels) / (float) levels : p;
            s.add(positive[r], values[r]);
        }
        s.sort(new int[s.sortBufferLength()], new int[s.spareBufferLength()]);
        return s;
    }

    /** P(positive score > negative score) + half P(equal), by counting over sorted negatives. */
    private static double mannWhitney(boolean[] positive, float[] values, boolean swap) {
        float[] pos = new float[ROWS];
        float[] neg = new float[ROWS];
        int p = 0;
        int n = 0;
        for (int r = 0; r < ROWS; r++) {
            boolean isPositive = positive[r] != swap;
            float v = swap ? -values[r] : values[r];
            if (isPositive) {
                pos[p++] = v;
            } else {
                neg[n++] = v;
            }
        }
        float[] sortedNeg = Arrays.copyOf(neg, n);
        Arrays.sort(sortedNeg);
        double wins = 0;
        for (int i = 0; i < p; i++) {
            int below = lowerBound(sortedNeg, pos[i]);
            int notAbove = upperBound(sortedNeg, pos[i]);
            wins += below + (notAbove - below) / 2.0;
        }
        return wins / ((double) p * n);
    }

    private static int lowerBound(float[] a, float v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(float[] a, float v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Test
    void twoBandsEqualOneWalkAndTheExactCount() {
        boolean[] positive = new boolean[ROWS];
        float[] values = new float[ROWS];
        int[][] cases = {{0, 50}, {1000, 50}, {7, 50}, {0, 35}, {3, 65}};
        double[] shifts = {1.0, 1.0, 0.5, 3.0, -0.7};
        for (int c = 0; c < cases.length; c++) {
            ClassScores s = scores(c, cases[c][0], cases[c][1] / 100.0, shifts[c], positive, values);
            assertThat(Math.min(s.positives(), s.negatives())).isGreaterThanOrEqualTo(ClassScores.PARALLEL_PART);
            for (boolean swap : new boolean[] {false, true}) {
                BinaryCurves bands = BinaryCurves.of(s, swap, false);
                BinaryCurves one = BinaryCurves.of(s, swap, true);
                String what = "case " + c + (swap ? " swapped" : "");
                assertThat(bands.rocAuc()).as(what).isCloseTo(one.rocAuc(), within(1e-12));
                assertThat(bands.averagePrecision()).as(what).isCloseTo(one.averagePrecision(), within(1e-12));
                assertThat(one.rocAuc()).as(what).isCloseTo(mannWhitney(positive, values, swap), within(1e-12));
            }
        }
    }

    @Test
    void separatedClassesGiveAreaOne() {
        ClassScores s = ClassScores.floats(16);
        for (int r = 0; r < ROWS; r++) {
            boolean pos = r % 2 == 0;
            s.add(pos, pos ? 0.5 + r / (4.0 * ROWS) : r / (4.0 * ROWS));
        }
        s.sort(new int[s.sortBufferLength()], new int[s.spareBufferLength()]);
        assertThat(BinaryCurves.of(s, false, false).rocAuc()).isEqualTo(1.0);
        assertThat(BinaryCurves.of(s, false, false).averagePrecision()).isEqualTo(1.0);
        // class 0 ranks by the reversed score: just as well separated
        assertThat(BinaryCurves.of(s, true, false).rocAuc()).isEqualTo(1.0);
    }

    @Test
    void countedScoresSortLikeArraysSort() {
        boolean[] positive = new boolean[ROWS];
        float[] values = new float[ROWS];
        ClassScores s = scores(11, 0, 0.3, 1.0, positive, values);
        float[] pos = new float[s.positives()];
        float[] neg = new float[s.negatives()];
        int p = 0;
        int n = 0;
        for (int r = 0; r < ROWS; r++) {
            if (positive[r]) {
                pos[p++] = values[r];
            } else {
                neg[n++] = values[r];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        for (int i = 0; i < pos.length; i++) {
            assertThat((float) s.positive(i)).isEqualTo(pos[i]);
        }
        for (int i = 0; i < neg.length; i++) {
            assertThat((float) s.negative(i)).isEqualTo(neg[i]);
        }
    }
}

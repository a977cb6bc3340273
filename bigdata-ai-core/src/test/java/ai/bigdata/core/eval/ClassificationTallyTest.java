package ai.bigdata.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The running tally: its two-class path counts as the general one, and the log-loss product is exact enough. */
class ClassificationTallyTest {
    private static final List<String> TWO = List.of("no", "yes");

    /** Probabilities with the corners: ties, 0 and 1, values below the clipping bound. */
    private static double[] hostileRow(SplittableRandom rnd) {
        double p1;
        switch (rnd.nextInt(6)) {
            case 0 -> p1 = 0.5;
            case 1 -> p1 = 0;
            case 2 -> p1 = 1;
            case 3 -> p1 = 1e-300;
            default -> p1 = (float) rnd.nextDouble();
        }
        double p0 = rnd.nextInt(4) == 0 ? p1 : (float) (1 - p1);
        return new double[] {p0, p1};
    }

    @Test
    void theTwoClassPathCountsExactlyAsTheGeneralOne() {
        SplittableRandom rnd = new SplittableRandom(7);
        ClassificationTally general = new ClassificationTally(TWO, true, true, 10_000);
        ClassificationTally two = new ClassificationTally(TWO, true, true, 10_000);
        for (int i = 0; i < 10_000; i++) {
            double[] p = hostileRow(rnd);
            int truth = rnd.nextInt(2);
            general.add(truth, p, i);
            two.addTwo(truth, p[0], p[1], i);
        }
        assertThat(two.confusion).isDeepEqualTo(general.confusion);
        assertThat(two.rankCounts).isEqualTo(general.rankCounts);
        assertThat(two.logLossSum()).isEqualTo(general.logLossSum());
        assertThat(two.rows).isEqualTo(10_000);
        ClassificationReport a = new ClassificationReport(general);
        ClassificationReport b = new ClassificationReport(two);
        assertThat(b.metrics()).isEqualTo(a.metrics());
        assertThat(b.curves(0).truePositiveRates()).isEqualTo(a.curves(0).truePositiveRates());
    }

    @Test
    void theLogLossEqualsTheSumOfLogarithmsAlsoWhenTheProductIsFoldedOften() {
        SplittableRandom rnd = new SplittableRandom(11);
        ClassificationTally tally = new ClassificationTally(TWO, false, false, 0);
        double sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            // about one in ten rows near the clipping bound: the product folds every few dozen rows
            double own = rnd.nextInt(10) == 0 ? 1e-14 * (1 + rnd.nextDouble()) : rnd.nextDouble();
            int truth = rnd.nextInt(2);
            double other = 1 - own;
            tally.addTwo(truth, truth == 0 ? own : other, truth == 1 ? own : other, i);
            double eps = Math.ulp(1.0);
            double c0 = Math.min(Math.max(truth == 0 ? own : other, eps), 1 - eps);
            double c1 = Math.min(Math.max(truth == 1 ? own : other, eps), 1 - eps);
            sum -= Math.log((truth == 1 ? c1 : c0) / (c0 + c1));
        }
        assertThat(tally.logLossSum()).isCloseTo(sum, org.assertj.core.data.Offset.offset(Math.abs(sum) * 1e-12));
    }

    @Test
    void aNonFiniteProbabilityIsNamedWithItsRow() {
        ClassificationTally tally = new ClassificationTally(TWO, true, true, 4);
        assertThatThrownBy(() -> tally.addTwo(0, 0.5, Double.NaN, 17)).hasMessage("row 17 has a probability of NaN");
        assertThatThrownBy(() -> tally.addTwo(1, Double.POSITIVE_INFINITY, 0.5, 3)).hasMessage("row 3 has a probability of Infinity");
        assertThat(tally.rows).isZero();
    }
}

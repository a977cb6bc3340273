package ai.bigdata.core.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Statistics computed in parts and merged equal those of one pass over everything (the Spark issue relies on it). */
class NumericStatisticsTest {

    @Property(tries = 200)
    void mergedPartsEqualOnePass(@ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = -1e6, max = 1e6) Double> values,
                                 @ForAll @IntRange(min = 0, max = 300) int cut,
                                 @ForAll boolean bulk) {
        int c = Math.min(cut, values.size());
        NumericStatistics whole = new NumericStatistics(true);
        NumericStatistics left = new NumericStatistics(true);
        NumericStatistics right = new NumericStatistics(true);
        for (int i = 0; i < values.size(); i++) {
            whole.add(values.get(i));
        }
        double[] a = values.subList(0, c).stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = values.subList(c, values.size()).stream().mapToDouble(Double::doubleValue).toArray();
        if (bulk) {
            left.addAll(a, a.length);
            right.addAll(b, b.length);
        } else {
            for (double x : a) {
                left.add(x);
            }
            for (double x : b) {
                right.add(x);
            }
        }
        NumericStatistics merged = left.merge(right);
        assertThat(merged.count()).isEqualTo(whole.count());
        // exact reference in decimal arithmetic; the tolerances are the rounding-error bounds of one pass
        // (a few units in the last place per value), far below any real mistake
        int n = values.size();
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) {
            sum = sum.add(new BigDecimal(v));
        }
        BigDecimal exactMean = sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
        BigDecimal squares = BigDecimal.ZERO;
        for (double v : values) {
            BigDecimal d = new BigDecimal(v).subtract(exactMean);
            squares = squares.add(d.multiply(d));
        }
        double mean = exactMean.doubleValue();
        double variance = squares.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
        double maxAbs = values.stream().mapToDouble(Math::abs).max().orElseThrow();
        double maxDeviation = values.stream().mapToDouble(v -> Math.abs(v - mean)).max().orElseThrow();
        // a running or summed mean is off by at most about n units in the last place of the largest value
        double meanError = 4 * n * Math.ulp(maxAbs);
        assertThat(whole.mean()).isCloseTo(mean, within(meanError));
        assertThat(merged.mean()).isCloseTo(mean, within(meanError));
        // squared deviations from such a mean: the error scales with the spread, not with the values' size
        double varianceTolerance = 2 * meanError * (maxDeviation + meanError);
        assertThat(whole.variance(0)).isCloseTo(variance, within(varianceTolerance));
        assertThat(merged.variance(0)).isCloseTo(variance, within(varianceTolerance));
        assertThat(merged.min()).isEqualTo(whole.min());
        assertThat(merged.max()).isEqualTo(whole.max());
        assertThat(merged.quantile(0.5)).isEqualTo(whole.quantile(0.5));
        assertThat(merged.mostFrequent()).isEqualTo(whole.mostFrequent());
    }
}

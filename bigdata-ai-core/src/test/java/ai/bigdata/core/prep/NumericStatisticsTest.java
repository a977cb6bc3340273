package ai.bigdata.core.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
        assertThat(merged.mean()).isCloseTo(whole.mean(), within(1e-9 * (1 + Math.abs(whole.mean()))));
        if (whole.count() > 1) {
            assertThat(merged.variance(0)).isCloseTo(whole.variance(0), within(1e-6 * (1 + whole.variance(0))));
        }
        assertThat(merged.min()).isEqualTo(whole.min());
        assertThat(merged.max()).isEqualTo(whole.max());
        assertThat(merged.quantile(0.5)).isEqualTo(whole.quantile(0.5));
        assertThat(merged.mostFrequent()).isEqualTo(whole.mostFrequent());
    }
}

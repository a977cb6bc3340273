package ai.bigdata.core.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RdpAccountantTest {

    @Test
    void withoutSamplingEachOrderHasTheGaussianClosedForm() {
        for (int a = 2; a <= 64; a++) {
            assertThat(RdpAccountant.orderRdp(1.0, 1.3, a)).isCloseTo(a / (2 * 1.3 * 1.3), Offset.offset(1e-12));
            // the binomial sum at q just below 1 tends to the same value
            assertThat(RdpAccountant.orderRdp(1 - 1e-12, 1.3, a)).isCloseTo(a / (2 * 1.3 * 1.3), Offset.offset(1e-6));
        }
    }

    @Test
    void orderTwoMatchesItsExpansion() {
        // a = 2: (1-q)^2 + 2q(1-q) + q^2 e^(1/sigma^2)
        double q = 0.01;
        double s = 0.8;
        double expected = Math.log((1 - q) * (1 - q) + 2 * q * (1 - q) + q * q * Math.exp(1 / (s * s)));
        assertThat(RdpAccountant.orderRdp(q, s, 2)).isCloseTo(expected, Offset.offset(1e-15));
    }

    @Test
    void epsilonOfTheGaussianMechanismMatchesAnIndependentMinimisation() {
        // q = 1, T steps: rdp(a) = T a / (2 sigma^2); minimise the conversion over the same orders by hand
        double sigma = 4;
        int steps = 10;
        double delta = 1e-5;
        double best = Double.MAX_VALUE;
        for (int a = 2; a <= 256; a++) {
            double rdp = steps * a / (2 * sigma * sigma);
            best = Math.min(best, rdp + Math.log1p(-1.0 / a) - (Math.log(delta) + Math.log(a)) / (a - 1));
        }
        assertThat(RdpAccountant.epsilon(1, sigma, steps, delta)).isCloseTo(best, Offset.offset(1e-12));
    }

    @Test
    void samplingAmplifiesAndMoreStepsOrLessNoiseCostMore() {
        double full = RdpAccountant.epsilon(1, 1.1, 100, 1e-5);
        double sampled = RdpAccountant.epsilon(0.01, 1.1, 100, 1e-5);
        assertThat(sampled).isLessThan(full / 10);
        assertThat(RdpAccountant.epsilon(0.01, 1.1, 1000, 1e-5)).isGreaterThan(sampled);
        assertThat(RdpAccountant.epsilon(0.01, 0.8, 100, 1e-5)).isGreaterThan(sampled);
        assertThat(new RdpAccountant().epsilon(1e-5)).isZero();
    }

    @Test
    void dpSgdOnMnistIsInThePublishedRange() {
        // TensorFlow Privacy's MNIST tutorial: 60,000 rows, batch 256, noise 1.1, 60 epochs, delta 1e-5 gives epsilon
        // about 3 with fractional orders and the older conversion; integer orders and Balle et al.'s conversion land near it
        long steps = Math.round(60 * 60000 / 256.0);
        double eps = RdpAccountant.epsilon(256 / 60000.0, 1.1, steps, 1e-5);
        assertThat(eps).isBetween(2.0, 3.2);
    }

    @Test
    void badArgumentsAreRefused() {
        RdpAccountant a = new RdpAccountant();
        assertThatThrownBy(() -> a.addSampledGaussian(0, 1, 1)).hasMessageContaining("samplingRate");
        assertThatThrownBy(() -> a.addSampledGaussian(1.5, 1, 1)).hasMessageContaining("samplingRate");
        assertThatThrownBy(() -> a.addSampledGaussian(0.5, 0, 1)).hasMessageContaining("noiseMultiplier");
        assertThatThrownBy(() -> a.addSampledGaussian(0.5, 1, -1)).hasMessageContaining("steps");
        assertThatThrownBy(() -> a.epsilon(0)).hasMessageContaining("delta");
    }
}

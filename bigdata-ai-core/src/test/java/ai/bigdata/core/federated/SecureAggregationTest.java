package ai.bigdata.core.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecureAggregationTest {

    @Test
    void masksCancelExactlyInTheSumAndHideEachUpdate() {
        int clients = 5;
        int n = 40_000;
        Random rnd = new Random(1);
        List<PairwiseMasks> masks = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            PairwiseMasks m = new PairwiseMasks();
            masks.add(m);
            keys.add(m.publicKey());
        }
        long[] trueSum = new long[n];
        long[] maskedSum = new long[n];
        for (int c = 0; c < clients; c++) {
            double[] update = new double[n];
            for (int i = 0; i < n; i++) {
                update[i] = rnd.nextGaussian() * 1e-3;
            }
            long[] encoded = FixedPoint.encode(update);
            long[] masked = encoded.clone();
            masks.get(c).apply(masked, 3, keys, c);
            // what the server receives is unrelated to the update: about half the bits differ, signs are coin flips
            int sameSign = 0;
            for (int i = 0; i < n; i++) {
                trueSum[i] += encoded[i];
                maskedSum[i] += masked[i];
                if ((masked[i] < 0) == (encoded[i] < 0)) {
                    sameSign++;
                }
            }
            assertThat(sameSign / (double) n).isBetween(0.48, 0.52);
        }
        assertThat(maskedSum).isEqualTo(trueSum);
    }

    @Test
    void anotherRoundGivesOtherMasks() {
        PairwiseMasks a = new PairwiseMasks();
        PairwiseMasks b = new PairwiseMasks();
        List<byte[]> keys = List.of(a.publicKey(), b.publicKey());
        long[] r1 = new long[16];
        long[] r2 = new long[16];
        a.apply(r1, 1, keys, 0);
        a.apply(r2, 2, keys, 0);
        assertThat(r1).isNotEqualTo(r2);
        long[] fromB = new long[16];
        b.apply(fromB, 1, keys, 1);
        for (int i = 0; i < 16; i++) {
            assertThat(r1[i] + fromB[i]).isZero();
        }
    }

    @Test
    void valuesThatCannotBeEncodedAreNamed() {
        assertThatThrownBy(() -> FixedPoint.encode(new double[] {0, Double.NaN})).hasMessageContaining("parameter 1");
        assertThatThrownBy(() -> FixedPoint.encode(new double[] {1e9})).hasMessageContaining("2^24");
        assertThat(FixedPoint.decode(FixedPoint.encode(new double[] {0.125, -3.5}))).containsExactly(0.125, -3.5);
        assertThatThrownBy(() -> new PairwiseMasks().apply(new long[2], 1, List.of(new byte[] {1, 2}, new byte[0]), 1))
                .hasMessageContaining("X25519");
    }
}

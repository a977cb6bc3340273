package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

class FusedAdamTest {
    @Test
    void stepsLikeDl4jAdamOnStateViewsInsideALargerArray() {
        int n = 1000;
        INDArray parent = Nd4j.zeros(DataType.FLOAT, 1, 10 + 2 * n);
        INDArray oursState = parent.get(NDArrayIndex.point(0), NDArrayIndex.interval(10, 10 + 2 * n)).reshape(1, 2 * n);
        INDArray theirsState = Nd4j.zeros(DataType.FLOAT, 1, 2 * n);
        GradientUpdater<?> ours = new FusedAdam(0.01, new CosineSchedule(0.01, 0.001, 10)).instantiate(oursState, true);
        GradientUpdater<?> theirs = new Adam(new CosineSchedule(0.01, 0.001, 10)).instantiate(theirsState, true);
        Nd4j.getRandom().setSeed(7);
        INDArray gradients = Nd4j.randn(DataType.FLOAT, 1, 3 + n);
        for (int it = 0; it < 6; it++) {
            INDArray a = Nd4j.randn(DataType.FLOAT, 1, n).muli(it + 1);
            gradients.get(NDArrayIndex.point(0), NDArrayIndex.interval(3, 3 + n)).assign(a);
            INDArray g = gradients.get(NDArrayIndex.point(0), NDArrayIndex.interval(3, 3 + n)).reshape(1, n);
            INDArray expected = a.dup();
            theirs.applyUpdater(expected, it, 0);
            ours.applyUpdater(g, it, 0);
            float[] e = expected.toFloatVector();
            float[] o = g.toFloatVector();
            for (int k = 0; k < n; k++) {
                assertThat(o[k]).as("iteration " + it + " value " + k).isCloseTo(e[k], within(1e-6f + 1e-4f * Math.abs(e[k])));
            }
        }
        // the moments live in the given slice of the larger array, and nothing outside it was touched
        float[] all = parent.toFloatVector();
        float[] mt = theirsState.toFloatVector();
        for (int k = 0; k < 10; k++) {
            assertThat(all[k]).isZero();
        }
        for (int k = 0; k < 2 * n; k++) {
            assertThat(all[10 + k]).isCloseTo(mt[k], within(1e-5f + 1e-4f * Math.abs(mt[k])));
        }
    }

    @Test
    void travelsWithTheNetworkConfiguration() {
        FusedAdam adam = new FusedAdam(0.003, new WarmUpSchedule(new CosineSchedule(0.003, 0.0, 100), 10), 0.8, 0.99, 1e-7);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().updater(adam).list()
                .layer(new OutputLayer.Builder().nIn(3).nOut(2).build()).build();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        Object restored = ((org.deeplearning4j.nn.conf.layers.BaseLayer) back.getConf(0).getLayer()).getIUpdater();
        assertThat(restored).isEqualTo(adam);
        assertThat(((FusedAdam) restored).getLearningRate(50, 0)).isEqualTo(adam.getLearningRate(50, 0));
    }
}

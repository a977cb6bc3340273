package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.testing.ArrowLeakCheck;
import org.deeplearning4j.nn.api.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Magnitude pruning zeroes exactly the asked share of each layer's weights, the smallest, and nothing else. */
@ExtendWith(ArrowLeakCheck.class)
class PruningTest {
    @Test
    void eachWeightedLayerLosesExactlyTheAskedShareOfItsSmallestWeightsAndKeepsItsBiases() {
        QuantizationTest.train();
        for (NeuralNetwork net : new NeuralNetwork[] {QuantizationTest.mlp, QuantizationTest.cnn}) {
            float[] before = net.parameters().dup().data().asFloat();
            for (double sparsity : new double[] {0.5, 0.8}) {
                Pruning pruning = Pruning.magnitude(sparsity);
                NeuralNetwork pruned = pruning.prune(net);
                assertThat(net.parameters().dup().data().asFloat()).as("the original is unchanged").containsExactly(before);
                Layer[] original = net.network().getLayers();
                Layer[] layers = pruned.network().getLayers();
                int weighted = 0;
                for (int l = 0; l < layers.length; l++) {
                    INDArray w = layers[l].paramTable().get("W");
                    if (w != null) {
                        weighted++;
                        float[] v = w.dup().data().asFloat();
                        float[] o = original[l].paramTable().get("W").dup().data().asFloat();
                        long zeros = 0;
                        float largestPruned = 0;
                        float smallestKept = Float.MAX_VALUE;
                        for (int k = 0; k < v.length; k++) {
                            if (v[k] == 0f) {
                                zeros++;
                                largestPruned = Math.max(largestPruned, Math.abs(o[k]));
                            } else {
                                assertThat(v[k]).isEqualTo(o[k]);
                                smallestKept = Math.min(smallestKept, Math.abs(o[k]));
                            }
                        }
                        assertThat(zeros).as("layer %d at %s", l, sparsity).isEqualTo(Math.round(sparsity * v.length));
                        assertThat(largestPruned).isLessThanOrEqualTo(smallestKept);
                    }
                    for (String name : new String[] {"b", "gamma", "beta", "mean", "log10stdev"}) {
                        if (layers[l].paramTable().get(name) != null) {
                            assertThat(layers[l].paramTable().get(name).dup().data().asFloat()).as("layer %d %s", l, name)
                                    .containsExactly(original[l].paramTable().get(name).dup().data().asFloat());
                        }
                    }
                }
                assertThat(weighted).isGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void aSparsityOutsideZeroToOneIsRefused() {
        for (double bad : new double[] {-0.1, 1.0, Double.NaN}) {
            assertThatThrownBy(() -> Pruning.magnitude(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sparsity");
        }
    }
}

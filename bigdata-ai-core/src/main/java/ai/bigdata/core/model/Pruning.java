package ai.bigdata.core.model;

import java.util.Arrays;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Magnitude pruning, per layer: {@code Pruning.magnitude(0.8).prune(network)} returns a copy of a
 * trained network in which, in every dense, output and 2D convolution layer, the
 * {@code round(sparsity * n)} weights of smallest magnitude among that layer's {@code n} weights are
 * set to zero (ties broken by position, so the count is exact). Biases, batch-normalisation
 * parameters and other layers are left alone. The copy is usable as it is (and quantises to an int8
 * network whose zero weights the bundle compresses); fine-tuning with the zeros kept is not offered:
 * the ordinary trainer would move them again.
 */
public final class Pruning {
    private final double sparsity;

    private Pruning(double sparsity) {
        this.sparsity = sparsity;
    }

    /**
     * Pruning of the given fraction of each weighted layer's weights.
     *
     * @throws IllegalArgumentException when {@code sparsity} is not in [0, 1)
     */
    public static Pruning magnitude(double sparsity) {
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1), got " + sparsity);
        }
        return new Pruning(sparsity);
    }

    /** The fraction of each layer's weights set to zero. */
    public double sparsity() {
        return sparsity;
    }

    /**
     * A pruned copy of a trained network (the network itself is not changed).
     *
     * @throws IllegalArgumentException when the network is neither a {@link NeuralNetwork} nor a {@link GraphNetwork}
     */
    @SuppressWarnings("unchecked")
    public <N extends Network> N prune(N trained) {
        Objects.requireNonNull(trained, "trained");
        Network copy = trained.copy();
        Layer[] layers;
        if (copy instanceof NeuralNetwork nn) {
            layers = nn.network().getLayers();
        } else if (copy instanceof GraphNetwork gn) {
            layers = gn.graph().getLayers();
        } else {
            throw new IllegalArgumentException("pruning covers multilayer and graph networks, not a " + trained.family() + " network");
        }
        for (Layer layer : layers) {
            Class<?> type = layer.conf().getLayer().getClass();
            if (type == DenseLayer.class || type == OutputLayer.class || type == ConvolutionLayer.class) {
                INDArray w = layer.getParam("W");
                if (w != null) {
                    pruneInPlace(w);
                }
            }
        }
        return (N) copy;
    }

    /** The weights that {@link #prune} zeroes in a tensor of {@code n} weights. */
    public long prunedCount(long n) {
        return Math.round(sparsity * n);
    }

    private void pruneInPlace(INDArray w) {
        float[] v = w.dup('c').data().asFloat();
        int k = (int) prunedCount(v.length);
        if (k == 0) {
            return;
        }
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Float.compare(Math.abs(v[a]), Math.abs(v[b]));
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int i = 0; i < k; i++) {
            v[order[i]] = 0f;
        }
        w.assign(Nd4j.create(v, w.shape(), 'c'));
    }

    @Override
    public String toString() {
        return "magnitude pruning to " + sparsity + " per layer";
    }
}

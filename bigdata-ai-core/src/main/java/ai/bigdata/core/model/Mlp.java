package ai.bigdata.core.model;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * Builder of a multi-layer perceptron: fully connected hidden layers, then a softmax (classification)
 * or linear (regression) output sized from the data. With no hidden layer it is logistic (softmax)
 * or linear regression.
 */
public final class Mlp {
    private final String kind;
    private final Task requiredTask;
    private int[] hidden = {};
    private Activation activation = Activation.RELU;
    private double dropout;
    private boolean batchNorm;
    private double l2;

    Mlp(String kind, Task requiredTask) {
        this.kind = kind;
        this.requiredTask = requiredTask;
    }

    /** Sizes of the hidden layers, input side first (default none). */
    public Mlp hidden(int... sizes) {
        for (int s : sizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("hidden layer sizes must be positive, got " + Arrays.toString(sizes));
            }
        }
        if (requiredTask != null && sizes.length > 0) {
            throw new IllegalArgumentException(kind + " has no hidden layers; use NeuralNetwork.mlp() for hidden(...)");
        }
        this.hidden = sizes.clone();
        return this;
    }

    /** Activation of the hidden layers (default ReLU). */
    public Mlp activation(Activation a) {
        this.activation = java.util.Objects.requireNonNull(a, "activation");
        return this;
    }

    /** Probability of dropping a hidden unit while training, in [0, 1) (default 0). */
    public Mlp dropout(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + p);
        }
        this.dropout = p;
        return this;
    }

    /** Batch normalisation after every hidden layer. */
    public Mlp batchNorm() {
        this.batchNorm = true;
        return this;
    }

    /** L2 penalty on the weights (default 0). */
    public Mlp l2(double coefficient) {
        if (!(coefficient >= 0) || Double.isInfinite(coefficient)) {
            throw new IllegalArgumentException("l2 must be finite and >= 0, got " + coefficient);
        }
        this.l2 = coefficient;
        return this;
    }

    /** The untrained network; the trainer sizes and initialises it from the training data. */
    public NeuralNetwork build() {
        int[] sizes = hidden.clone();
        Activation act = activation;
        double drop = dropout;
        boolean bn = batchNorm;
        double penalty = l2;
        Task task = requiredTask;
        String name = kind;
        NetworkRecipe recipe = (sig, settings) -> {
            if (task != null && sig.task() != task) {
                throw new SchemaMismatchException(List.of(String.valueOf(sig.label())), name + " needs a "
                        + (task == Task.CLASSIFICATION ? "categorical" : "numeric") + " label, '" + sig.label() + "' gives "
                        + sig.task());
            }
            if (sig.task() == Task.RECONSTRUCTION) {
                throw new SchemaMismatchException(List.of(), name + " needs a label; use NeuralNetwork.autoencoder() to "
                        + "reconstruct the input");
            }
            NeuralNetConfiguration.ListBuilder b = Layers.base(settings, penalty).list();
            int nIn = sig.featureWidth();
            for (int size : sizes) {
                DenseLayer.Builder dense = new DenseLayer.Builder().nIn(nIn).nOut(size).activation(act);
                if (drop > 0) {
                    dense.dropOut(1 - drop);
                }
                b.layer(dense.build());
                if (bn) {
                    b.layer(new BatchNormalization.Builder().nOut(size).build());
                }
                nIn = size;
            }
            b.layer(Layers.output(sig, settings, nIn));
            return b.build();
        };
        return new NeuralNetwork(kind, recipe, describe());
    }

    private String describe() {
        return kind + (hidden.length > 0 ? " hidden " + Arrays.toString(hidden) + " " + activation.name().toLowerCase(java.util.Locale.ROOT) : "")
                + (dropout > 0 ? ", dropout " + dropout : "") + (batchNorm ? ", batch norm" : "") + (l2 > 0 ? ", l2 " + l2 : "");
    }

    /** Builds a {@link MultiLayerConfiguration}-free description, for tests and logs. */
    @Override
    public String toString() {
        return describe();
    }
}

package ai.bigdata.core.model;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Builder of a dense autoencoder: the encoder narrows to a bottleneck, a mirrored decoder rebuilds the
 * input, trained on mean squared reconstruction error. The per-row error ({@code reconstruction_error}
 * from {@link Model#predict}) is an anomaly score: rows unlike the training data reconstruct badly.
 */
public final class Autoencoder {
    private int[] encoder = {32, 8};
    private Activation activation = Activation.TANH;

    Autoencoder() {
    }

    /** Encoder layer sizes, the last one being the bottleneck (default 32, 8); the decoder mirrors them. */
    public Autoencoder encoder(int... sizes) {
        if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("encoder needs positive layer sizes, got " + Arrays.toString(sizes));
        }
        this.encoder = sizes.clone();
        return this;
    }

    /** Activation of the hidden layers (default tanh). */
    public Autoencoder activation(Activation a) {
        this.activation = java.util.Objects.requireNonNull(a, "activation");
        return this;
    }

    /** The untrained autoencoder. */
    public NeuralNetwork build() {
        int[] sizes = encoder.clone();
        Activation act = activation;
        NetworkRecipe recipe = (sig, settings) -> {
            if (sig.task() != Task.RECONSTRUCTION) {
                throw new SchemaMismatchException(List.of(), "an autoencoder reconstructs its input; train it with "
                        + "Trainer.fit, got a " + sig.task() + " signature");
            }
            NeuralNetConfiguration.ListBuilder b = Layers.base(settings, 0).list();
            int nIn = sig.featureWidth();
            int[] layers = new int[sizes.length * 2 - 1];
            for (int i = 0; i < sizes.length; i++) {
                layers[i] = sizes[i];
                layers[layers.length - 1 - i] = sizes[i];
            }
            for (int size : layers) {
                b.layer(new DenseLayer.Builder().nIn(nIn).nOut(size).activation(act).build());
                nIn = size;
            }
            b.layer(new OutputLayer.Builder(new LossMSE()).nIn(nIn).nOut(sig.featureWidth()).activation(Activation.IDENTITY)
                    .build());
            return b.build();
        };
        return new NeuralNetwork("autoencoder", recipe, "autoencoder " + Arrays.toString(sizes) + " "
                + act.name().toLowerCase(java.util.Locale.ROOT));
    }
}

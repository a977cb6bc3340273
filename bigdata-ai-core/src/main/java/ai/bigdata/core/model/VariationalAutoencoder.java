package ai.bigdata.core.model;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.variational.GaussianReconstructionDistribution;
import org.nd4j.linalg.activations.Activation;

/**
 * Builder of a variational autoencoder (DL4J's VAE layer): an encoder to the mean and variance of a
 * Gaussian latent code, a decoder to a Gaussian over the input, trained on the evidence lower bound.
 * {@link Model#output} gives the reconstruction at the latent mean, so {@code reconstruction_error}
 * from {@link Model#predict} is its anomaly score, as for the plain autoencoder.
 */
public final class VariationalAutoencoder {
    private int[] encoder = {32};
    private int latent = 4;
    private Activation activation = Activation.TANH;

    VariationalAutoencoder() {
    }

    /** Encoder layer sizes (default 32); the decoder mirrors them. */
    public VariationalAutoencoder encoder(int... sizes) {
        if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("encoder needs positive layer sizes, got " + Arrays.toString(sizes));
        }
        this.encoder = sizes.clone();
        return this;
    }

    /** Size of the latent code (default 4). */
    public VariationalAutoencoder latent(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("latent size must be positive, got " + size);
        }
        this.latent = size;
        return this;
    }

    /** Activation of the encoder and decoder layers (default tanh). */
    public VariationalAutoencoder activation(Activation a) {
        this.activation = java.util.Objects.requireNonNull(a, "activation");
        return this;
    }

    /** The untrained network. */
    public NeuralNetwork build() {
        int[] enc = encoder.clone();
        int[] dec = new int[enc.length];
        for (int i = 0; i < enc.length; i++) {
            dec[i] = enc[enc.length - 1 - i];
        }
        int z = latent;
        Activation act = activation;
        NetworkRecipe recipe = (sig, settings) -> {
            if (sig.task() != Task.RECONSTRUCTION) {
                throw new SchemaMismatchException(List.of(), "a variational autoencoder reconstructs its input; got a "
                        + sig.task() + " signature");
            }
            NeuralNetConfiguration.ListBuilder b = Layers.base(settings, 0).list();
            b.layer(new org.deeplearning4j.nn.conf.layers.variational.VariationalAutoencoder.Builder().nIn(sig.featureWidth()).nOut(z)
                    .encoderLayerSizes(enc).decoderLayerSizes(dec).activation(act).pzxActivationFunction(Activation.IDENTITY)
                    .reconstructionDistribution(new GaussianReconstructionDistribution(Activation.IDENTITY)).build());
            return b.build();
        };
        return new NeuralNetwork("vae", recipe, "variational autoencoder " + Arrays.toString(enc) + " -> latent " + z);
    }
}

package ai.bigdata.core.model;

import java.util.Locale;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a {@link NeuralNetwork} of one kind reads its input, takes a training step and computes its
 * output: the behaviour that used to hang on string comparisons of the kind, one constant per
 * behaviour. The stored kind name maps to its behaviour through {@link #of(String)}.
 */
enum LayerStack {
    /** Fully connected layers over the flattened features (mlp, logistic and linear regression). */
    DENSE {
        @Override
        boolean flattens() {
            return true;
        }
    },
    /** A dense stack that reconstructs its input (autoencoder). */
    AUTOENCODER {
        @Override
        boolean flattens() {
            return true;
        }

        @Override
        boolean reconstructs() {
            return true;
        }
    },
    /** A variational autoencoder: unsupervised step on the evidence lower bound, output at the latent mean. */
    VAE {
        @Override
        boolean flattens() {
            return true;
        }

        @Override
        boolean reconstructs() {
            return true;
        }

        @Override
        double step(MultiLayerNetwork net, INDArray x, INDArray y, INDArray featuresMask, INDArray labelsMask) {
            net.pretrainLayer(0, x);
            return net.getLayer(0).score();
        }

        @Override
        INDArray output(MultiLayerNetwork net, INDArray x) {
            INDArray z = net.output(x, false);
            return ((org.deeplearning4j.nn.layers.variational.VariationalAutoencoder) net.getLayer(0)).generateAtMeanGivenZ(z);
        }

        @Override
        boolean backpropagates() {
            return false;
        }

        @Override
        Optional<String> workersUnsupported() {
            return Optional.of("a variational autoencoder (its unsupervised step does not go through the replicas)");
        }
    },
    /** Recurrent layers over a sequence tensor {@code [rows, time, features]}, read as it is (lstm). */
    SEQUENCE,
    /** A Transformer encoder over token ids {@code [rows, time]}: every batch's ids are checked first (transformer). */
    TOKENS {
        @Override
        void check(MultiLayerNetwork net, INDArray x, ModelSignature sig) {
            TransformerEncoderLayer layer = (TransformerEncoderLayer) net.getLayerWiseConfigurations().getConf(0).getLayer();
            TokenIds.check(x, layer.getVocabulary(), layer.getTime(), sig.featureNames().get(0));
        }
    },
    /**
     * A recipe over token ids {@code [rows, time]} whose first layer is an embedding (an embedding bag, a text
     * CNN, a recurrent text classifier): every batch's ids are checked against the embedding's vocabulary, and
     * the padding mask (id 0) is derived from them and handed to DL4J for training and output.
     */
    MASKED_TOKENS {
        @Override
        void check(MultiLayerNetwork net, INDArray x, ModelSignature sig) {
            TokenIds.check(x, vocabulary(net), (int) x.size(1), sig.featureNames().get(0));
        }

        // check() has run on every batch before step() and output() (NeuralNetwork calls it first), so the mask
        // is built from ids known to be valid, without checking them again
        @Override
        double step(MultiLayerNetwork net, INDArray x, INDArray y, INDArray featuresMask, INDArray labelsMask) {
            net.fit(x, y, TokenIds.paddingMask(x), labelsMask);
            return net.score();
        }

        @Override
        INDArray output(MultiLayerNetwork net, INDArray x) {
            return net.output(x, false, TokenIds.paddingMask(x), null);
        }

        private int vocabulary(MultiLayerNetwork net) {
            org.deeplearning4j.nn.conf.layers.Layer first = net.getLayerWiseConfigurations().getConf(0).getLayer();
            if (!(first instanceof org.deeplearning4j.nn.conf.layers.FeedForwardLayer f)) {
                throw new IllegalStateException("a token-id network starts with an embedding layer, not " + first.getClass().getSimpleName());
            }
            return Math.toIntExact(f.getNIn());
        }

    },
    /** A network the user built ({@code wrap}) or a recipe from another module ({@code of}): input as given. */
    AS_GIVEN;

    /** Whether a batch shaped {@code [rows, ...shape]} is flattened to {@code [rows, width]} before the network. */
    boolean flattens() {
        return false;
    }

    /** Whether the network learns to reconstruct its input. */
    boolean reconstructs() {
        return false;
    }

    /** Whether {@link #step} is DL4J's supervised {@code fit}, which the own dense training pass may stand in for. */
    boolean backpropagates() {
        return true;
    }

    /**
     * Checks a batch already in the network's layout before it reaches native code (nothing to check by
     * default).
     */
    void check(MultiLayerNetwork net, INDArray x, ModelSignature sig) {
    }

    /** One training step on input already in the network's layout; returns the loss. */
    double step(MultiLayerNetwork net, INDArray x, INDArray y, INDArray featuresMask, INDArray labelsMask) {
        net.fit(x, y, featuresMask, labelsMask);
        return net.score();
    }

    /** The output for input already in the network's layout. */
    INDArray output(MultiLayerNetwork net, INDArray x) {
        if (NativeDenseForward.supports(net)) {
            return NativeDenseForward.output(net, x);
        }
        return net.output(x, false);
    }

    /** Why data-parallel workers cannot train this behaviour, or empty. */
    Optional<String> workersUnsupported() {
        return Optional.empty();
    }

    /**
     * The behaviour of a stored kind name.
     *
     * @throws IllegalArgumentException for a kind this library does not know
     */
    static LayerStack of(String kind) {
        switch (kind) {
            case "mlp":
            case "logistic-regression":
            case "linear-regression":
                return DENSE;
            case "autoencoder":
                return AUTOENCODER;
            case "vae":
                return VAE;
            case "lstm":
                return SEQUENCE;
            case NeuralNetwork.TRANSFORMER:
                return TOKENS;
            case NeuralNetwork.WRAPPED:
            case NeuralNetwork.RECIPE:
                return AS_GIVEN;
            case NeuralNetwork.TOKEN_RECIPE:
                return MASKED_TOKENS;
            default:
                throw new IllegalArgumentException("unknown multilayer network kind '" + kind + "'; known kinds are mlp, "
                        + "logistic-regression, linear-regression, autoencoder, vae, lstm, " + NeuralNetwork.TRANSFORMER + ", " + NeuralNetwork.WRAPPED + ", "
                        + NeuralNetwork.RECIPE + ", " + NeuralNetwork.TOKEN_RECIPE);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

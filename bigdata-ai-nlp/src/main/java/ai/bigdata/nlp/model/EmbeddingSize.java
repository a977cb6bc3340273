package ai.bigdata.nlp.model;

import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.SchemaMismatchException;

/** The checks every text classifier builder shares: sizes given by the user, and the token-id column it reads. */
final class EmbeddingSize {
    private EmbeddingSize() {
    }

    static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
        return value;
    }

    static double dropout(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + p);
        }
        return p;
    }

    /**
     * The sequence length of the one token-id column the signature has.
     *
     * @throws SchemaMismatchException when the features are not one {@code [time]} column
     * @throws IllegalStateException when the vocabulary was not set
     */
    static int time(ModelSignature sig, int vocabulary, String network) {
        if (vocabulary < 1) {
            throw new IllegalStateException(network + " needs vocabulary(size): the token-sequence transform's vocabularySize()");
        }
        int[] shape = sig.featureShape();
        if (sig.featureNames().size() != 1 || shape.length != 1) {
            throw new SchemaMismatchException(sig.featureNames(), network + " reads one token-id column shaped [time]; the features are "
                    + sig.featureNames() + " shaped " + java.util.Arrays.toString(shape));
        }
        return shape[0];
    }
}

package ai.bigdata.nlp.model;

import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NetworkSettings;
import ai.bigdata.core.model.NeuralNetwork;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.nd4j.linalg.activations.Activation;

/** Options of a bidirectional LSTM text classifier (see {@link TextClassifiers#biLstm()}). */
public final class BiLstmClassifier {
    private int vocabulary;
    private int width = 64;
    private int hidden = 64;

    BiLstmClassifier() {
    }

    /** The number of token ids (required): the token-sequence transform's {@code vocabularySize()}. */
    public BiLstmClassifier vocabulary(int size) {
        this.vocabulary = EmbeddingSize.positive("vocabulary", size);
        return this;
    }

    /** The embedding width (default 64). */
    public BiLstmClassifier width(int size) {
        this.width = EmbeddingSize.positive("width", size);
        return this;
    }

    /** Units of each direction's LSTM (default 64); the pooled features are twice this. */
    public BiLstmClassifier hidden(int units) {
        this.hidden = EmbeddingSize.positive("hidden", units);
        return this;
    }

    /** The untrained network; the trainer sizes it from the data. */
    public NeuralNetwork build() {
        int v = vocabulary;
        int w = width;
        int h = hidden;
        return NeuralNetwork.ofTokenIds(toString(), (sig, settings) -> configure(sig, settings, v, w, h));
    }

    private static MultiLayerConfiguration configure(ModelSignature sig, NetworkSettings settings, int vocabulary, int width, int hidden) {
        int time = EmbeddingSize.time(sig, vocabulary, "a bidirectional LSTM");
        return settings.configuration(0).list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(vocabulary).nOut(width).inputLength(time).build())
                .layer(new Bidirectional(Bidirectional.Mode.CONCAT, new LSTM.Builder().nIn(width).nOut(hidden)
                        .activation(Activation.TANH).build()))
                .layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build())
                .layer(settings.outputLayer(sig, 2 * hidden))
                .build();
    }

    @Override
    public String toString() {
        return "bidirectional LSTM (vocabulary " + vocabulary + ", width " + width + ", " + hidden + " units each way)";
    }
}

package ai.bigdata.nlp.model;

import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NetworkSettings;
import ai.bigdata.core.model.NeuralNetwork;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;

/** Options of a fastText-style embedding bag (see {@link TextClassifiers#embeddingBag()}). */
public final class EmbeddingBag {
    private int vocabulary;
    private int width = 64;

    EmbeddingBag() {
    }

    /** The number of token ids (required): the token-sequence transform's {@code vocabularySize()}. */
    public EmbeddingBag vocabulary(int size) {
        this.vocabulary = EmbeddingSize.positive("vocabulary", size);
        return this;
    }

    /** The embedding width (default 64). */
    public EmbeddingBag width(int size) {
        this.width = EmbeddingSize.positive("width", size);
        return this;
    }

    /** The untrained network; the trainer sizes it from the data. */
    public NeuralNetwork build() {
        int v = vocabulary;
        int w = width;
        return NeuralNetwork.ofTokenIds(toString(), (sig, settings) -> configure(sig, settings, v, w));
    }

    private static MultiLayerConfiguration configure(ModelSignature sig, NetworkSettings settings, int vocabulary, int width) {
        int time = EmbeddingSize.time(sig, vocabulary, "an embedding bag");
        return settings.configuration(0).list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(vocabulary).nOut(width).inputLength(time).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(settings.outputLayer(sig, width))
                .build();
    }

    @Override
    public String toString() {
        return "embedding bag (vocabulary " + vocabulary + ", width " + width + ")";
    }
}

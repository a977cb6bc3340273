package ai.bigdata.nlp.model;

import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NetworkSettings;
import ai.bigdata.core.model.NeuralNetwork;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;

/**
 * Options of a text CNN (see {@link TextClassifiers#textCnn()}): one convolution width rather than the
 * parallel widths of Kim (2014), which a layer stack cannot hold.
 */
public final class TextCnn {
    private int vocabulary;
    private int width = 64;
    private int filters = 100;
    private int kernel = 3;
    private double dropout = 0.5;

    TextCnn() {
    }

    /** The number of token ids (required): the token-sequence transform's {@code vocabularySize()}. */
    public TextCnn vocabulary(int size) {
        this.vocabulary = EmbeddingSize.positive("vocabulary", size);
        return this;
    }

    /** The embedding width (default 64). */
    public TextCnn width(int size) {
        this.width = EmbeddingSize.positive("width", size);
        return this;
    }

    /** Convolution filters (default 100). */
    public TextCnn filters(int count) {
        this.filters = EmbeddingSize.positive("filters", count);
        return this;
    }

    /** Tokens each filter spans (default 3). */
    public TextCnn kernel(int tokens) {
        this.kernel = EmbeddingSize.positive("kernel", tokens);
        return this;
    }

    /** The share of pooled features dropped in training (default 0.5; 0 for none). */
    public TextCnn dropout(double p) {
        this.dropout = EmbeddingSize.dropout(p);
        return this;
    }

    /** The untrained network; the trainer sizes it from the data. */
    public NeuralNetwork build() {
        TextCnn o = copy();
        return NeuralNetwork.ofTokenIds(toString(), (sig, settings) -> o.configure(sig, settings));
    }

    private TextCnn copy() {
        TextCnn c = new TextCnn();
        c.vocabulary = vocabulary;
        c.width = width;
        c.filters = filters;
        c.kernel = kernel;
        c.dropout = dropout;
        return c;
    }

    private MultiLayerConfiguration configure(ModelSignature sig, NetworkSettings settings) {
        int time = EmbeddingSize.time(sig, vocabulary, "a text CNN");
        var list = settings.configuration(0).list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(vocabulary).nOut(width).inputLength(time).build())
                .layer(new Convolution1DLayer.Builder().kernelSize(kernel).nIn(width).nOut(filters).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build());
        if (dropout > 0) {
            list.layer(new DropoutLayer.Builder(1 - dropout).build());
        }
        return list.layer(settings.outputLayer(sig, filters)).build();
    }

    @Override
    public String toString() {
        return "text CNN (vocabulary " + vocabulary + ", width " + width + ", " + filters + " filters of " + kernel + " tokens, dropout "
                + dropout + ")";
    }
}

package ai.bigdata.core.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.AttentionVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builder of an encoder-decoder with attention ({@link Seq2SeqNetwork#attention()}): source ids are
 * embedded and read by a bidirectional LSTM (the encoder); the decoder embeds its input ids (start id,
 * then the target shifted by one), runs an LSTM over them, attends over the encoder's states with a
 * projected dot-product {@link AttentionVertex} (masked to the real source positions), and a second LSTM
 * over the decoder state and the attended context feeds a softmax over the target ids. Every part is
 * causal in the decoder's time, so decoding one step at a time computes what training saw.
 */
public final class AttentionSeq2Seq {
    private int sourceVocabulary;
    private int targetVocabulary;
    private int embedding = 64;
    private int hidden = 128;
    private int beamWidth = 1;

    AttentionSeq2Seq() {
    }

    /** Source ids are in [0, n), 0 padding (required). */
    public AttentionSeq2Seq sourceVocabulary(int n) {
        this.sourceVocabulary = positive("sourceVocabulary", n);
        return this;
    }

    /** Target ids are in [0, n), 0 padding and end (required). */
    public AttentionSeq2Seq targetVocabulary(int n) {
        this.targetVocabulary = positive("targetVocabulary", n);
        return this;
    }

    /** Width of both embeddings (default 64). */
    public AttentionSeq2Seq embedding(int width) {
        this.embedding = positive("embedding", width);
        return this;
    }

    /** Units of each LSTM direction of the encoder and of the decoder's LSTMs (default 128). */
    public AttentionSeq2Seq hidden(int units) {
        this.hidden = positive("hidden", units);
        return this;
    }

    /** Hypotheses kept per row when decoding (default 1: greedy). */
    public AttentionSeq2Seq beamWidth(int width) {
        this.beamWidth = positive("beamWidth", width);
        return this;
    }

    private static int positive(String what, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + n);
        }
        return n;
    }

    /**
     * The untrained network.
     *
     * @throws IllegalStateException when a vocabulary size is not set
     */
    public Seq2SeqNetwork build() {
        if (sourceVocabulary < 2 || targetVocabulary < 2) {
            throw new IllegalStateException("set sourceVocabulary and targetVocabulary (at least 2 ids each, padding included)");
        }
        int vs = sourceVocabulary;
        int vt = targetVocabulary;
        int e = embedding;
        int h = hidden;
        GraphRecipe recipe = (sig, settings) -> {
            ComputationGraphConfiguration.GraphBuilder g = settings.configuration(0).graphBuilder()
                    .addInputs(Seq2SeqNetwork.SOURCE, Seq2SeqNetwork.TARGET)
                    .addLayer("source-embedding", new EmbeddingSequenceLayer.Builder().nIn(vs).nOut(e).build(), Seq2SeqNetwork.SOURCE)
                    .addLayer("encoder", new Bidirectional(Bidirectional.Mode.CONCAT, new LSTM.Builder().nIn(e).nOut(h)
                            .activation(Activation.TANH).build()), "source-embedding")
                    .addLayer("target-embedding", new EmbeddingSequenceLayer.Builder().nIn(vt + 1).nOut(e).build(),
                            Seq2SeqNetwork.TARGET)
                    .addLayer("decoder", new LSTM.Builder().nIn(e).nOut(h).activation(Activation.TANH).build(), "target-embedding")
                    .addVertex("attention", new AttentionVertex.Builder().nInQueries(h).nInKeys(2 * h).nInValues(2 * h).nOut(h)
                            .nHeads(1).projectInput(true).build(), "decoder", "encoder", "encoder")
                    .addVertex("context", new MergeVertex(), "decoder", "attention")
                    .addLayer("post", new LSTM.Builder().nIn(2 * h).nOut(h).activation(Activation.TANH).build(), "context")
                    .addLayer("output", new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(h).nOut(vt)
                            .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).build(), "post")
                    .setOutputs("output");
            return g.build();
        };
        String description = "encoder-decoder with attention: embedding " + e + ", BiLSTM " + h + " x 2, LSTM decoder " + h
                + " + attention + LSTM " + h + ", " + vs + " source / " + vt + " target ids, beam " + beamWidth;
        return Seq2SeqNetwork.of(description, recipe, vs, vt, beamWidth);
    }
}

package ai.bigdata.core.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.AttentionVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.rnn.ReverseTimeSeriesVertex;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builder of an encoder-decoder with attention ({@link Seq2SeqNetwork#attention()}): source ids are
 * embedded and read by a bidirectional LSTM (the encoder: one LSTM forwards, one over each row's real
 * ids reversed by a mask-aware {@code ReverseTimeSeriesVertex}, their states concatenated; DL4J M2.1's
 * {@code Bidirectional} wrapper reverses the padding too, so a row's encoding would depend on how much
 * padding its batch has); the decoder embeds its input ids (start id,
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

    private static LSTM lstm(int in, int out) {
        return new LSTM.Builder().nIn(in).nOut(out).activation(Activation.TANH).build();
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
                    .addLayer("encoder-forward", lstm(e, h), "source-embedding")
                    .addVertex("source-reversed", new ReverseTimeSeriesVertex(Seq2SeqNetwork.SOURCE), "source-embedding")
                    .addLayer("encoder-backward-reversed", lstm(e, h), "source-reversed")
                    .addVertex("encoder-backward", new ReverseTimeSeriesVertex(Seq2SeqNetwork.SOURCE), "encoder-backward-reversed")
                    .addVertex("encoder", new MergeVertex(), "encoder-forward", "encoder-backward")
                    .addLayer("target-embedding", new EmbeddingSequenceLayer.Builder().nIn(vt + 1).nOut(e).build(),
                            Seq2SeqNetwork.TARGET)
                    .addLayer("decoder", lstm(e, h), "target-embedding")
                    .addVertex("attention", new AttentionVertex.Builder().nInQueries(h).nInKeys(2 * h).nInValues(2 * h).nOut(h)
                            .nHeads(1).projectInput(true).build(), "decoder", "encoder", "encoder")
                    .addVertex("context", new MergeVertex(), "decoder", "attention")
                    .addLayer("post", lstm(2 * h, h), "context")
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

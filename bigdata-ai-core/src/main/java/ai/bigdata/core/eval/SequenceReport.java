package ai.bigdata.core.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a sequence-to-sequence model ({@code Evaluator.sequence()}): how many predicted
 * sequences differ from their reference at all ({@code sequence_error_rate}; in grapheme-to-phoneme
 * work the word error rate, WER) and the Levenshtein edits between predicted and reference sequences
 * per reference token ({@code token_error_rate}; the phoneme error rate, PER, which can exceed 1 when
 * predictions are long). A sequence is a row of ids up to its first 0.
 */
public final class SequenceReport implements Report {
    private final long sequences;
    private final long wrong;
    private final long edits;
    private final long referenceTokens;

    SequenceReport(SequenceTally tally) {
        this(tally.sequences(), tally.wrong(), tally.edits(), tally.referenceTokens());
    }

    private SequenceReport(long sequences, long wrong, long edits, long referenceTokens) {
        this.sequences = sequences;
        this.wrong = wrong;
        this.edits = edits;
        this.referenceTokens = referenceTokens;
    }

    /** Sequences evaluated. */
    public long sequences() {
        return sequences;
    }

    /** Sequences not predicted exactly. */
    public long wrongSequences() {
        return wrong;
    }

    /** Levenshtein edits summed over all sequences. */
    public long edits() {
        return edits;
    }

    /** Reference tokens summed over all sequences. */
    public long referenceTokens() {
        return referenceTokens;
    }

    /** Wrong sequences / sequences (NaN for no sequence): the word error rate of grapheme-to-phoneme. */
    public double sequenceErrorRate() {
        return sequences == 0 ? Double.NaN : (double) wrong / sequences;
    }

    /** Edits / reference tokens (NaN for no token): the phoneme error rate of grapheme-to-phoneme. */
    public double tokenErrorRate() {
        return referenceTokens == 0 ? Double.NaN : (double) edits / referenceTokens;
    }

    /**
     * {@code sequence_error_rate}, {@code token_error_rate} and {@code sequence_accuracy} (1 minus the
     * sequence error rate).
     */
    @Override
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("sequence_error_rate", sequenceErrorRate());
        m.put("token_error_rate", tokenErrorRate());
        m.put("sequence_accuracy", 1 - sequenceErrorRate());
        return m;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metrics", Reports.finiteOrNull(metrics()));
        m.put("sequences", sequences);
        m.put("wrong_sequences", wrong);
        m.put("edits", edits);
        m.put("reference_tokens", referenceTokens);
        return m;
    }

    @Override
    public String toHtml() {
        return HtmlReport.sequence(this);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "sequence error rate %.4f (%d of %d wrong), token error rate %.4f (%d edits over %d"
                + " reference tokens)", sequenceErrorRate(), wrong, sequences, tokenErrorRate(), edits, referenceTokens);
    }
}

package ai.bigdata.core.model;

import ai.bigdata.core.internal.FloatRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One teacher-forced training batch of a {@link Seq2SeqNetwork}, made from the source ids
 * {@code [rows, sourceTime]} and the target ids {@code [rows, targetTime]} (a row's sequence ends at its
 * first 0): the decoder input (the start id, then the target shifted by one), the one-hot targets
 * {@code [rows, vocabulary, targetTime]} with the end id 0 at the end position, and the padding masks
 * (source: its non-zero ids; target: every position up to and including the end). Both sides are cut
 * to the batch's longest sequence (source: its last non-zero id; target: its end), which changes nothing
 * under the masks and spares the recurrent layers the columns of padding that every row has.
 */
record Seq2SeqBatch(INDArray source, INDArray sourceMask, INDArray decoderInput, INDArray targetMask, INDArray oneHotTargets) {

    static Seq2SeqBatch of(INDArray features, INDArray labels, int sourceVocabulary, int targetVocabulary, ModelSignature sig) {
        int sourceTime = sig.featureShape()[0];
        int targetTime = sig.outputWidth();
        TokenIds.check(features, sourceVocabulary, sourceTime, sig.featureNames().get(0));
        TokenIds.check(labels, targetVocabulary, targetTime, sig.label());
        FloatRows y = new FloatRows().read(labels);
        int rows = y.rows();
        int used = 1;
        for (int r = 0; r < rows; r++) {
            int t = 0;
            while (t < targetTime && y.get(r, t) != 0) {
                t++;
            }
            used = Math.max(used, Math.min(t + 1, targetTime));
        }
        targetTime = used;
        float[][] decoder = new float[rows][targetTime];
        float[][] mask = new float[rows][targetTime];
        float[] hot = new float[rows * targetVocabulary * targetTime];
        for (int r = 0; r < rows; r++) {
            float previous = targetVocabulary;
            for (int t = 0; t < targetTime; t++) {
                int id = (int) y.get(r, t);
                decoder[r][t] = previous;
                mask[r][t] = 1f;
                hot[(r * targetVocabulary + id) * targetTime + t] = 1f;
                if (id == 0) {
                    break;
                }
                previous = id;
            }
        }
        INDArray source = trimmed(features).castTo(DataType.FLOAT);
        return new Seq2SeqBatch(source, TokenIds.paddingMask(source).castTo(DataType.FLOAT),
                Nd4j.createFromArray(decoder), Nd4j.createFromArray(mask),
                Nd4j.create(hot, new long[] {rows, targetVocabulary, targetTime}, 'c'));
    }

    /** The ids {@code [rows, time]} without the trailing columns where every row is padding (at least one column). */
    static INDArray trimmed(INDArray ids) {
        FloatRows v = new FloatRows().read(ids);
        int used = 1;
        for (int r = 0; r < v.rows(); r++) {
            for (int t = v.width() - 1; t >= used; t--) {
                if (v.get(r, t) != 0) {
                    used = t + 1;
                    break;
                }
            }
        }
        return used == v.width() ? ids : ids.get(NDArrayIndex.all(), NDArrayIndex.interval(0, used)).dup('c');
    }
}

package ai.bigdata.core.model;

import ai.bigdata.core.internal.FloatRows;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The check that keeps bad token ids away from the embedding lookup: every value of a
 * {@code [rows, time]} batch must be a whole number in [0, vocabulary).
 */
final class TokenIds {
    private TokenIds() {
    }

    /**
     * Checks a batch of ids.
     *
     * @throws InvalidTokenIdException naming the column, the batch row and the position of the first bad id
     * @throws SchemaMismatchException when the batch is not shaped {@code [rows, time]}
     */
    static void check(INDArray ids, int vocabulary, int time, String column) {
        if (ids.rank() != 2 || ids.size(1) != time) {
            throw new SchemaMismatchException(java.util.List.of(column), "a token-id network reads column '" + column
                    + "' as [rows, " + time + "] token ids; the batch is shaped " + java.util.Arrays.toString(ids.shape()));
        }
        // one bulk copy from native memory, whatever the batch's order (no dup first)
        FloatRows v = new FloatRows().read(ids);
        for (int i = 0; i < v.rows() * time; i++) {
            float id = v.get(i / time, i % time);
            String reason = null;
            if (Float.isNaN(id) || id != Math.rint(id)) {
                reason = "is not a whole number";
            } else if (id < 0) {
                reason = "is negative";
            } else if (id >= vocabulary) {
                reason = "is outside the vocabulary [0, " + vocabulary + ")";
            }
            if (reason != null) {
                throw new InvalidTokenIdException(column, i / time, i % time, id, reason);
            }
        }
    }

    /**
     * The padding mask {@code [rows, time]} of a batch of ids already {@link #check checked}: 1 where the id is
     * not padding (0); a row of padding only keeps its first position, so that pooling over the mask has
     * something to average.
     */
    static INDArray paddingMask(INDArray ids) {
        FloatRows v = new FloatRows().read(ids);
        int rows = (int) ids.size(0);
        int time = (int) ids.size(1);
        float[][] mask = new float[rows][time];
        for (int r = 0; r < rows; r++) {
            boolean any = false;
            for (int t = 0; t < time; t++) {
                if (v.get(r, t) != 0) {
                    mask[r][t] = 1f;
                    any = true;
                }
            }
            if (!any && time > 0) {
                mask[r][0] = 1f;
            }
        }
        return org.nd4j.linalg.factory.Nd4j.createFromArray(mask).castTo(ids.dataType());
    }
}

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
        check(ids, vocabulary, time, column, null);
    }

    /**
     * Checks a batch of ids and, when {@code mask} is given ({@code [rows][time]}), fills it with 1 where the id
     * is not padding (0); a row of padding only keeps its first position, so that pooling over the mask has
     * something to average.
     */
    static void check(INDArray ids, int vocabulary, int time, String column, float[][] mask) {
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
            if (mask != null) {
                mask[i / time][i % time] = id != 0 ? 1f : 0f;
            }
        }
        if (mask != null) {
            for (float[] row : mask) {
                boolean any = false;
                for (float m : row) {
                    any |= m != 0;
                }
                if (!any && row.length > 0) {
                    row[0] = 1f;
                }
            }
        }
    }
}

package ai.bigdata.core.eval;

import ai.bigdata.core.internal.FloatRows;

/**
 * Running counts of a sequence evaluation: sequences seen, sequences not predicted exactly, edits
 * (Levenshtein) between predicted and reference sequences, and reference ids. A row of ids is the
 * sequence up to its first 0 (padding, the end); every value must be a whole number of at least 0.
 */
final class SequenceTally {
    private long sequences;
    private long wrong;
    private long edits;
    private long referenceTokens;

    /** Counts one batch of predicted and reference rows (rows {@code firstRow} onwards of the data). */
    void add(FloatRows predicted, FloatRows truth, long firstRow) {
        for (int r = 0; r < truth.rows(); r++) {
            int[] ref = sequence(truth, r, firstRow, "label");
            int[] out = sequence(predicted, r, firstRow, "prediction");
            add(ref, out);
        }
    }

    /** Counts one pair of sequences. */
    void add(int[] reference, int[] predicted) {
        int d = EditDistance.between(reference, predicted);
        sequences++;
        if (d != 0) {
            wrong++;
        }
        edits += d;
        referenceTokens += reference.length;
    }

    private static int[] sequence(FloatRows rows, int r, long firstRow, String what) {
        int n = 0;
        while (n < rows.width() && rows.get(r, n) != 0) {
            n++;
        }
        int[] ids = new int[n];
        for (int t = 0; t < n; t++) {
            float v = rows.get(r, t);
            if (!(v >= 0) || v != Math.rint(v)) {
                throw new IllegalArgumentException("row " + (firstRow + r) + ", position " + t + " of the " + what + ": " + v
                        + " is not a token id (a whole number of at least 0)");
            }
            ids[t] = (int) v;
        }
        return ids;
    }

    long sequences() {
        return sequences;
    }

    long wrong() {
        return wrong;
    }

    long edits() {
        return edits;
    }

    long referenceTokens() {
        return referenceTokens;
    }
}

package ai.bigdata.nlp.vectorize;

import java.util.Arrays;

/**
 * The weights of the terms of one document, by strictly increasing column: the entries a vectoriser
 * computes before it writes them dense or sparse.
 *
 * @param indices the columns, strictly increasing
 * @param values  the weight of each column (may be changed in place while the vector is computed)
 */
record TermWeights(int[] indices, double[] values) {
    /**
     * Adds up sorted keys {@code column << 1 | positive}: each column's value is its number of positive keys
     * minus its number of negative ones (a count when all are positive; feature hashing's alternating sign
     * otherwise), or 1 with {@code binary}.
     */
    static TermWeights merge(long[] sortedKeys, boolean binary) {
        int[] indices = new int[sortedKeys.length];
        double[] values = new double[sortedKeys.length];
        int n = -1;
        long last = -1;
        for (long key : sortedKeys) {
            long column = key >>> 1;
            if (column != last) {
                n++;
                indices[n] = (int) column;
                last = column;
            }
            values[n] = binary ? 1 : values[n] + ((key & 1) == 1 ? 1 : -1);
        }
        return new TermWeights(Arrays.copyOf(indices, n + 1), Arrays.copyOf(values, n + 1));
    }

    /** Scales the values in place (a zero vector stays zero); sums in column order, as over the dense vector. */
    void normalise(Norm norm) {
        if (norm == Norm.NONE) {
            return;
        }
        double sum = 0;
        for (double x : values) {
            sum += norm == Norm.L2 ? x * x : Math.abs(x);
        }
        double length = norm == Norm.L2 ? Math.sqrt(sum) : sum;
        if (length == 0) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] /= length;
        }
    }
}

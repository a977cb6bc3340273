package ai.bigdata.core.data;

import java.util.Arrays;

/**
 * One cell of a {@link ColumnType#SPARSE} column: a float32 vector of {@code dimension} values given by
 * its non-zero entries, indices strictly increasing in {@code [0, dimension)}, values finite. Immutable
 * (the arrays are copied in and out).
 */
public final class SparseVector {
    private final int dimension;
    private final int[] indices;
    private final float[] values;

    /**
     * A sparse vector.
     *
     * @throws IllegalArgumentException when the lengths differ, an index is out of range or not above the
     *     one before, or a value is not finite (the message names the entry)
     */
    public SparseVector(int dimension, int[] indices, float[] values) {
        String bad = problem(dimension, indices, values);
        if (bad != null) {
            throw new IllegalArgumentException(bad);
        }
        this.dimension = dimension;
        this.indices = indices.clone();
        this.values = values.clone();
    }

    /**
     * What is wrong with these entries for a vector of {@code dimension} (naming the entry), or null when
     * nothing is: the check every sparse cell passes before it is stored.
     */
    public static String problem(int dimension, int[] indices, float[] values) {
        if (dimension <= 0) {
            return "a sparse vector needs a positive dimension, got " + dimension;
        }
        if (indices == null || values == null) {
            return "a sparse vector needs indices and values, got " + (indices == null ? "no indices" : "no values");
        }
        if (indices.length != values.length) {
            return "a sparse vector has " + indices.length + " indices but " + values.length + " values";
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= dimension) {
                return "entry " + i + " has index " + indices[i] + ", outside [0, " + dimension + ")";
            }
            if (i > 0 && indices[i] <= indices[i - 1]) {
                return "entry " + i + " has index " + indices[i] + ", not above the previous index " + indices[i - 1]
                        + " (indices must be strictly increasing)";
            }
            if (!Float.isFinite(values[i])) {
                return "entry " + i + " (index " + indices[i] + ") has the non-finite value " + values[i];
            }
        }
        return null;
    }

    /** The vector's dimension. */
    public int dimension() {
        return dimension;
    }

    /** The number of stored entries. */
    public int entries() {
        return indices.length;
    }

    /** The stored indices, increasing. */
    public int[] indices() {
        return indices.clone();
    }

    /** The stored values, in index order. */
    public float[] values() {
        return values.clone();
    }

    /** The value at {@code index} (0 when no entry is stored there). */
    public float get(int index) {
        if (index < 0 || index >= dimension) {
            throw new IndexOutOfBoundsException("index " + index + " is outside [0, " + dimension + ")");
        }
        int at = Arrays.binarySearch(indices, index);
        return at >= 0 ? values[at] : 0f;
    }

    /** All {@code dimension} values. */
    public float[] toDense() {
        float[] out = new float[dimension];
        for (int i = 0; i < indices.length; i++) {
            out[indices[i]] = values[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && v.dimension == dimension && Arrays.equals(v.indices, indices)
                && Arrays.equals(v.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dimension + Arrays.hashCode(indices)) + Arrays.hashCode(values);
    }

    /** Entries as {@code {index:value index:value}}, the form CSV previews show. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < indices.length; i++) {
            sb.append(i == 0 ? "" : " ").append(indices[i]).append(':').append(values[i]);
        }
        return sb.append('}').toString();
    }
}

package ai.bigdata.nlp.embed;

import java.util.List;

/**
 * Word-piece ids of several texts padded to the longest one, row-major {@code [rows, length]}, with the
 * attention mask (1 for a real piece, 0 for padding).
 */
record TokenBatch(int rows, int length, long[] ids, long[] mask) {
    /** Pads {@code pieces} (each starting with {@code [CLS]} and ending with {@code [SEP]}) with id 0. */
    static TokenBatch padded(List<long[]> pieces) {
        int length = 1;
        for (long[] p : pieces) {
            length = Math.max(length, p.length);
        }
        int rows = pieces.size();
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            long[] p = pieces.get(r);
            System.arraycopy(p, 0, ids, r * length, p.length);
            java.util.Arrays.fill(mask, r * length, r * length + p.length, 1L);
        }
        return new TokenBatch(rows, length, ids, mask);
    }

    /** The shape of the id, mask and type-id tensors. */
    long[] shape() {
        return new long[] {rows, length};
    }
}

package ai.bigdata.benchmarks.recsys;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The plain baseline of all-users top-K: one ND4J matrix product of user factors and item factors transposed
 * (float32, a batch of users at a time), then for every user row the scores of unseen items fully sorted,
 * best first, ties by the smaller item index (the order the recsys models use), and the first {@code k} kept.
 * The product runs on the calling thread with its engine thread count, the sorts on the given pool.
 */
public final class ProductSortTopK {
    private final INDArray items;
    private final int[][] seen;
    private final OnThreads sorters;

    /**
     * A baseline over fixed item factors and exclusions.
     *
     * @param itemFactors items x rank, float32
     * @param seen        per user (in the row order of the user factors), the item indices to exclude, ascending
     * @param sorters     the threads that sort the rows (parallel over users)
     */
    public ProductSortTopK(INDArray itemFactors, int[][] seen, OnThreads sorters) {
        this.items = itemFactors;
        this.seen = seen;
        this.sorters = sorters;
    }

    /** The top {@code k} item indices of users {@code from .. from + userFactors.rows()}, best first. */
    public int[][] topK(INDArray userFactors, int from, int k) {
        INDArray scores = userFactors.mmul(items.transpose());
        int n = scores.rows();
        int width = scores.columns();
        float[] flat = scores.data().asFloat();
        return sorters.call(() -> IntStream.range(0, n).parallel()
                .mapToObj(u -> row(flat, u * width, width, seen[from + u], k)).toArray(int[][]::new));
    }

    /** Sorts one user's unseen items by (score descending, index ascending) packed in a long; keeps k. */
    static int[] row(float[] flat, int offset, int width, int[] excluded, int k) {
        long[] keys = new long[width - excluded.length];
        int n = 0;
        int e = 0;
        for (int i = 0; i < width; i++) {
            if (e < excluded.length && excluded[e] == i) {
                e++;
                continue;
            }
            keys[n++] = ((long) ~sortable(flat[offset + i] + 0f) << 32) | i; // + 0f: -0 ties with 0, as in the models
        }
        Arrays.sort(keys, 0, n);
        int[] out = new int[Math.min(k, n)];
        for (int j = 0; j < out.length; j++) {
            out[j] = (int) keys[j];
        }
        return out;
    }

    /** A float's bits as an int that orders like the float (for finite values). */
    static int sortable(float f) {
        int bits = Float.floatToIntBits(f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }
}

package ai.bigdata.core.prep;

import java.util.function.LongSupplier;

/**
 * The choice between exact quantiles (every value kept on the heap, 8 bytes per row and column) and a
 * KLL sketch (Apache DataSketches: fixed memory, mergeable, rank error about 1.65 % at k = 200), and
 * the early check that the exact path fits in the heap.
 */
final class QuantileSketch {
    /** DataSketches' default k: normalised rank error about 1.65 % (99 % confidence). */
    static final int DEFAULT_K = 200;

    /** The heap limit the exact path is checked against (replaced in tests). */
    static LongSupplier heapLimit = () -> Runtime.getRuntime().maxMemory();

    private QuantileSketch() {
    }

    /** {@code k} if DataSketches' KLL accepts it. */
    static int checkK(int k) {
        if (k < 8 || k > 65_535) {
            throw new IllegalArgumentException("a KLL sketch needs 8 <= k <= 65535, got " + k);
        }
        return k;
    }

    /** How a fitted step's quantiles were found, for names and JSON: null when exact. */
    static String describe(int k) {
        return k == 0 ? null : "KLL sketch, k=" + k;
    }

    /**
     * Fails before any value is collected when exact quantiles of {@code columns} columns over
     * {@code rows} rows (8 bytes each, kept at once) would take more than half the heap's maximum.
     */
    static void requireExactFits(long rows, int columns, String step, String firstColumn, String option) {
        long bytes = rows * 8L * columns;
        long limit = heapLimit.getAsLong();
        if (bytes > limit / 2) {
            throw new PreprocessingException(columns == 1 ? firstColumn : null, String.format(java.util.Locale.ROOT,
                    "%s keeps every value for exact quantiles: %,d rows x %d column(s) x 8 bytes = %,d bytes, more than half"
                            + " the heap's maximum of %,d bytes; use %s, or a larger -Xmx",
                    step, rows, columns, bytes, limit, option));
        }
    }
}

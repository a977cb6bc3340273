package ai.bigdata.core.data;

import java.util.Arrays;
import java.util.Random;

/** Seeded assignment of global row positions to parts, shared by splits and folds. */
final class RowAssignment {
    private RowAssignment() {
    }

    /** A seeded Fisher-Yates permutation of 0..n-1. */
    static int[] permutation(int n, Random rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rnd);
        return p;
    }

    static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Part sizes for n items and the given fractions, by largest remainder; they add up to n. */
    static int[] sizes(int n, double[] fractions) {
        int[] out = new int[fractions.length];
        double[] rem = new double[fractions.length];
        int used = 0;
        for (int i = 0; i < fractions.length; i++) {
            double exact = n * fractions[i];
            out[i] = (int) Math.floor(exact);
            rem[i] = exact - out[i];
            used += out[i];
        }
        while (used < n) {
            int best = 0;
            for (int i = 1; i < rem.length; i++) {
                if (rem[i] > rem[best]) {
                    best = i;
                }
            }
            out[best]++;
            rem[best] = -1;
            used++;
        }
        return out;
    }

    /** Rows grouped by id: {@code result[g]} lists the rows of group g in row order. */
    static int[][] members(int[] ids, int groups) {
        int[] count = new int[groups];
        for (int id : ids) {
            count[id]++;
        }
        int[][] out = new int[groups][];
        for (int g = 0; g < groups; g++) {
            out[g] = new int[count[g]];
        }
        Arrays.fill(count, 0);
        for (int r = 0; r < ids.length; r++) {
            out[ids[r]][count[ids[r]]++] = r;
        }
        return out;
    }

    /**
     * Per-chunk row lists of the rows whose part is {@code part}: the shape {@link Dataset#selectRows}
     * takes. Rows keep their original order.
     */
    static int[][] rowsOf(int[] partOfRow, int part, Dataset data) {
        int chunks = data.source().chunkCount();
        int[][] out = new int[chunks][];
        int at = 0;
        for (int k = 0; k < chunks; k++) {
            int rows = data.source().chunkRows(k);
            int n = 0;
            for (int i = 0; i < rows; i++) {
                if (partOfRow[at + i] == part) {
                    n++;
                }
            }
            int[] sel = new int[n];
            n = 0;
            for (int i = 0; i < rows; i++) {
                if (partOfRow[at + i] == part) {
                    sel[n++] = i;
                }
            }
            out[k] = sel;
            at += rows;
        }
        return out;
    }
}

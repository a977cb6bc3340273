package ai.bigdata.core.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * How many rows of each stratum go to each part of a stratified split, so that the part totals are
 * those of a plain split ({@link RowAssignment#sizes}: within one row of the asked fractions) and each
 * stratum's count in each part is within one row of its exact share.
 *
 * <p>Every stratum first gets the floor of its exact share in each part; the rows left over (fewer
 * than the number of parts per stratum) are then dealt out so that each part reaches its total: strata
 * with more left-over rows first (ties in seeded random order), each giving its rows to distinct parts,
 * those that still lack the most rows first (ties to the part where the stratum's remainder is
 * largest). Small classes therefore spread over the parts deterministically instead of always landing
 * in the first one.
 */
final class StratifiedAllocation {
    private StratifiedAllocation() {
    }

    /** {@code result[s][p]}: rows of stratum s (of {@code sizes[s]} rows) for part p. */
    static int[][] allocate(int[] sizes, double[] fractions, Random rnd) {
        int strata = sizes.length;
        int parts = fractions.length;
        long total = 0;
        for (int n : sizes) {
            total += n;
        }
        int[] target = RowAssignment.sizes((int) total, fractions);
        int[][] out = new int[strata][parts];
        double[][] rem = new double[strata][parts];
        int[] leftover = new int[strata];
        long[] lacking = new long[parts];
        for (int p = 0; p < parts; p++) {
            lacking[p] = target[p];
        }
        for (int s = 0; s < strata; s++) {
            int used = 0;
            for (int p = 0; p < parts; p++) {
                double exact = sizes[s] * fractions[p];
                out[s][p] = (int) Math.min(Math.floor(exact), sizes[s] - used);
                rem[s][p] = exact - out[s][p];
                used += out[s][p];
                lacking[p] -= out[s][p];
            }
            leftover[s] = sizes[s] - used;
        }
        List<Integer> order = new ArrayList<>();
        for (int s : RowAssignment.permutation(strata, rnd)) {
            order.add(s);
        }
        order.sort(Comparator.comparingInt((Integer s) -> -leftover[s]));
        for (int s : order) {
            boolean[] taken = new boolean[parts];
            for (int k = 0; k < leftover[s]; k++) {
                int best = pick(lacking, rem[s], taken, true);
                if (best < 0) {
                    // cannot happen with a feasible deal; keep the totals exact rather than the spread
                    best = pick(lacking, rem[s], taken, false);
                }
                taken[best] = true;
                out[s][best]++;
                lacking[best]--;
            }
        }
        return out;
    }

    private static int pick(long[] lacking, double[] rem, boolean[] taken, boolean distinct) {
        int best = -1;
        for (int p = 0; p < lacking.length; p++) {
            if (lacking[p] <= 0 || distinct && taken[p]) {
                continue;
            }
            if (best < 0 || lacking[p] > lacking[best] || lacking[p] == lacking[best] && rem[p] > rem[best]) {
                best = p;
            }
        }
        return best;
    }
}

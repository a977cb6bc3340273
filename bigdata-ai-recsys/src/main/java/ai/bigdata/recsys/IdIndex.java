package ai.bigdata.recsys;

import java.util.Arrays;

/**
 * A dense mapping between external ids and indices 0..size-1, in ascending id order (so a smaller index is
 * a smaller id, which makes "ties broken by smaller id" a comparison of indices). Immutable.
 */
public final class IdIndex {
    private final long[] ids;

    private IdIndex(long[] sortedDistinct) {
        this.ids = sortedDistinct;
    }

    /** The index of the given ids (any order, duplicates allowed). */
    public static IdIndex of(long... ids) {
        return new IdIndex(sortedDistinct(ids));
    }

    /** The distinct values of {@code ids}, ascending (a sorted copy, deduplicated in place: no boxing). */
    static long[] sortedDistinct(long[] ids) {
        long[] sorted = ids.clone();
        Arrays.parallelSort(sorted);
        int n = 0;
        for (int k = 0; k < sorted.length; k++) {
            if (k == 0 || sorted[k] != sorted[n - 1]) {
                sorted[n++] = sorted[k];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }

    /** The number of ids. */
    public int size() {
        return ids.length;
    }

    /** The index of {@code id}, or -1 when it is not in the index. */
    public int index(long id) {
        int i = Arrays.binarySearch(ids, id);
        return i >= 0 ? i : -1;
    }

    /** Whether {@code id} is in the index. */
    public boolean contains(long id) {
        return index(id) >= 0;
    }

    /** The id at {@code index}. */
    public long id(int index) {
        return ids[index];
    }

    /** A copy of all ids, ascending. */
    public long[] ids() {
        return ids.clone();
    }

    @Override
    public String toString() {
        return "IdIndex[" + ids.length + " ids]";
    }
}

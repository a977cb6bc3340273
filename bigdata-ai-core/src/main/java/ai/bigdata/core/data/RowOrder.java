package ai.bigdata.core.data;

import ai.bigdata.core.internal.ChunkSource;
import java.util.Arrays;
import java.util.Random;

/**
 * The order in which a {@link BatchIterator} visits a dataset's rows in one epoch: as stored; shuffled
 * over all rows (in-memory data); or, for streamed data, chunks in shuffled order with the rows of each
 * chunk shuffled, so that only one chunk is needed at a time. Seeded by the seed and the epoch number,
 * so a resumed run sees the same order as an uninterrupted one.
 */
final class RowOrder {
    /** Consecutive batch rows that come from one chunk: rows {@code from..from+len} of the chunk, or of {@code rowsInChunk} when it is not null. */
    record Run(int chunk, int[] rowsInChunk, int from, int len) {
    }

    private final ChunkSource source;
    private final boolean shuffle;
    private final long seed;
    private final long[] chunkStart;
    private final long rows;
    private int epoch;
    private int[] globalOrder;
    private int[] chunkOrder;
    private int visitChunk = -1;
    private int[] visitRows;

    RowOrder(ChunkSource source, boolean shuffle, long seed) {
        this.source = source;
        this.shuffle = shuffle;
        this.seed = seed;
        chunkStart = new long[source.chunkCount() + 1];
        for (int k = 0; k < source.chunkCount(); k++) {
            chunkStart[k + 1] = chunkStart[k] + source.chunkRows(k);
        }
        rows = chunkStart[source.chunkCount()];
        if (shuffle && source.inMemory() && rows > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot shuffle more than 2^31 in-memory rows in one dataset");
        }
    }

    /** Rows in the dataset. */
    long rows() {
        return rows;
    }

    /** The global index of chunk {@code k}'s first row ({@code k} may be the chunk count: then the row count). */
    long chunkStart(int k) {
        return chunkStart[k];
    }

    /** Whether rows are visited in shuffled order. */
    boolean shuffled() {
        return shuffle;
    }

    /** Sets up the order of epoch {@code e}. */
    void startEpoch(int e) {
        epoch = e;
        visitChunk = -1;
        globalOrder = null;
        chunkOrder = null;
        if (!shuffle) {
            return;
        }
        Random rnd = new Random(seed + 1_000_003L * epoch);
        if (source.inMemory()) {
            globalOrder = RowAssignment.permutation((int) rows, rnd);
        } else {
            chunkOrder = RowAssignment.permutation(source.chunkCount(), rnd);
        }
    }

    /** The chunk holding global row {@code globalRow} (in storage order). */
    int chunkOf(long globalRow) {
        int k = Arrays.binarySearch(chunkStart, globalRow);
        if (k >= 0) {
            while (k + 1 < chunkStart.length && chunkStart[k + 1] == globalRow) {
                k++;
            }
            return k;
        }
        return -k - 2;
    }

    /** The run of at most {@code max} rows that starts at epoch position {@code position}. */
    Run run(long position, int max) {
        if (globalOrder != null) {
            int k = chunkOf(globalOrder[(int) position]);
            int len = 1;
            while (len < max && chunkOf(globalOrder[(int) position + len]) == k) {
                len++;
            }
            int[] rowsInChunk = new int[len];
            for (int i = 0; i < len; i++) {
                rowsInChunk[i] = (int) (globalOrder[(int) position + i] - chunkStart[k]);
            }
            return new Run(k, rowsInChunk, 0, len);
        }
        if (chunkOrder != null) {
            long before = 0;
            for (int k : chunkOrder) {
                int size = source.chunkRows(k);
                if (position < before + size) {
                    if (visitChunk != k) {
                        visitChunk = k;
                        visitRows = RowAssignment.permutation(size, new Random(seed * 31 + 1_000_003L * epoch + k));
                    }
                    int from = (int) (position - before);
                    return new Run(k, visitRows, from, (int) Math.min(max, size - from));
                }
                before += size;
            }
            throw new IllegalStateException("position " + position + " past the end of " + rows + " rows");
        }
        int k = chunkOf(position);
        return new Run(k, null, (int) (position - chunkStart[k]), (int) Math.min(max, chunkStart[k + 1] - position));
    }
}

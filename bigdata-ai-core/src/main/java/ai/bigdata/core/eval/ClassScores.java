package ai.bigdata.core.eval;

import java.util.Arrays;
import java.util.concurrent.Future;

/**
 * The scores of one class on every row, split into the rows of that class (positives) and the others
 * (negatives), held in one array filled from both ends: sized to the expected row count, it takes
 * exactly one value per row and never grows. Kept as float32 (model outputs: exact) or float64 (scores
 * given as doubles). This is the only per-row memory of an evaluation: exact ROC and precision-recall
 * curves need every score.
 */
abstract class ClassScores {
    /** The smallest part worth sorting on a second thread. */
    static final int PARALLEL_PART = 1 << 16;

    private int capacity;
    private int positives;
    private int negatives;

    private ClassScores(int capacity) {
        this.capacity = capacity;
    }

    /** An empty float32 store for about {@code expectedRows} rows (it grows if more come). */
    static ClassScores floats(int expectedRows) {
        return new Floats(Math.max(expectedRows, 16));
    }

    /** An empty float64 store for about {@code expectedRows} rows (it grows if more come). */
    static ClassScores doubles(int expectedRows) {
        return new Doubles(Math.max(expectedRows, 16));
    }

    /** Appends the score of a row of this class ({@code positive}) or of another class. */
    final void add(boolean positive, double v) {
        if (positives + negatives == capacity) {
            if (capacity >= Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than " + capacity + " rows with scores; evaluate with Evaluator.withoutCurves()");
            }
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, capacity * 2L);
            resize(grown, capacity - negatives, grown - negatives, negatives);
            capacity = grown;
        }
        // no branch on the class: it changes from row to row unpredictably
        int index = positive ? positives : capacity - 1 - negatives;
        int one = positive ? 1 : 0;
        positives += one;
        negatives += 1 - one;
        store(index, positive, v);
    }

    /**
     * Sorts both parts in ascending order, in place; {@code buffer} (at least {@link #sortBufferLength()}
     * long) is scratch space that several stores may share. When both parts hold at least
     * {@value #PARALLEL_PART} scores and {@code spare} (at least {@link #spareBufferLength()} long) is
     * given, the positives are sorted on an evaluation thread, in {@code spare}, while the caller sorts the
     * negatives: the same result in about half the time on two cores.
     */
    final void sort(int[] buffer, int[] spare) {
        if (spareBufferLength() > 0 && spare.length >= spareBufferLength()) {
            Future<?> positivesSorted = EvaluationThreads.start(() -> sortRange(0, positives, true, spare));
            sortRange(capacity - negatives, capacity, false, buffer);
            EvaluationThreads.await(positivesSorted);
            return;
        }
        int[] scratch = buffer.length >= Math.max(positives, negatives) ? buffer : new int[Math.max(positives, negatives)];
        sortRange(0, positives, true, scratch);
        sortRange(capacity - negatives, capacity, false, scratch);
    }

    /** Whether both parts are large enough for sorting them at the same time to pay. */
    private boolean parallel() {
        return Math.min(positives, negatives) >= PARALLEL_PART;
    }

    /** The scratch length {@link #sort} needs: the negatives when the parts sort at once, else the larger part. */
    final int sortBufferLength() {
        return parallel() ? negatives : Math.max(positives, negatives);
    }

    /** The spare scratch length that lets {@link #sort} sort the two parts at once: the positives, or 0 when they are too small for it to pay. */
    final int spareBufferLength() {
        return parallel() ? positives : 0;
    }

    /** Rows of this class. */
    final int positives() {
        return positives;
    }

    /** Rows of other classes. */
    final int negatives() {
        return negatives;
    }

    /** The i-th score of a row of this class (ascending once sorted). */
    final double positive(int i) {
        return load(i);
    }

    /** The i-th score of a row of another class (ascending once sorted). */
    final double negative(int i) {
        return load(capacity - negatives + i);
    }

    /** Whether the scores are kept as float32 (else float64). */
    abstract boolean floats();

    /** Appends every score of {@code other}, its positives as positives and its negatives as negatives. */
    final void addAll(ClassScores other) {
        for (int i = 0; i < other.positives; i++) {
            add(true, other.positive(i));
        }
        for (int i = 0; i < other.negatives; i++) {
            add(false, other.negative(i));
        }
    }

    abstract double load(int index);

    /** Stores the score of a row of this class ({@code positive}) or of another class at {@code index}. */
    abstract void store(int index, boolean positive, double v);

    /** Sorts the positives ({@code positive}) or the negatives, which lie at {@code [from, to)}. */
    abstract void sortRange(int from, int to, boolean positive, int[] buffer);

    /** A new backing array of {@code size}: the front part stays, the {@code back} values at {@code backFrom} move to {@code backTo}. */
    abstract void resize(int size, int backFrom, int backTo, int back);

    /** Float32 scores, counted into each part's digit histogram as they come in, so that the sort need not count them. */
    private static final class Floats extends ClassScores {
        private float[] values;
        private final int[] positiveCounts = new int[FloatRadixSort.COUNTS];
        private final int[] negativeCounts = new int[FloatRadixSort.COUNTS];

        Floats(int capacity) {
            super(capacity);
            values = new float[capacity];
        }

        @Override
        boolean floats() {
            return true;
        }

        @Override
        double load(int index) {
            return values[index];
        }

        @Override
        void store(int index, boolean positive, double v) {
            float f = (float) v;
            values[index] = f;
            FloatRadixSort.count(f, positive ? positiveCounts : negativeCounts);
        }

        @Override
        void sortRange(int from, int to, boolean positive, int[] buffer) {
            FloatRadixSort.sort(values, from, to, buffer, positive ? positiveCounts : negativeCounts);
        }

        @Override
        void resize(int size, int backFrom, int backTo, int back) {
            float[] v = Arrays.copyOf(values, size);
            System.arraycopy(values, backFrom, v, backTo, back);
            values = v;
        }
    }

    private static final class Doubles extends ClassScores {
        private double[] values;

        Doubles(int capacity) {
            super(capacity);
            values = new double[capacity];
        }

        @Override
        boolean floats() {
            return false;
        }

        @Override
        double load(int index) {
            return values[index];
        }

        @Override
        void store(int index, boolean positive, double v) {
            values[index] = v;
        }

        @Override
        void sortRange(int from, int to, boolean positive, int[] buffer) {
            Arrays.sort(values, from, to);
        }

        @Override
        void resize(int size, int backFrom, int backTo, int back) {
            double[] v = Arrays.copyOf(values, size);
            System.arraycopy(values, backFrom, v, backTo, back);
            values = v;
        }
    }
}

package ai.bigdata.core.eval;

import java.util.Arrays;

/**
 * A growable list of scores, kept as float32 (model outputs, exact) or float64 (scores given as
 * doubles), sortable in place. This is the only per-row memory an evaluation keeps: exact ROC and
 * precision-recall curves need every score.
 */
abstract class Scores {
    protected int size;

    /** An empty float32 list. */
    static Scores floats() {
        return new Floats();
    }

    /** An empty float64 list. */
    static Scores doubles() {
        return new Doubles();
    }

    /** Appends a score (already checked to be finite). */
    abstract void add(double v);

    /** The i-th score (in ascending order once {@link #sort()} has run). */
    abstract double get(int i);

    /** Sorts the scores in ascending order, in place. */
    abstract void sort();

    /** Number of scores. */
    final int size() {
        return size;
    }

    /** The capacity to grow to for one more element: doubling, so that the total allocated stays near twice the size. */
    static int grown(int capacity) {
        if (capacity >= Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than " + capacity + " scores in one class; evaluate with Evaluator.withoutCurves()");
        }
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024, capacity * 2L));
    }

    private static final class Floats extends Scores {
        private float[] values = new float[0];

        @Override
        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(values.length));
            }
            values[size++] = (float) v;
        }

        @Override
        double get(int i) {
            return values[i];
        }

        @Override
        void sort() {
            Arrays.sort(values, 0, size);
        }
    }

    private static final class Doubles extends Scores {
        private double[] values = new double[0];

        @Override
        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(values.length));
            }
            values[size++] = v;
        }

        @Override
        double get(int i) {
            return values[i];
        }

        @Override
        void sort() {
            Arrays.sort(values, 0, size);
        }
    }
}

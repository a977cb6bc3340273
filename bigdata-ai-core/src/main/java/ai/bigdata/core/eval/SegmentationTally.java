package ai.bigdata.core.eval;

import java.util.List;

/**
 * Running counts of a per-element classifier: the confusion matrix over mask elements (true class by
 * predicted class) and the summed log loss. Mergeable; keeps nothing per row.
 */
final class SegmentationTally {
    private final List<String> classes;
    private final long[][] confusion;
    private double logLossSum;
    private long rows;

    SegmentationTally(List<String> classes) {
        this.classes = List.copyOf(classes);
        this.confusion = new long[classes.size()][classes.size()];
    }

    /** Counts one element of true class {@code truth} predicted as {@code predicted}. */
    void add(int truth, int predicted) {
        confusion[truth][predicted]++;
    }

    /** Adds the log loss summed over a batch's elements and the batch's rows. */
    void addLoss(double sum, long batchRows) {
        logLossSum += sum;
        rows += batchRows;
    }

    List<String> classes() {
        return classes;
    }

    long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    double logLossSum() {
        return logLossSum;
    }

    long rows() {
        return rows;
    }
}

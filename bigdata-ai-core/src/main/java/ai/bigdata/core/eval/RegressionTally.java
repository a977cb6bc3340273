package ai.bigdata.core.eval;

import java.util.Arrays;

/**
 * The running state of a regression evaluation, fed block by block: per output the sums of squared,
 * absolute and relative errors (in row order) and the target's mean and sum of squared deviations
 * (exact two-pass per block, merged across blocks with Chan's formula). All counters; the only rows
 * kept are an evenly spaced sample of at most {@value #SAMPLE} (true, predicted) pairs of the first
 * output, for the chart.
 */
final class RegressionTally {
    private static final double EPS = Math.ulp(1.0);
    /** Largest number of (true, predicted) pairs kept for the chart. */
    static final int SAMPLE = 4096;

    /** One block of rows: true and predicted values by row and output. */
    interface Block {
        /** Rows in the block. */
        int rows();

        /** Values per row, true and predicted alike. */
        int outputs();

        /** True value of row r, output j. */
        double truth(int r, int j);

        /** Predicted value of row r, output j. */
        double predicted(int r, int j);
    }

    final int outputs;
    final double[] squared;
    final double[] absolute;
    final double[] relative;
    final double[] mean;
    final double[] m2;
    int rows;
    double[] sampleTruth = new double[SAMPLE];
    double[] samplePredicted = new double[SAMPLE];
    int sampled;
    /** Every sampleStride-th row is in the sample. */
    long sampleStride = 1;

    RegressionTally(int outputs) {
        if (outputs < 1) {
            throw new IllegalArgumentException("regression needs at least one output, got " + outputs);
        }
        this.outputs = outputs;
        squared = new double[outputs];
        absolute = new double[outputs];
        relative = new double[outputs];
        mean = new double[outputs];
        m2 = new double[outputs];
    }

    /**
     * Adds a block of rows; {@code firstRow} is the position of its first row, for error messages.
     *
     * @throws IllegalArgumentException when the block has another width or a value that is not finite
     */
    void add(Block b, long firstRow) {
        int n = b.rows();
        if (n == 0) {
            return;
        }
        if (b.outputs() != outputs) {
            throw new IllegalArgumentException("rows from " + firstRow + " have " + b.outputs() + " values, expected " + outputs);
        }
        if ((long) rows + n > Integer.MAX_VALUE) {
            throw new IllegalStateException("more than " + Integer.MAX_VALUE + " rows in one evaluation");
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < outputs; j++) {
                double y = b.truth(i, j);
                double p = b.predicted(i, j);
                if (!Double.isFinite(y) || !Double.isFinite(p)) {
                    throw new IllegalArgumentException("row " + (firstRow + i) + " output " + j + ": true " + y + ", predicted " + p);
                }
            }
        }
        for (int j = 0; j < outputs; j++) {
            double blockMean = 0;
            for (int i = 0; i < n; i++) {
                blockMean += b.truth(i, j);
            }
            blockMean /= n;
            double blockM2 = 0;
            for (int i = 0; i < n; i++) {
                double y = b.truth(i, j);
                double e = y - b.predicted(i, j);
                squared[j] += e * e;
                blockM2 += (y - blockMean) * (y - blockMean);
                absolute[j] += Math.abs(e);
                relative[j] += Math.abs(e) / Math.max(Math.abs(y), EPS);
            }
            if (rows == 0) {
                mean[j] = blockMean;
                m2[j] = blockM2;
            } else {
                double total = (double) rows + n;
                double delta = blockMean - mean[j];
                mean[j] += delta * n / total;
                m2[j] += blockM2 + delta * delta * ((double) rows * n / total);
            }
        }
        for (int i = 0; i < n; i++) {
            sample(rows + i, b.truth(i, 0), b.predicted(i, 0));
        }
        rows += n;
    }

    /**
     * Adds the rows of {@code other}, a tally of other rows with as many outputs (the part of another
     * partition): error sums add, means and squared deviations merge by Chan's formula, and the chart's
     * samples are pooled and thinned back to at most {@value #SAMPLE} pairs.
     *
     * @throws IllegalArgumentException when the number of outputs differs
     */
    void absorb(RegressionTally other) {
        if (other.outputs != outputs) {
            throw new IllegalArgumentException("cannot merge an evaluation of " + other.outputs + " outputs into one of " + outputs);
        }
        if ((long) rows + other.rows > Integer.MAX_VALUE) {
            throw new IllegalStateException("more than " + Integer.MAX_VALUE + " rows in one evaluation");
        }
        if (other.rows == 0) {
            return;
        }
        for (int j = 0; j < outputs; j++) {
            squared[j] += other.squared[j];
            absolute[j] += other.absolute[j];
            relative[j] += other.relative[j];
            if (rows == 0) {
                mean[j] = other.mean[j];
                m2[j] = other.m2[j];
            } else {
                double total = (double) rows + other.rows;
                double delta = other.mean[j] - mean[j];
                mean[j] += delta * other.rows / total;
                m2[j] += other.m2[j] + delta * delta * ((double) rows * other.rows / total);
            }
        }
        rows += other.rows;
        double[] truth = Arrays.copyOf(sampleTruth, sampled + other.sampled);
        double[] predicted = Arrays.copyOf(samplePredicted, sampled + other.sampled);
        System.arraycopy(other.sampleTruth, 0, truth, sampled, other.sampled);
        System.arraycopy(other.samplePredicted, 0, predicted, sampled, other.sampled);
        int n = truth.length;
        sampleStride = Math.max(sampleStride, other.sampleStride);
        while (n > SAMPLE) {
            for (int k = 0; k < (n + 1) / 2; k++) {
                truth[k] = truth[2 * k];
                predicted[k] = predicted[2 * k];
            }
            n = (n + 1) / 2;
            sampleStride *= 2;
        }
        sampleTruth = Arrays.copyOf(truth, Math.max(n, SAMPLE));
        samplePredicted = Arrays.copyOf(predicted, Math.max(n, SAMPLE));
        sampled = n;
    }

    private void sample(long row, double y, double p) {
        if (row % sampleStride != 0) {
            return;
        }
        if (sampled == SAMPLE) {
            for (int k = 0; k < SAMPLE / 2; k++) {
                sampleTruth[k] = sampleTruth[2 * k];
                samplePredicted[k] = samplePredicted[2 * k];
            }
            sampled = SAMPLE / 2;
            sampleStride *= 2;
            if (row % sampleStride != 0) {
                return;
            }
        }
        sampleTruth[sampled] = y;
        samplePredicted[sampled] = p;
        sampled++;
    }

    /** The sampled true values of the first output. */
    double[] sampleTruth() {
        return Arrays.copyOf(sampleTruth, sampled);
    }

    /** The sampled predictions of the first output. */
    double[] samplePredicted() {
        return Arrays.copyOf(samplePredicted, sampled);
    }
}

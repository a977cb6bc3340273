package ai.bigdata.core.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The objective of L2-regularised logistic regression as scikit-learn's {@code LogisticRegression}
 * states it: {@code C * sum_i loss_i + ||W||^2 / 2}, intercepts not penalised. Two classes use the
 * binomial form (one weight vector: {@code d + 1} parameters, the second class's log-odds); more use the
 * multinomial form (softmax over {@code k} classes: {@code d * k + k} parameters, weights row-major
 * {@code [d, k]} then the intercepts). Matrix products go through ND4J in float64, or plain Java loops
 * for small problems (where ND4J's per-call cost dominates); the per-row loss is a numerically stable
 * log-sum-exp.
 */
public final class LogisticObjective implements Lbfgs.Function {
    /** The features in ND4J memory for large problems; else null. */
    private final INDArray x;
    /** The features as a Java array, row-major, for problems small enough that ND4J's per-call cost dominates; else null. */
    private final double[] small;
    private final int[] y;
    private final int rows;
    private final int features;
    private final int classes;
    private final int outputs;
    private final double c;

    /**
     * @param x       features {@code [rows, d]}, any float type (copied to float64)
     * @param y       each row's class in {@code [0, classes)}
     * @param classes at least 2
     * @param c       inverse regularisation strength, positive ({@code Double.POSITIVE_INFINITY}: none)
     */
    public LogisticObjective(INDArray x, int[] y, int classes, double c) {
        this(rowMajor(x, y.length), (int) x.size(1), y, classes, c);
    }

    /**
     * As above, for features given row-major in {@code x} ({@code y.length} rows of {@code features}); a
     * small problem keeps this array, a large one copies it once into ND4J memory and does not keep it.
     */
    public LogisticObjective(double[] x, int features, int[] y, int classes, double c) {
        if (features < 1 || (long) features * y.length != x.length) {
            throw new IllegalArgumentException(x.length + " feature values do not make " + y.length + " rows of " + features);
        }
        if (classes < 2 || !(c > 0)) {
            throw new IllegalArgumentException("logistic regression needs at least 2 classes and C > 0, got " + classes + " and " + c);
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("label " + y[i] + " of row " + i + " is outside [0, " + classes + ")");
            }
        }
        this.y = y.clone();
        this.rows = y.length;
        this.features = features;
        this.classes = classes;
        this.outputs = classes == 2 ? 1 : classes;
        this.c = c;
        boolean isSmall = (long) rows * features * outputs <= SMALL_PRODUCT;
        this.small = isSmall ? x : null;
        this.x = isSmall ? null : Nd4j.create(x, new long[] {rows, features}, 'c');
    }

    private static double[] rowMajor(INDArray x, int rows) {
        if (x.rank() != 2 || x.size(0) != rows) {
            throw new IllegalArgumentException("features " + java.util.Arrays.toString(x.shape()) + " do not match " + rows + " labels");
        }
        return x.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** Multiply-adds of one product below which plain Java loops beat ND4J calls. */
    static final long SMALL_PRODUCT = 1L << 22;

    /** x w, {@code [rows, outputs]} row-major, for the weights {@code theta[0, d * outputs)} row-major {@code [d, outputs]}. */
    private double[] scores(double[] theta) {
        int wCount = features * outputs;
        if (small == null) {
            INDArray w = Nd4j.create(java.util.Arrays.copyOf(theta, wCount), new long[] {features, outputs}, 'c');
            return x.mmul(w).dup('c').data().asDouble();
        }
        double[] z = new double[rows * outputs];
        if (outputs == 1) {
            // two classes: one dot product a row
            for (int i = 0; i < rows; i++) {
                int xi = i * features;
                double sum = 0;
                for (int j = 0; j < features; j++) {
                    sum += small[xi + j] * theta[j];
                }
                z[i] = sum;
            }
            return z;
        }
        for (int i = 0; i < rows; i++) {
            int xi = i * features;
            int zi = i * outputs;
            for (int j = 0; j < features; j++) {
                double v = small[xi + j];
                int wj = j * outputs;
                for (int k = 0; k < outputs; k++) {
                    z[zi + k] += v * theta[wj + k];
                }
            }
        }
        return z;
    }

    /** x^T r, {@code [d, outputs]} row-major, for residuals {@code r} {@code [rows, outputs]} row-major. */
    private double[] weightGradient(double[] residual) {
        if (small == null) {
            INDArray r = Nd4j.create(residual, new long[] {rows, outputs}, 'c');
            return x.transpose().mmul(r).dup('c').data().asDouble();
        }
        double[] g = new double[features * outputs];
        if (outputs == 1) {
            // two classes: the residual-weighted sum of the rows
            for (int i = 0; i < rows; i++) {
                int xi = i * features;
                double r = residual[i];
                for (int j = 0; j < features; j++) {
                    g[j] += r * small[xi + j];
                }
            }
            return g;
        }
        for (int i = 0; i < rows; i++) {
            int xi = i * features;
            int ri = i * outputs;
            for (int j = 0; j < features; j++) {
                double v = small[xi + j];
                int gj = j * outputs;
                for (int k = 0; k < outputs; k++) {
                    g[gj + k] += v * residual[ri + k];
                }
            }
        }
        return g;
    }

    /** Number of parameters: {@code d + 1} for two classes, {@code (d + 1) * k} for more. */
    public int parameterCount() {
        return (features + 1) * outputs;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        int wCount = features * outputs;
        double[] z = scores(theta);
        double loss = 0;
        double[] residual = new double[rows * outputs];
        double[] interceptGrad = new double[outputs];
        for (int i = 0; i < rows; i++) {
            if (outputs == 1) {
                double t = z[i] + theta[wCount];
                // -log sigmoid(+-t), stably; residual = sigmoid(t) - [y == 1]
                double m = y[i] == 1 ? -t : t;
                loss += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
                double p = t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
                residual[i] = p - (y[i] == 1 ? 1 : 0);
            } else {
                int base = i * outputs;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < outputs; k++) {
                    z[base + k] += theta[wCount + k];
                    max = Math.max(max, z[base + k]);
                }
                double sum = 0;
                for (int k = 0; k < outputs; k++) {
                    sum += Math.exp(z[base + k] - max);
                }
                double lse = max + Math.log(sum);
                loss += lse - z[base + y[i]];
                for (int k = 0; k < outputs; k++) {
                    residual[base + k] = Math.exp(z[base + k] - lse) - (k == y[i] ? 1 : 0);
                }
            }
            for (int k = 0; k < outputs; k++) {
                interceptGrad[k] += residual[i * outputs + k];
            }
        }
        double[] wGrad = weightGradient(residual);
        double penalty = 0;
        for (int j = 0; j < wCount; j++) {
            penalty += theta[j] * theta[j];
            gradient[j] = (Double.isInfinite(c) ? wGrad[j] : c * wGrad[j] + theta[j]);
        }
        for (int k = 0; k < outputs; k++) {
            gradient[wCount + k] = Double.isInfinite(c) ? interceptGrad[k] : c * interceptGrad[k];
        }
        return Double.isInfinite(c) ? loss : c * loss + penalty / 2;
    }

    /**
     * The weights {@code [d, classes]} and intercepts {@code [classes]} of a softmax layer that gives the
     * same probabilities as {@code theta}: the multinomial parameters as they are, the binomial ones split
     * as {@code -w/2, +w/2} (softmax of the two is the sigmoid of their difference).
     */
    public double[][] softmaxParameters(double[] theta) {
        double[] weights = new double[features * classes];
        double[] intercepts = new double[classes];
        if (outputs == 1) {
            for (int j = 0; j < features; j++) {
                weights[j * 2] = -theta[j] / 2;
                weights[j * 2 + 1] = theta[j] / 2;
            }
            intercepts[0] = -theta[features] / 2;
            intercepts[1] = theta[features] / 2;
        } else {
            System.arraycopy(theta, 0, weights, 0, features * classes);
            System.arraycopy(theta, features * classes, intercepts, 0, classes);
        }
        return new double[][] {weights, intercepts};
    }
}

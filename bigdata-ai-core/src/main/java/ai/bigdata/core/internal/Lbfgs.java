package ai.bigdata.core.internal;

/**
 * Limited-memory BFGS minimisation of a smooth function of a {@code double[]} (Nocedal and Wright,
 * "Numerical Optimization", algorithms 7.4 and 7.5): the last {@code memory} steps and gradient changes
 * approximate the inverse Hessian, and a backtracking line search with the Armijo condition picks each
 * step (a pair whose curvature {@code s.y} is not positive is not stored, so the approximation stays
 * positive definite). Stops when the largest gradient component is at most {@code tolerance} (SciPy's
 * {@code gtol}, as scikit-learn's lbfgs solver uses it), when a step lowers the value by a relative
 * amount of at most {@link #RELATIVE_REDUCTION} (SciPy's default {@code ftol}: below that, rounding
 * decides), or after {@code maxIterations}. Deterministic: the same function and start give the same
 * iterates.
 */
public final class Lbfgs {
    /** A function to minimise: writes the gradient at {@code x} into {@code gradient} and returns the value. */
    @FunctionalInterface
    public interface Function {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** The outcome: the minimiser found, its value, the iterations taken and whether a stopping test (not the limit) ended it. */
    public record Result(double[] x, double value, int iterations, boolean converged) {
    }

    /** SciPy L-BFGS-B's default {@code ftol} (factr 1e7 times machine epsilon). */
    public static final double RELATIVE_REDUCTION = 1e7 * Math.ulp(1.0);

    private final int memory;
    private final int maxIterations;
    private final double tolerance;
    private final double relativeReduction;

    /**
     * @param memory        correction pairs kept (SciPy's default is 10)
     * @param maxIterations iterations at most
     * @param tolerance     stop when max |gradient_i| is at most this
     */
    public Lbfgs(int memory, int maxIterations, double tolerance) {
        this(memory, maxIterations, tolerance, RELATIVE_REDUCTION);
    }

    /** As above, stopping also when a step lowers the value by a relative amount of at most {@code relativeReduction}. */
    public Lbfgs(int memory, int maxIterations, double tolerance, double relativeReduction) {
        if (memory < 1 || maxIterations < 1 || !(tolerance >= 0) || !(relativeReduction >= 0)) {
            throw new IllegalArgumentException("L-BFGS needs memory >= 1, maxIterations >= 1, tolerance >= 0 and"
                    + " relativeReduction >= 0, got " + memory + ", " + maxIterations + ", " + tolerance + ", " + relativeReduction);
        }
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.relativeReduction = relativeReduction;
    }

    /**
     * Minimises {@code f} from {@code start} (not modified).
     *
     * @throws ArithmeticException when the function's value or gradient is not finite at the start
     */
    public Result minimise(Function f, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        if (!Double.isFinite(fx) || !finite(g)) {
            throw new ArithmeticException("the objective is not finite at the start (value " + fx + ")");
        }
        double[][] s = new double[memory][];
        double[][] y = new double[memory][];
        double[] rho = new double[memory];
        int stored = 0;
        int newest = -1;
        double[] direction = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] alpha = new double[memory];
        for (int it = 0; it < maxIterations; it++) {
            if (maxAbs(g) <= tolerance) {
                return new Result(x, fx, it, true);
            }
            // two-loop recursion: direction = -H g
            System.arraycopy(g, 0, direction, 0, n);
            for (int i = 0; i < stored; i++) {
                int j = Math.floorMod(newest - i, memory);
                alpha[j] = rho[j] * dot(s[j], direction);
                axpy(-alpha[j], y[j], direction);
            }
            double gamma = stored == 0 ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
            scale(direction, gamma);
            for (int i = stored - 1; i >= 0; i--) {
                int j = Math.floorMod(newest - i, memory);
                double beta = rho[j] * dot(y[j], direction);
                axpy(alpha[j] - beta, s[j], direction);
            }
            scale(direction, -1);
            double slope = dot(g, direction);
            if (!(slope < 0)) {
                // not a descent direction (rounding): restart from the gradient
                System.arraycopy(g, 0, direction, 0, n);
                scale(direction, -1 / Math.max(1, Math.sqrt(dot(g, g))));
                slope = dot(g, direction);
                stored = 0;
            }
            double step = 1;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int tries = 0; tries < 60; tries++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * direction[i];
                }
                fNew = f.valueAndGradient(xNew, gNew);
                if (Double.isFinite(fNew) && finite(gNew) && fNew <= fx + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                // no step lowers the value any more: rounding decides, which is as converged as it gets
                return new Result(x, fx, it, true);
            }
            int slot = (newest + 1) % memory;
            double[] sNew = s[slot] == null ? new double[n] : s[slot];
            double[] yNew = y[slot] == null ? new double[n] : y[slot];
            for (int i = 0; i < n; i++) {
                sNew[i] = xNew[i] - x[i];
                yNew[i] = gNew[i] - g[i];
            }
            double sy = dot(sNew, yNew);
            if (sy > 1e-10 * Math.sqrt(dot(sNew, sNew) * dot(yNew, yNew))) {
                s[slot] = sNew;
                y[slot] = yNew;
                rho[slot] = 1 / sy;
                newest = slot;
                stored = Math.min(stored + 1, memory);
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            double reduction = (fx - fNew) / Math.max(Math.max(Math.abs(fx), Math.abs(fNew)), 1);
            fx = fNew;
            if (reduction <= relativeReduction) {
                return new Result(x, fx, it + 1, true);
            }
        }
        return new Result(x, fx, maxIterations, maxAbs(g) <= tolerance);
    }

    private static boolean finite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] a, double c) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= c;
        }
    }

    @Override
    public String toString() {
        return "L-BFGS(memory " + memory + ", at most " + maxIterations + " iterations, tolerance " + tolerance + ")";
    }
}

package ai.bigdata.recsys;

/** Small dense symmetric positive definite solves (rank x rank normal equations), row-major doubles. */
final class DenseSolve {
    private DenseSolve() {
    }

    /**
     * Solves {@code a x = b} by Cholesky; {@code a} (n x n, symmetric positive definite) is overwritten by its
     * factor and {@code b} by the solution. Fails when {@code a} is not positive definite.
     */
    static void cholesky(double[] a, double[] b, int n) {
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * n + k] * a[j * n + k];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("normal equations not positive definite at column " + j + " (pivot " + d + ")");
            }
            double l = Math.sqrt(d);
            a[j * n + j] = l;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = s / l;
            }
        }
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= a[i * n + k] * b[k];
            }
            b[i] = s / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= a[k * n + i] * b[k];
            }
            b[i] = s / a[i * n + i];
        }
    }
}

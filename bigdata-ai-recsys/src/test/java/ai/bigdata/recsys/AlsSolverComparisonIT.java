package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The measurement behind ALS's plain-Java solver: the per-row normal equations of an ALS sweep, (rank + 1) x
 * (rank + 1) symmetric positive definite systems, solved by {@link DenseSolve#cholesky} and by ND4J's
 * {@code linalg().solve}, one call per system and one batched call for all. Checks that the answers agree and
 * prints the times (no timing assertion; the README quotes a run of 2000 systems per rank).
 */
class AlsSolverComparisonIT {
    @Test
    void plainCholeskyAgainstNd4jSolve() {
        Random rnd = new Random(1);
        for (int rank : new int[] {10, 30}) {
            int n = rank + 1;
            int systems = 200;
            double[][] a = new double[systems][];
            double[][] b = new double[systems][];
            for (int s = 0; s < systems; s++) {
                double[] z = new double[n * 20];
                for (int k = 0; k < z.length; k++) {
                    z[k] = rnd.nextGaussian();
                }
                a[s] = new double[n * n];
                for (int p = 0; p < n; p++) {
                    for (int q = 0; q < n; q++) {
                        double v = 0;
                        for (int r = 0; r < 20; r++) {
                            v += z[r * n + p] * z[r * n + q];
                        }
                        a[s][p * n + q] = v + (p == q ? 1 : 0);
                    }
                }
                b[s] = new double[n];
                for (int p = 0; p < n; p++) {
                    b[s][p] = rnd.nextGaussian();
                }
            }
            double[][] plain = new double[systems][];
            long best = Long.MAX_VALUE;
            for (int rep = 0; rep < 5; rep++) {
                long t0 = System.nanoTime();
                for (int s = 0; s < systems; s++) {
                    double[] x = b[s].clone();
                    DenseSolve.cholesky(a[s].clone(), x, n);
                    plain[s] = x;
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
            long bestSingle = Long.MAX_VALUE;
            INDArray last = null;
            for (int rep = 0; rep < 2; rep++) {
                long t0 = System.nanoTime();
                for (int s = 0; s < systems; s++) {
                    INDArray am = Nd4j.create(a[s], new long[] {n, n}, DataType.DOUBLE);
                    INDArray bm = Nd4j.create(b[s], new long[] {n, 1}, DataType.DOUBLE);
                    last = Nd4j.linalg().solve(am, bm);
                }
                bestSingle = Math.min(bestSingle, System.nanoTime() - t0);
            }
            long bestBatch = Long.MAX_VALUE;
            INDArray batch = null;
            for (int rep = 0; rep < 2; rep++) {
                long t0 = System.nanoTime();
                double[] flatA = new double[systems * n * n];
                double[] flatB = new double[systems * n];
                for (int s = 0; s < systems; s++) {
                    System.arraycopy(a[s], 0, flatA, s * n * n, n * n);
                    System.arraycopy(b[s], 0, flatB, s * n, n);
                }
                batch = Nd4j.linalg().solve(Nd4j.create(flatA, new long[] {systems, n, n}, DataType.DOUBLE),
                        Nd4j.create(flatB, new long[] {systems, n, 1}, DataType.DOUBLE));
                bestBatch = Math.min(bestBatch, System.nanoTime() - t0);
            }
            for (int p = 0; p < n; p++) {
                assertThat(last.getDouble(p, 0)).isCloseTo(plain[systems - 1][p], org.assertj.core.api.Assertions.within(1e-8));
                assertThat(batch.getDouble(7, p, 0)).isCloseTo(plain[7][p], org.assertj.core.api.Assertions.within(1e-8));
            }
            System.out.printf(Locale.ROOT, "rank %d: %d systems of %d x %d: plain Java Cholesky %.1f ms, ND4J solve per call %.1f ms, "
                    + "ND4J batched solve %.1f ms%n", rank, systems, n, n, best / 1e6, bestSingle / 1e6, bestBatch / 1e6);
        }
    }
}

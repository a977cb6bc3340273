package ai.bigdata.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.factory.Nd4j;

/**
 * L-BFGS on the logistic-regression objective finds the exact optimum of scikit-learn's objective (golden/logistic_olive.json,
 * made by golden/logistic_olive.py) on real data: multinomial over the nine olive areas, binomial for
 * "Southern Italy or not".
 */
@ExtendWith(ArrowLeakCheck.class)
class LbfgsLogisticTest {
    private static final String[] ACIDS = {"palmitic", "palmitoleic", "stearic", "oleic", "linoleic", "linolenic", "arachidic",
        "eicosenoic"};

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = LbfgsLogisticTest.class.getResourceAsStream("/golden/logistic_olive.json")) {
            return new ObjectMapper().readTree(in).get(name);
        }
    }

    /** Standardised acids (population std), areas and the south flag, from the bundled olive data. */
    private static Object[] olive() {
        List<double[]> x = new ArrayList<>();
        List<String> areas = new ArrayList<>();
        List<Integer> south = new ArrayList<>();
        try (Dataset d = Dataset.readCsv(SharedData.file("tabular/olive.csv")).read()) {
            d.forEachRow(r -> {
                double[] row = new double[ACIDS.length];
                for (int a = 0; a < ACIDS.length; a++) {
                    row[a] = r.getDouble(ACIDS[a]);
                }
                x.add(row);
                areas.add(r.getString("area"));
                south.add("Southern Italy".equals(r.getString("region")) ? 1 : 0);
            });
        }
        int n = x.size();
        double[][] m = x.toArray(new double[0][]);
        for (int a = 0; a < ACIDS.length; a++) {
            double mean = 0;
            for (double[] row : m) {
                mean += row[a];
            }
            mean /= n;
            double ss = 0;
            for (double[] row : m) {
                ss += (row[a] - mean) * (row[a] - mean);
            }
            double sd = Math.sqrt(ss / n);
            for (double[] row : m) {
                row[a] = (row[a] - mean) / sd;
            }
        }
        List<String> names = new ArrayList<>(new TreeSet<>(areas));
        int[] area = areas.stream().mapToInt(names::indexOf).toArray();
        return new Object[] {m, area, south.stream().mapToInt(Integer::intValue).toArray()};
    }

    @Test
    void multinomialSolutionIsTheExactOptimumAndStopsWhereScikitLearnStops() throws IOException {
        Object[] d = olive();
        JsonNode g = golden("area_multinomial_C1");
        double[][] x = (double[][]) d[0];
        int[] y = (int[]) d[1];
        LogisticObjective f = new LogisticObjective(Nd4j.create(x), y, 9, 1.0);
        // far below scikit-learn's stopping rule: the optimum of the same objective, solved tightly by SciPy
        Lbfgs.Result exact = new Lbfgs(10, 10_000, 1e-9, 0).minimise(f, new double[f.parameterCount()]);
        double[] theta = exact.x();
        for (int k = 0; k < 9; k++) {
            for (int j = 0; j < ACIDS.length; j++) {
                assertThat(theta[j * 9 + k]).as("class %d, acid %d", k, j)
                        .isCloseTo(g.get("exact_coef").get(k).get(j).asDouble(), within(1e-6));
            }
            assertThat(theta[ACIDS.length * 9 + k]).as("intercept %d", k)
                    .isCloseTo(g.get("exact_intercept").get(k).asDouble(), within(1e-6));
        }
        // with scikit-learn's stopping rules (gtol 1e-4, SciPy's ftol): near its answer, and as accurate
        Lbfgs.Result usual = new Lbfgs(10, 100, 1e-4).minimise(f, new double[f.parameterCount()]);
        assertThat(usual.converged()).isTrue();
        for (int k = 0; k < 9; k++) {
            for (int j = 0; j < ACIDS.length; j++) {
                assertThat(usual.x()[j * 9 + k]).isCloseTo(g.get("coef").get(k).get(j).asDouble(), within(1e-3));
            }
        }
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            double bestZ = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 9; k++) {
                double z = usual.x()[ACIDS.length * 9 + k];
                for (int j = 0; j < ACIDS.length; j++) {
                    z += x[i][j] * usual.x()[j * 9 + k];
                }
                if (z > bestZ) {
                    bestZ = z;
                    best = k;
                }
            }
            correct += best == y[i] ? 1 : 0;
        }
        assertThat((double) correct / x.length).isEqualTo(g.get("train_accuracy").asDouble());
    }

    @Test
    void binomialSolutionMatchesScikitLearnAndMapsToASoftmaxLayer() throws IOException {
        Object[] d = olive();
        JsonNode g = golden("south_binomial_C0.1");
        double[][] x = (double[][]) d[0];
        int[] y = (int[]) d[2];
        LogisticObjective f = new LogisticObjective(Nd4j.create(x), y, 2, 0.1);
        Lbfgs.Result r = new Lbfgs(10, 10_000, 1e-9, 0).minimise(f, new double[f.parameterCount()]);
        assertThat(r.converged()).isTrue();
        for (int j = 0; j < ACIDS.length; j++) {
            assertThat(r.x()[j]).isCloseTo(g.get("exact_coef").get(0).get(j).asDouble(), within(1e-6));
            assertThat(r.x()[j]).isCloseTo(g.get("coef").get(0).get(j).asDouble(), within(1e-4));
        }
        assertThat(r.x()[ACIDS.length]).isCloseTo(g.get("exact_intercept").get(0).asDouble(), within(1e-6));
        // the softmax form gives the same probabilities, so the same training accuracy as scikit-learn's
        double[][] soft = f.softmaxParameters(r.x());
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            double z0 = soft[1][0];
            double z1 = soft[1][1];
            for (int j = 0; j < ACIDS.length; j++) {
                z0 += x[i][j] * soft[0][j * 2];
                z1 += x[i][j] * soft[0][j * 2 + 1];
            }
            correct += (z1 > z0 ? 1 : 0) == y[i] ? 1 : 0;
        }
        assertThat((double) correct / x.length).isEqualTo(g.get("train_accuracy").asDouble());
    }
}

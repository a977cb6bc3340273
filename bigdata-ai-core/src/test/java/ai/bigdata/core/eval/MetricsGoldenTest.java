package ai.bigdata.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our metrics against scikit-learn 1.2.1 on fixtures from src/test/python/metrics_golden.py, to 1e-9. */
class MetricsGoldenTest {
    private static final double TOL = 1e-9;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> golden() throws Exception {
        try (InputStream in = MetricsGoldenTest.class.getResourceAsStream("/golden/metrics.json")) {
            return new ObjectMapper().readValue(in, Map.class);
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> classificationCases() throws Exception {
        return ((List<Map<String, Object>>) golden().get("classification")).stream();
    }

    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> regressionCases() throws Exception {
        return ((List<Map<String, Object>>) golden().get("regression")).stream();
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static double[] vector(Map<String, Object> m, String key) {
        return ((List<Number>) m.get(key)).stream().mapToDouble(Number::doubleValue).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classificationCases")
    @SuppressWarnings("unchecked")
    void classificationMatchesScikitLearn(Map<String, Object> c) {
        int k = ((Number) c.get("classes")).intValue();
        int[] truth = ((List<Number>) c.get("truth")).stream().mapToInt(Number::intValue).toArray();
        double[][] probs = ((List<List<Number>>) c.get("probabilities")).stream()
                .map(r -> r.stream().mapToDouble(Number::doubleValue).toArray()).toArray(double[][]::new);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add("class " + i);
        }
        ClassificationReport r = new ClassificationReport(names, truth, probs);
        assertThat(r.accuracy()).isCloseTo(num(c, "accuracy"), within(TOL));
        assertThat(r.precision()).containsExactly(vector(c, "precision"), within(TOL));
        assertThat(r.recall()).containsExactly(vector(c, "recall"), within(TOL));
        assertThat(r.f1()).containsExactly(vector(c, "f1"), within(TOL));
        assertThat(java.util.Arrays.stream(r.support()).asDoubleStream().toArray()).containsExactly(vector(c, "support"), within(0.0));
        Map<String, Double> m = r.metrics();
        for (String key : List.of("precision_macro", "recall_macro", "f1_macro", "precision_weighted", "recall_weighted", "f1_weighted",
                "f1_micro", "roc_auc", "pr_auc", "log_loss")) {
            assertThat(m.get(key)).as(key).isCloseTo(num(c, key), within(TOL));
        }
        if (k > 2) {
            assertThat(r.topKAccuracy(2)).isCloseTo(num(c, "top2_accuracy"), within(TOL));
        }
        long[][] cm = r.confusionMatrix();
        List<List<Number>> expected = (List<List<Number>>) c.get("confusion_matrix");
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                assertThat(cm[i][j]).isEqualTo(expected.get(i).get(j).longValue());
            }
        }
        String ours = r.toString().replace(System.lineSeparator(), "\n");
        assertThat(ours).startsWith((String) c.get("report"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regressionCases")
    void regressionMatchesScikitLearn(Map<String, Object> c) {
        double[] y = vector(c, "truth");
        double[] p = vector(c, "predicted");
        double[][] yy = new double[y.length][];
        double[][] pp = new double[p.length][];
        for (int i = 0; i < y.length; i++) {
            yy[i] = new double[] {y[i]};
            pp[i] = new double[] {p[i]};
        }
        RegressionReport r = new RegressionReport(yy, pp);
        assertThat(r.mse()).isCloseTo(num(c, "mse"), within(TOL));
        assertThat(r.rmse()).isCloseTo(num(c, "rmse"), within(TOL));
        assertThat(r.mae()).isCloseTo(num(c, "mae"), within(TOL));
        assertThat(r.r2()).isCloseTo(num(c, "r2"), within(TOL));
        assertThat(r.mape()).isCloseTo(num(c, "mape"), within(TOL * Math.max(1, num(c, "mape"))));
    }
}

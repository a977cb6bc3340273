package ai.bigdata.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Metric names are documented where they are used, and an unknown one is a typed error that lists the valid ones. */
class CrossValidationReportTest {
    private static ClassificationReport fold(int[] truth) {
        double[][] p = new double[truth.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = i % 2 == 0 ? new double[] {0.2, 0.7, 0.1} : new double[] {0.5, 0.3, 0.2};
        }
        return new ClassificationReport(List.of("a", "b", "c"), truth, p);
    }

    @Test
    void meanAndStdOverFoldsByDocumentedName() {
        CrossValidationReport cv = new CrossValidationReport(List.of(fold(new int[] {1, 0, 2, 0}), fold(new int[] {1, 1, 1, 1})));
        // predicted b, a, b, a: fold 1 (b, a, c, a) has 3 of 4 right, fold 2 (b, b, b, b) 2 of 4
        assertThat(cv.values("accuracy")).containsExactly(0.75, 0.5);
        assertThat(cv.mean("accuracy")).isEqualTo(0.625);
        assertThat(cv.std("accuracy")).isEqualTo(0.125);
        assertThat(cv.metricNames()).containsExactly("accuracy", "precision_macro", "recall_macro", "f1_macro",
                "precision_weighted", "recall_weighted", "f1_weighted", "f1_micro", "roc_auc", "pr_auc", "log_loss", "top2_accuracy");
    }

    @Test
    void anUnknownMetricIsATypedErrorListingTheValidNames() {
        CrossValidationReport cv = new CrossValidationReport(List.of(new RegressionReport(new double[][] {{1}, {2}},
                new double[][] {{1.5}, {2}})));
        assertThat(cv.mean("mae")).isEqualTo(0.25);
        assertThatThrownBy(() -> cv.mean("accuracy")).isInstanceOf(UnknownMetricException.class)
                .hasMessageContaining("'accuracy'").hasMessageContaining("[mse, rmse, mae, r2, mape]")
                .satisfies(e -> assertThat(((UnknownMetricException) e).validNames()).containsExactly("mse", "rmse", "mae", "r2", "mape"));
    }
}

package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which way each validation metric improves. */
class EarlyStoppingTest {
    @Test
    void lossesAndErrorRatesAreMinimisedScoresMaximised() {
        for (String metric : new String[] {"loss", "log_loss", "mse", "rmse", "mae", "mape", "sequence_error_rate",
                "token_error_rate", "reconstruction_error"}) {
            EarlyStopping s = EarlyStopping.patience(2).monitor(metric);
            assertThat(s.minimises()).as(metric).isTrue();
            assertThat(s.improves(0.2, 0.3)).as(metric).isTrue();
            assertThat(s.improves(0.4, 0.3)).as(metric).isFalse();
        }
        for (String metric : new String[] {"accuracy", "f1_macro", "roc_auc", "r2", "map_50", "mean_iou"}) {
            EarlyStopping s = EarlyStopping.patience(2).monitor(metric);
            assertThat(s.minimises()).as(metric).isFalse();
            assertThat(s.improves(0.4, 0.3)).as(metric).isTrue();
        }
    }
}

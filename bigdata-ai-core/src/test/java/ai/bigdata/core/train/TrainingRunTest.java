package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Epochs computed by the caller (here: the parameters scaled by a constant per epoch, with given losses and
 * metrics) get the trainer's listeners, early stopping with the best parameters restored, and checkpoints that
 * resume only under the same origin.
 */
@ExtendWith(ArrowLeakCheck.class)
class TrainingRunTest {
    @TempDir
    Path dir;

    private static NeuralNetwork initialised(Trainer t, Dataset olive) {
        NeuralNetwork n = NeuralNetwork.mlp().hidden(4).build();
        t.initialise(n, ModelSignature.supervised(olive.schema()), 5);
        return n;
    }

    /** The caller's "epoch": every parameter halved. */
    private static void epoch(NeuralNetwork n) {
        n.parameters().muli(0.5);
    }

    @Test
    void listenersEarlyStoppingAndBestRestoreApplyToReportedEpochs() {
        List<String> heard = new ArrayList<>();
        TrainingListener l = new TrainingListener() {
            @Override
            public void onStart(int epoch, int epochs, long batchesPerEpoch) {
                heard.add("start " + epoch + "/" + epochs + "/" + batchesPerEpoch);
            }

            @Override
            public void onEpoch(EpochRecord r, int epochs) {
                heard.add("epoch " + r.epoch() + " " + r.trainLoss());
            }

            @Override
            public void onWarning(String message) {
                heard.add("warning " + message);
            }

            @Override
            public void onEnd(TrainingHistory h) {
                heard.add("end " + h.epochs().size());
            }
        };
        Trainer t = Trainer.builder().epochs(10).earlyStopping(EarlyStopping.patience(1).monitor("accuracy")).listener(l).build();
        try (Dataset olive = TrainingFixtures.olivePrepared()) {
            NeuralNetwork n = initialised(t, olive);
            TrainingRun run = TrainingRun.start(t, n, 5, "test", true);
            run.warn("look");
            float[] best = null;
            double[] accuracy = {0.5, 0.6, 0.55, 0.9};
            int e = 0;
            while (!run.done()) {
                epoch(n);
                if (e == 1) {
                    best = n.parameters().data().asFloat().clone();
                }
                run.endEpoch(1.0 / (e + 1), 5, Map.of("accuracy", accuracy[e]), 0.1);
                e++;
            }
            TrainingHistory h = run.finish();
            assertThat(e).isEqualTo(3);
            assertThat(h.stoppedEarly()).isTrue();
            assertThat(h.bestEpoch()).isEqualTo(2);
            assertThat(h.warnings()).containsExactly("look");
            assertThat(n.parameters().data().asFloat()).containsExactly(best);
            assertThat(heard).containsExactly("start 0/10/5", "warning look", "epoch 1 1.0", "epoch 2 0.5", "epoch 3 " + (1.0 / 3), "end 3");
            assertThatThrownBy(() -> run.endEpoch(0, 5, Map.of("accuracy", 1.0), 0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> TrainingRun.start(t, initialised(t, olive), 5, "test", false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("earlyStopping");
        }
    }

    @Test
    void checkpointsResumeUnderTheSameOriginOnly() {
        Path folder = dir.resolve("run");
        try (Dataset olive = TrainingFixtures.olivePrepared()) {
            Trainer two = Trainer.builder().epochs(2).checkpoints(Checkpoints.in(folder)).build();
            NeuralNetwork n = initialised(two, olive);
            TrainingRun run = TrainingRun.start(two, n, 5, "origin A", false);
            while (!run.done()) {
                epoch(n);
                run.endEpoch(0.25, 5, Map.of(), 0.1);
            }
            run.finish();
            Path latest = Checkpoints.latest(folder).orElseThrow();
            assertThat(run.lastCheckpoint()).contains(latest);
            assertThat(latest.getFileName().toString()).contains("10");

            Trainer three = Trainer.builder().epochs(3).build();
            NeuralNetwork resumed = NeuralNetwork.mlp().hidden(4).build();
            TrainingRun again = TrainingRun.resume(three, latest, resumed, olive.schema(), 5, "origin A", false);
            assertThat(again.epoch()).isEqualTo(2);
            assertThat(resumed.parameters().data().asFloat()).containsExactly(n.parameters().data().asFloat());
            epoch(resumed);
            again.endEpoch(0.2, 5, Map.of(), 0.1);
            TrainingHistory h = again.finish();
            assertThat(h.epochs()).extracting(EpochRecord::trainLoss).containsExactly(0.25, 0.25, 0.2);

            assertThatThrownBy(() -> TrainingRun.resume(three, latest, NeuralNetwork.mlp().hidden(4).build(), olive.schema(), 5,
                    "origin B", false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'origin A'");
            assertThatThrownBy(() -> three.resume(latest, NeuralNetwork.mlp().hidden(4).build(), olive, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'origin A'").hasMessageContaining("Trainer.fit");
        }
    }
}

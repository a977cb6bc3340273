package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Features scaled far beyond what a network trains on draw a warning (listener, console, history, checkpoints), once per column. */
@ExtendWith(ArrowLeakCheck.class)
class FeatureScaleWarningTest {
    @TempDir
    Path dir;

    /** 300 rows: a feature in [-1, 1], one of +-{@code scale} (both in every batch), and a class of three. */
    private Path csv(double scale) throws Exception {
        StringBuilder s = new StringBuilder("small,big,label\n");
        for (int i = 0; i < 300; i++) {
            s.append(String.format(Locale.ROOT, "%.6f,%.6e,%s%n", Math.sin(i), (i % 2 == 0 ? 1 : -1) * scale, "abc".charAt(i % 3)));
        }
        Path file = dir.resolve("scaled-" + scale + ".csv");
        Files.writeString(file, s, StandardCharsets.UTF_8);
        return file;
    }

    private record Run(TrainingHistory history, List<String> heard, String console) {
    }

    private Run train(double scale, Checkpoints checkpoints) throws Exception {
        List<String> heard = new ArrayList<>();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Trainer.Builder b = Trainer.builder().epochs(3).batchSize(32).seed(2)
                .listener(new ConsoleProgress(new PrintStream(console, true, StandardCharsets.UTF_8)))
                .listener(new TrainingListener() {
                    @Override
                    public void onWarning(String message) {
                        heard.add(message);
                    }
                });
        if (checkpoints != null) {
            b.checkpoints(checkpoints);
        }
        try (Dataset data = Dataset.readCsv(csv(scale)).label("label").read()) {
            TrainingHistory h = b.build().fit(NeuralNetwork.mlp().hidden(8).build(), data);
            return new Run(h, heard, console.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void featuresScaledTo1e30AreReportedOnceNamingTheColumn() throws Exception {
        Run run = train(1e30, Checkpoints.in(dir.resolve("ckpt")));
        assertThat(run.history().epochs()).hasSize(3);
        assertThat(run.history().warnings()).hasSize(1);
        String w = run.history().warnings().get(0);
        assertThat(w).startsWith("feature 'big' is badly scaled: its values reach 1.00e+30 in epoch 1, batch 0 (beyond 1e+06)")
                .contains("Scale.standard()");
        assertThat(run.heard()).containsExactly(w);
        assertThat(run.console()).contains("warning: " + w);
        assertThat(run.history().toString()).contains("warning: " + w);
        // the warning travels with the history in checkpoints
        assertThat(CheckpointFile.read(Checkpoints.latest(dir.resolve("ckpt")).orElseThrow()).state().warnings).containsExactly(w);
    }

    @Test
    void featuresUpToTheLimitDrawNoWarning() throws Exception {
        Run run = train(1e6, null);
        assertThat(run.history().warnings()).isEmpty();
        assertThat(run.heard()).isEmpty();
        assertThat(run.console()).doesNotContain("warning");
    }
}

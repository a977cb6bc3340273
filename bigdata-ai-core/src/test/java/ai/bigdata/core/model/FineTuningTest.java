package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.Checkpoints;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Transfer learning on the olive oils: an MLP 8-16-8-9 pretrained to tell the 9 areas, fine-tuned to
 * tell the 3 regions with its first layer frozen and a new 3-class head.
 */
@ExtendWith(ArrowLeakCheck.class)
class FineTuningTest {
    @TempDir
    Path dir;

    /** Olive with {@code label} as the label, the other of area / region dropped, imputed and standardised. */
    private static Dataset olive(String label, String other) {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label(label).read(); Dataset d = raw.drop(other)) {
            Transform prep = Pipeline.of(Impute.median(), Scale.standard()).fit(d);
            return prep.apply(d);
        }
    }

    private static Trainer trainer(int epochs) {
        return Trainer.builder().epochs(epochs).batchSize(32).seed(7).optimizer(Optimizer.adam(0.01)).build();
    }

    private static NeuralNetwork pretrained(Dataset areas) {
        NeuralNetwork net = NeuralNetwork.mlp().hidden(16, 8).build();
        trainer(10).fit(net, areas);
        return net;
    }

    private static float[] layer(NeuralNetwork n, int i) {
        INDArray p = n.network().getLayer(i).params();
        return p.dup().data().asFloat();
    }

    @Test
    void frozenLayersKeepTheirWeightsAndANewHeadLearnsTheNewClasses() {
        try (Dataset areas = olive("area", "region"); Dataset regions = olive("region", "area")) {
            NeuralNetwork base = pretrained(areas);
            float[] first = layer(base, 0);
            float[] second = layer(base, 1);
            float[] baseAll = base.parameters().dup().data().asFloat();

            NeuralNetwork tuned = FineTuning.of(base).freezeLayers(1).build();
            assertThat(tuned.isInitialised()).isFalse();
            assertThat(tuned.description()).contains("first 1 layer frozen, new head");
            trainer(5).fit(tuned, regions);

            assertThat(layer(tuned, 0)).as("the frozen layer").containsExactly(first);
            assertThat(layer(tuned, 1)).as("the trainable hidden layer").isNotEqualTo(second);
            assertThat(tuned.network().layerSize(2)).as("the new head's classes").isEqualTo(3);
            assertThat(tuned.signature().classNames()).hasSize(3);
            assertThat(base.parameters().dup().data().asFloat()).as("the pretrained network is untouched").containsExactly(baseAll);
            double accuracy = Evaluator.classification().withoutCurves().evaluate(tuned, regions).accuracy();
            assertThat(accuracy).isGreaterThan(0.9);

            NeuralNetwork again = FineTuning.of(base).freezeLayers(1).build();
            trainer(5).fit(again, regions);
            assertThat(again.parameters().toFloatVector()).as("same seed, same bits").containsExactly(tuned.parameters().toFloatVector());
        }
    }

    @Test
    void aFineTunedNetworkBundlesServesAndResumesExactly() {
        try (Dataset areas = olive("area", "region"); Dataset regions = olive("region", "area")) {
            NeuralNetwork base = pretrained(areas);
            NeuralNetwork whole = FineTuning.of(base).freezeAllButHead().build();
            trainer(3).fit(whole, regions);

            Path bundle = dir.resolve("tuned.bundle");
            ModelBundle.of(ai.bigdata.core.prep.Preprocessor.identity().fit(regions), whole, regions.schema()).save(bundle);
            Network loaded = ModelBundle.load(bundle).model();
            assertThat(loaded.description()).contains("first 2 layers frozen");
            assertThat(loaded.parameters().toFloatVector()).containsExactly(whole.parameters().toFloatVector());
            try (BatchIterator it = regions.batches().features(whole.signature().featureNames().toArray(String[]::new)).batchSize(40)
                    .build()) {
                INDArray x = it.next().features();
                assertThat(loaded.output(x).dup().data().asFloat()).containsExactly(whole.output(x).dup().data().asFloat());
            }

            // a crash in epoch 2 after batch 5, then resume from the newest checkpoint: the same bits as the run above
            Path folder = dir.resolve("ckpt");
            NeuralNetwork crashed = FineTuning.of(base).freezeAllButHead().build();
            assertThatThrownBy(() -> Trainer.builder().epochs(3).batchSize(32).seed(7).optimizer(Optimizer.adam(0.01))
                    .checkpoints(Checkpoints.in(folder).everyBatches(4)).listener(crashAt(1, 5)).build().fit(crashed, regions))
                    .hasMessage("simulated crash");
            NeuralNetwork resumed = FineTuning.of(base).freezeAllButHead().build();
            Trainer.builder().epochs(3).batchSize(32).seed(7).optimizer(Optimizer.adam(0.01)).build()
                    .resume(Checkpoints.latest(folder).orElseThrow(), resumed, regions, null);
            assertThat(resumed.parameters().toFloatVector()).containsExactly(whole.parameters().toFloatVector());
        }
    }

    private static TrainingListener crashAt(int epoch, long batch) {
        return new TrainingListener() {
            @Override
            public void onBatch(BatchEvent event) {
                if (event.epoch() == epoch && event.batch() == batch) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
    }

    @Test
    void keepHeadNeedsTheSameClassesAndOtherInputsAreNamed() {
        try (Dataset areas = olive("area", "region"); Dataset regions = olive("region", "area"); Dataset fewer = areas.drop("oleic")) {
            NeuralNetwork base = pretrained(areas);
            NeuralNetwork kept = FineTuning.of(base).freezeLayers(2).keepHead().build();
            trainer(1).fit(kept, areas);
            assertThat(layer(kept, 0)).containsExactly(layer(base, 0));
            assertThat(layer(kept, 2)).isNotEqualTo(layer(base, 2));

            assertThatThrownBy(() -> trainer(1).fit(FineTuning.of(base).keepHead().build(), regions))
                    .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("keepHead()");
            assertThatThrownBy(() -> trainer(1).fit(FineTuning.of(base).build(), fewer))
                    .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("oleic");
        }
    }

    @Test
    void whatCannotBeFineTunedIsRefused() {
        assertThatThrownBy(() -> FineTuning.of(NeuralNetwork.mlp().build())).hasMessageContaining("no parameters yet");
        assertThatThrownBy(() -> FineTuning.of(GraphNetwork.residualCnn().build())).hasMessageContaining("layer stack");
        try (Dataset areas = olive("area", "region")) {
            NeuralNetwork base = pretrained(areas);
            assertThatThrownBy(() -> FineTuning.of(base).freezeLayers(3)).hasMessageContaining("[0, 2]");
            assertThatThrownBy(() -> FineTuning.of(base).freezeLayers(-1)).hasMessageContaining("freezeLayers");
            NeuralNetwork auto = NeuralNetwork.autoencoder().build();
            try (Dataset features = areas.drop("area")) {
                trainer(1).fit(auto, features);
            }
            assertThatThrownBy(() -> FineTuning.of(auto)).hasMessageContaining("autoencoder");
        }
    }
}

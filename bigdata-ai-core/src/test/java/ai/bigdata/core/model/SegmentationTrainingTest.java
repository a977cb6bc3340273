package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.eval.SegmentationReport;
import ai.bigdata.core.prep.Preprocessor;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.EpochRecord;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingHistory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The tensor-label training path: a class mask label gives a segmentation signature, the Trainer feeds
 * one-hot masks to a per-pixel softmax graph, validation reports mean IoU, and predictions (in memory,
 * from a bundle, served) are masks.
 */
@ExtendWith(ArrowLeakCheck.class)
class SegmentationTrainingTest {
    private static final List<String> CLASSES = List.of("dark", "mid", "bright");
    private static final Schema SCHEMA = Schema.of(Column.tensor("image", 1, 8, 8),
            Column.mask("mask", CLASSES, 8, 8).withRole(ColumnRole.LABEL));

    @TempDir
    Path dir;

    /** Random pixels; the class of a pixel is its brightness band (below 0.4, below 0.7, above). */
    private static Dataset bands(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        try (DatasetWriter w = Dataset.writer(SCHEMA)) {
            for (int i = 0; i < rows; i++) {
                float[] x = new float[64];
                float[] m = new float[64];
                for (int j = 0; j < 64; j++) {
                    x[j] = (float) r.nextDouble();
                    m[j] = x[j] < 0.4f ? 0 : x[j] < 0.7f ? 1 : 2;
                }
                w.column(0).appendTensor(x);
                w.column(1).appendTensor(m);
                w.endRow();
            }
            return w.build();
        }
    }

    /** Two 1x1 convolutions and a per-pixel softmax. */
    private static GraphNetwork perPixelNet() {
        return GraphNetwork.of("per-pixel test net", (sig, settings) -> {
            int[] s = sig.featureShape();
            return settings.configuration(0).graphBuilder().addInputs("input")
                    .setInputTypes(InputType.convolutional(s[1], s[2], s[0]))
                    .addLayer("hidden", new ConvolutionLayer.Builder(1, 1).nOut(16).activation(Activation.TANH).build(), "input")
                    .addLayer("scores", new ConvolutionLayer.Builder(1, 1).nOut(sig.classNames().size())
                            .activation(Activation.IDENTITY).build(), "hidden")
                    .addLayer("output", new CnnLossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build(),
                            "scores")
                    .setOutputs("output").build();
        });
    }

    @Test
    void aPerPixelGraphLearnsMasksAndServesThemFromABundle() {
        GraphNetwork net = perPixelNet();
        Path file = dir.resolve("seg.bundle");
        try (Dataset train = bands(256, 1); Dataset validation = bands(64, 2); Dataset test = bands(64, 3)) {
            TrainingHistory h = Trainer.builder().epochs(6).batchSize(16).seed(5).optimizer(Optimizer.adam(2e-2)).build()
                    .fit(net, train, validation);
            EpochRecord last = h.epochs().get(h.epochs().size() - 1);
            assertThat(last.validation()).containsKeys("loss", "mean_iou", "pixel_accuracy");
            assertThat(net.signature().task()).isEqualTo(Task.SEGMENTATION);
            SegmentationReport report = Evaluator.segmentation().evaluate(net, test);
            assertThat(report.meanIou()).isGreaterThan(0.85);
            assertThat(report.rows()).isEqualTo(64);
            ModelBundle.of(Preprocessor.identity().fit(train), net, SCHEMA).metrics("test", report).save(file);
            try (Dataset predicted = net.predict(test); Dataset served = Predictor.load(file).predict(test)) {
                Column p = predicted.schema().column("prediction");
                assertThat(p.isMask()).isTrue();
                assertThat(p.shape()).containsExactly(8, 8);
                assertThat(p.categories()).isEqualTo(CLASSES);
                List<float[]> a = new ArrayList<>();
                List<float[]> b = new ArrayList<>();
                List<float[]> truth = new ArrayList<>();
                predicted.forEachRow(r -> a.add((float[]) r.get("prediction")));
                predicted.forEachRow(r -> truth.add((float[]) r.get("mask")));
                served.forEachRow(r -> b.add((float[]) r.get("prediction")));
                assertThat(b).hasSize(64);
                long right = 0;
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i)).containsExactly(a.get(i));
                    for (int j = 0; j < 64; j++) {
                        right += a.get(i)[j] == truth.get(i)[j] ? 1 : 0;
                    }
                }
                assertThat(right / (64.0 * 64)).isEqualTo(report.pixelAccuracy());
            }
        }
    }

    @Test
    void aGraphWhoseOutputIsNotTheMaskShapeIsRefused() {
        GraphNetwork wrong = GraphNetwork.of("two classes", (sig, settings) -> {
            int[] s = sig.featureShape();
            return settings.configuration(0).graphBuilder().addInputs("input").setInputTypes(InputType.convolutional(s[1], s[2], s[0]))
                    .addLayer("scores", new ConvolutionLayer.Builder(1, 1).nOut(2).activation(Activation.IDENTITY).build(), "input")
                    .addLayer("output", new CnnLossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build(),
                            "scores")
                    .setOutputs("output").build();
        });
        try (Dataset train = bands(8, 1)) {
            assertThatThrownBy(() -> Trainer.builder().epochs(1).seed(1).build().fit(wrong, train))
                    .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("outputs [2, 8, 8] per row but the signature needs [3, 8, 8]");
        }
    }

    @Test
    void aNetworkWithOneOutputPerRowRefusesAMaskLabel() {
        try (Dataset train = bands(8, 1)) {
            assertThatThrownBy(() -> Trainer.builder().epochs(1).seed(1).build().fit(NeuralNetwork.mlp().hidden(4).build(), train))
                    .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("label 'mask' is a class mask");
        }
    }
}

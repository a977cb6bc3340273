package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.eval.SegmentationReport;
import ai.bigdata.core.model.GraphNetwork;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.prep.Preprocessor;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The U-Net builder on small composed scenes of the embedded sample: sized from the data, trained, served, drawn. */
@ExtendWith(ArrowLeakCheck.class)
class UNetTest {
    @TempDir
    Path dir;

    /**
     * 200 scenes of 32 x 32 with one item, 3 epochs of a small U-Net: it must at least separate items from
     * background (background IoU well above the 0.5 or so of predicting one class everywhere), and the
     * bundle must serve the same masks.
     */
    @Test
    void aSmallUNetLearnsAndServesTheSameMasksFromABundle() throws Exception {
        GraphNetwork unet = ConvNets.unet().filters(4).depth(2).build();
        Path file = dir.resolve("unet.bundle");
        try (Dataset items = FashionMnist.embeddedSample(); Dataset trainItems = items.head(1500);
             Dataset train = FashionScenes.from(trainItems).size(32).items(1, 1).count(200).seed(1).build();
             Dataset test = FashionScenes.from(items).size(32).items(1, 1).count(32).seed(2).build()) {
            Trainer.builder().epochs(3).batchSize(16).seed(3).optimizer(Optimizer.adam(1e-2)).build().fit(unet, train);
            assertThat(unet.description()).isEqualTo("u-net filters 4, depth 2");
            SegmentationReport report = Evaluator.segmentation().evaluate(unet, test);
            assertThat(report.iou(0)).isGreaterThan(0.7);
            ModelBundle.of(Preprocessor.identity().fit(train), unet, train.schema()).save(file);
            try (Dataset predicted = unet.predict(test); Dataset served = Predictor.load(file).predict(test)) {
                List<float[]> a = new ArrayList<>();
                List<float[]> b = new ArrayList<>();
                predicted.forEachRow(r -> a.add((float[]) r.get("prediction")));
                served.forEachRow(r -> b.add((float[]) r.get("prediction")));
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i)).as("row %d", i).containsExactly(a.get(i));
                }
                Path png = dir.resolve("sheet.png");
                SegmentationSheet.of(predicted).count(4).scale(1).write(png);
                assertThat(Files.size(png)).isPositive();
            }
        }
    }

    @Test
    void imagesThatTheLevelsCannotHalveAreRefused() {
        try (Dataset items = FashionMnist.embeddedSample(); Dataset some = items.head(10);
             Dataset scenes = FashionScenes.from(some).size(36).items(1, 1).count(4).build()) {
            assertThatThrownBy(() -> Trainer.builder().epochs(1).seed(1).build().fit(ConvNets.unet().depth(3).build(), scenes))
                    .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("divisible by 8; the image is 36 x 36");
        }
    }

    @Test
    void builderArgumentsAreChecked() {
        assertThatThrownBy(() -> ConvNets.unet().filters(0)).hasMessageContaining("filters must be positive, got 0");
        assertThatThrownBy(() -> ConvNets.unet().depth(0)).hasMessageContaining("depth must be in [1, 6], got 0");
        assertThat(ConvNets.unet().toString()).isEqualTo("u-net filters 16, depth 3");
    }
}

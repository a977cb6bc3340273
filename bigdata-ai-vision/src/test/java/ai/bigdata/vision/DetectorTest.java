package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.InvalidBoxException;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.eval.DetectionReport;
import ai.bigdata.core.eval.Evaluator;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The detector builder on small composed scenes of the embedded sample: sized from the data, trained, scored, served, drawn. */
@ExtendWith(ArrowLeakCheck.class)
class DetectorTest {
    private static final Set<String> TWO_CLASSES = Set.of("Trouser", "Bag");

    @TempDir
    Path dir;

    /**
     * 300 scenes of 48 x 48 with one or two trousers or bags (shapes that differ), 6 epochs of a small
     * detector: it must find and tell them apart (mAP@0.5 well above what boxes at random places or a
     * wrong class would give), and a bundle must serve the same boxes.
     */
    @Test
    void aSmallDetectorLearnsAndServesTheSameBoxesFromABundle() throws Exception {
        Path file = dir.resolve("detector.bundle");
        try (Dataset items = FashionMnist.embeddedSample();
             Dataset two = items.filter(r -> TWO_CLASSES.contains(r.getString("label")));
             Dataset trainItems = two.head(300);
             Dataset testItems = two.filter(r -> true);
             Dataset train = FashionScenes.from(trainItems).size(48).items(1, 2).count(300).seed(1).label(FashionScenes.BOXES).build();
             Dataset test = FashionScenes.from(testItems).size(48).items(1, 2).count(40).seed(2).label(FashionScenes.BOXES).build()) {
            GraphNetwork detector = ConvNets.detector().filters(8).anchorsFrom(train, FashionScenes.BOXES, 2).build();
            Trainer.builder().epochs(6).batchSize(16).seed(3).optimizer(Optimizer.adam(3e-3)).build().fit(detector, train);
            assertThat(detector.description()).startsWith("yolo detector filters 8, poolings 3, anchors ");
            DetectionReport report = Evaluator.detection().evaluate(detector, test);
            System.out.println(report);
            assertThat(report.rows()).isEqualTo(40);
            assertThat(report.meanAveragePrecision()).isGreaterThan(0.5);
            assertThatThrownBy(() -> Evaluator.detection().partial(detector, test)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a detection evaluation cannot be split into parts");
            ModelBundle.of(Preprocessor.identity().fit(train), detector, train.schema()).save(file);
            try (Dataset predicted = detector.predict(test); Dataset served = Predictor.load(file).predict(test)) {
                assertThat(predicted.schema().column("prediction").isBoxes()).isTrue();
                List<float[]> a = new ArrayList<>();
                List<float[]> b = new ArrayList<>();
                predicted.forEachRow(r -> {
                    a.add((float[]) r.get("prediction"));
                    a.add((float[]) r.get("confidence"));
                });
                served.forEachRow(r -> {
                    b.add((float[]) r.get("prediction"));
                    b.add((float[]) r.get("confidence"));
                });
                assertThat(b).hasSameSizeAs(a);
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i)).as("row %d", i / 2).containsExactly(a.get(i));
                }
                assertThat(a.stream().filter(x -> x.length == 10).anyMatch(x -> x[0] != 0)).as("some box predicted").isTrue();
                float[][] image = new float[1][];
                try (Dataset first = test.head(1)) {
                    first.forEachRow(r -> image[0] = (float[]) r.get("image"));
                }
                Map<String, Object> raw = new HashMap<>();
                raw.put("image", image[0]);
                raw.put("mask", null);
                double[] one = Predictor.load(file).predict(raw).values();
                assertThat(one).hasSize(12);
                for (int j = 0; j < 12; j++) {
                    assertThat(one[j]).as("value %d", j).isEqualTo(j < 10 ? a.get(0)[j] : a.get(1)[j - 10]);
                }
                Path png = dir.resolve("sheet.png");
                DetectionSheet.of(predicted).count(4).scale(2).write(png);
                assertThat(Files.size(png)).isPositive();
            }
        }
    }

    /** A box past the canvas, a negative width or a class the column does not have stops training, naming row and column. */
    @Test
    void badBoxesAreTypedErrorsNamingRowAndColumn() {
        Schema schema = Schema.of(Column.tensor("image", 1, 16, 16), Column.boxes("boxes", List.of("a", "b"), 2).withRole(ColumnRole.LABEL));
        float[][] bad = {{1, 10, 10, 16, 12, 0, 0, 0, 0, 0}, {1, 10, 10, 8, 12, 0, 0, 0, 0, 0}, {3, 1, 1, 2, 2, 0, 0, 0, 0, 0}};
        String[] messages = {"outside the 16 x 16 image", "negative width or height", "class id 3.0 is not one of the column's 2 classes"};
        for (int k = 0; k < bad.length; k++) {
            try (DatasetWriter w = Dataset.writer(schema)) {
                for (int i = 0; i < 5; i++) {
                    w.column(0).appendTensor(new float[256]);
                    w.column(1).appendTensor(i == 3 ? bad[k] : new float[] {1, 0, 0, 3, 3, 2, 5, 5, 9, 9});
                    w.endRow();
                }
                try (Dataset data = w.build()) {
                    GraphNetwork detector = ConvNets.detector().filters(2).poolings(2).anchors(new double[] {4, 4}).build();
                    assertThatThrownBy(() -> Trainer.builder().epochs(1).batchSize(8).seed(1).build().fit(detector, data))
                            .isInstanceOf(InvalidBoxException.class).hasMessageContaining("boxes column 'boxes', row 3, box 0")
                            .hasMessageContaining(messages[k]);
                }
            }
        }
    }

    @Test
    void aMaskLabelOrAnUnevenImageIsRefused() {
        try (Dataset items = FashionMnist.embeddedSample(); Dataset some = items.head(10);
             Dataset masks = FashionScenes.from(some).size(32).items(1, 1).count(4).build();
             Dataset uneven = FashionScenes.from(some).size(36).items(1, 1).count(4).label(FashionScenes.BOXES).build()) {
            assertThatThrownBy(() -> Trainer.builder().epochs(1).seed(1).build().fit(ConvNets.detector().anchors(new double[] {9, 9}).build(), masks))
                    .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("a detector needs a boxes label");
            assertThatThrownBy(() -> Trainer.builder().epochs(1).seed(1).build().fit(ConvNets.detector().anchors(new double[] {9, 9}).build(), uneven))
                    .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("divisible by 8; the image is 36 x 36");
        }
    }

    @Test
    void anchorsAreFittedToTheBoxesAndBuilderArgumentsAreChecked() {
        try (Dataset items = FashionMnist.embeddedSample(); Dataset some = items.head(200);
             Dataset scenes = FashionScenes.from(some).count(100).seed(4).label(FashionScenes.BOXES).build()) {
            double[][] anchors = BoxAnchors.fit(scenes, FashionScenes.BOXES, 3);
            assertThat(anchors).hasNumberOfRows(3);
            for (double[] a : anchors) {
                assertThat(a[0]).isBetween(1.0, 28.0);
                assertThat(a[1]).isBetween(1.0, 28.0);
            }
            assertThat(anchors[0][0] * anchors[0][1]).isLessThan(anchors[2][0] * anchors[2][1]);
            assertThatThrownBy(() -> BoxAnchors.fit(scenes, FashionScenes.MASK, 3)).isInstanceOf(SchemaMismatchException.class)
                    .hasMessageContaining("anchors are fitted to a boxes column");
        }
        assertThatThrownBy(() -> ConvNets.detector().build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("anchor boxes");
        assertThatThrownBy(() -> ConvNets.detector().anchors(new double[] {0, 3})).hasMessageContaining("finite positive sizes");
        assertThatThrownBy(() -> ConvNets.detector().filters(0)).hasMessageContaining("filters must be positive, got 0");
        assertThatThrownBy(() -> ConvNets.detector().poolings(7)).hasMessageContaining("poolings must be in [1, 6], got 7");
        assertThat(ConvNets.detector().anchors(new double[] {10, 20}).toString())
                .isEqualTo("yolo detector filters 16, poolings 3, anchors 10.0x20.0");
    }
}

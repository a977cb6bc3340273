package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformJson;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArrowLeakCheck.class)
class ChannelNormalizationTest {
    private static final Schema SCHEMA = Schema.of(Column.tensor("image", 2, 1, 2),
            Column.categorical("label", ColumnRole.LABEL, List.of("a", "b")));

    private static Dataset twoImages() {
        return Dataset.builder(SCHEMA)
                .add(new float[] {0, 2, 1, 1}, "a")
                .add(new float[] {4, 6, 1, 3}, "b")
                .add(null, "b")
                .build();
    }

    @Test
    void fitGivesPerChannelMeanAndPopulationStdOverAllPixels() {
        try (Dataset d = twoImages()) {
            ChannelNormalizationTransform t = ChannelNormalization.of("image").fit(d);
            assertThat(t.mean()).containsExactly(3.0, 1.5);
            assertThat(t.std()).containsExactly(Math.sqrt(5.0), Math.sqrt(0.75));
        }
    }

    @Test
    void applyNormalisesEachChannelAndKeepsNullsAndOtherColumns() {
        try (Dataset d = twoImages(); Dataset out = ChannelNormalization.of("image").fit(d).apply(d)) {
            assertThat(out.schema()).isEqualTo(SCHEMA);
            List<float[]> t = TestImages.tensors(out, "image");
            double s0 = Math.sqrt(5.0);
            double s1 = Math.sqrt(0.75);
            assertThat(t.get(0)).containsExactly((float) (-3 / s0), (float) (-1 / s0), (float) (-0.5 / s1), (float) (-0.5 / s1));
            assertThat(t.get(1)).containsExactly((float) (1 / s0), (float) (3 / s0), (float) (-0.5 / s1), (float) (1.5 / s1));
            assertThat(t.get(2)).isNull();
            assertThat(TestImages.strings(out, "label")).containsExactly("a", "b", "b");
        }
    }

    @Test
    void savedAndLoadedThroughTransformJsonItComputesBitIdenticalResults() {
        Random rnd = new Random(3);
        Dataset.RowsBuilder b = Dataset.builder(Schema.of(Column.tensor("image", 3, 4, 4)));
        for (int i = 0; i < 50; i++) {
            float[] x = new float[48];
            for (int j = 0; j < x.length; j++) {
                x[j] = rnd.nextFloat();
            }
            b.add((Object) x);
        }
        try (Dataset d = b.build()) {
            ChannelNormalizationTransform fitted = ChannelNormalization.of("image").fit(d);
            String json = TransformJson.write(fitted);
            assertThat(json).contains("\"kind\" : \"vision.channel_normalization\"");
            Transform loaded = TransformJson.read(json);
            assertThat(loaded).isInstanceOf(ChannelNormalizationTransform.class);
            assertThat(((ChannelNormalizationTransform) loaded).mean()).containsExactly(fitted.mean());
            assertThat(((ChannelNormalizationTransform) loaded).std()).containsExactly(fitted.std());
            try (Dataset a = fitted.apply(d); Dataset c = loaded.apply(d)) {
                List<float[]> x = TestImages.tensors(a, "image");
                List<float[]> y = TestImages.tensors(c, "image");
                for (int i = 0; i < x.size(); i++) {
                    assertThat(y.get(i)).containsExactly(x.get(i));
                }
                // the normalised training data has mean 0 and std 1 per channel
                ChannelNormalizationTransform again = ChannelNormalization.of("image").fit(a);
                for (int ch = 0; ch < 3; ch++) {
                    assertThat(again.mean()[ch]).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
                    assertThat(again.std()[ch]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-6));
                }
            }
        }
    }

    @Test
    void asAnAugmentationItNormalisesBatchesExactlyAsApplyDoes() {
        try (Dataset d = twoImages(); Dataset out = ChannelNormalization.of("image").fit(d).apply(d)) {
            ChannelNormalizationTransform t = ChannelNormalization.of("image").fit(d);
            AugmentationPipeline p = AugmentationPipeline.builder().add(t.asAugmentation()).build();
            org.nd4j.linalg.api.ndarray.INDArray batch = org.nd4j.linalg.factory.Nd4j.create(
                    new float[] {0, 2, 1, 1, 4, 6, 1, 3}, new long[] {2, 2, 1, 2}, 'c');
            float[] viaBatch = p.apply(batch, 0, 0).data().asFloat();
            List<float[]> viaApply = TestImages.tensors(out, "image");
            assertThat(java.util.Arrays.copyOfRange(viaBatch, 0, 4)).containsExactly(viaApply.get(0));
            assertThat(java.util.Arrays.copyOfRange(viaBatch, 4, 8)).containsExactly(viaApply.get(1));
            assertThatThrownBy(() -> p.apply(org.nd4j.linalg.factory.Nd4j.create(new float[3], new long[] {1, 3, 1, 1}, 'c'), 0, 0))
                    .hasMessageContaining("3 channel(s) but the normalisation of 'image' was fitted on 2");
        }
    }

    @Test
    void aGreyHeightByWidthColumnIsOneChannel() {
        try (Dataset d = Dataset.builder(Schema.of(Column.tensor("image", 1, 2))).add((Object) new float[] {1, 3}).build()) {
            ChannelNormalizationTransform t = ChannelNormalization.of("image").fit(d);
            assertThat(t.mean()).containsExactly(2.0);
            assertThat(t.std()).containsExactly(1.0);
        }
    }

    @Test
    void badInputsAreNamed() {
        try (Dataset d = Dataset.builder(Schema.of(Column.tensor("image", 2, 1, 2), Column.of("x", ColumnType.FLOAT64)))
                .add(new float[] {1, 2, 5, 5}, 1.0).add(new float[] {3, 4, 5, 5}, 2.0).build();
             Dataset three = Dataset.builder(Schema.of(Column.tensor("image", 3, 1, 1))).add((Object) new float[] {1, 2, 3}).build()) {
            assertThatThrownBy(() -> ChannelNormalization.of("image").fit(d)).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("channel 1 of column 'image' is constant");
            assertThatThrownBy(() -> ChannelNormalization.of("x").fit(d)).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("'x' is FLOAT64, not an image tensor");
            assertThatThrownBy(() -> ChannelNormalization.of("pixels").fit(d)).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("no column 'pixels'");
            ChannelNormalizationTransform two = ChannelNormalization.fixed("image", new double[] {0, 0}, new double[] {1, 1});
            assertThatThrownBy(() -> two.apply(three)).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("has 3 channel(s) (shape [3, 1, 1]) but the normalisation was fitted on 2");
            assertThatThrownBy(() -> ChannelNormalization.fixed("image", new double[] {0}, new double[] {0}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("std positive");
            assertThatThrownBy(() -> TransformJson.read("{\"format\":1,\"kind\":\"vision.channel_normalization\","
                    + "\"params\":{\"column\":\"image\",\"mean\":[0],\"std\":\"x\"}}"))
                    .hasMessageContaining("parameter 'std' must be a list of numbers");
        }
        try (Dataset empty = Dataset.builder(Schema.of(Column.tensor("image", 1, 2))).add((Object) null).build()) {
            assertThatThrownBy(() -> ChannelNormalization.of("image").fit(empty)).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("holds no image");
        }
    }
}

package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.FashionImages;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CNN builders on real Fashion-MNIST (small slices of the shared data set, shaped [1, 28, 28]):
 * each trains briefly, beats a measured floor on held-out test images, and serves from a bundle with the
 * in-memory outputs.
 */
@ExtendWith(ArrowLeakCheck.class)
class ConvNetsTest {
    /**
     * Measured here: LeNet-5, 1,000 training images, 2 epochs, 0.772 on test images 0-499 (chance is
     * 0.10); the floor leaves about 0.12 for other processors' float rounding in oneDNN.
     */
    private static final double LENET_FLOOR = 0.65;
    /** Measured here: the VGG net (8, 16 filters, batch norm, dropout 0.2), same data and epochs, 0.744. */
    private static final double VGG_FLOOR = 0.62;

    @TempDir
    Path dir;

    @Test
    void lenet5LearnsFashionMnistAndServesFromABundle() {
        double acc = trainEvaluateAndServe(ConvNets.lenet5().build(), "lenet.bundle");
        System.out.println("lenet-5 accuracy " + acc);
        assertThat(acc).isGreaterThan(LENET_FLOOR);
    }

    @Test
    void vggLearnsFashionMnistAndServesFromABundle() {
        double acc = trainEvaluateAndServe(ConvNets.vgg().blocks(8, 16).dense(32).batchNorm(true).dropout(0.2).build(), "vgg.bundle");
        System.out.println("vgg accuracy " + acc);
        assertThat(acc).isGreaterThan(VGG_FLOOR);
    }

    /** Trains on 1,000 normalised training images, returns the accuracy on 500 test images after checking the bundle. */
    private double trainEvaluateAndServe(NeuralNetwork cnn, String bundleName) {
        Path file = dir.resolve(bundleName);
        double accuracy;
        try (Dataset raw = FashionImages.train(0, 1000)) {
            ChannelNormalizationTransform norm = ChannelNormalization.of("image").fit(raw);
            try (Dataset train = norm.apply(raw)) {
                Trainer.builder().epochs(2).batchSize(32).seed(7).optimizer(Optimizer.adam(3e-3)).build().fit(cnn, train);
            }
            assertThat(cnn.signature().featureShape()).containsExactly(1, 28, 28);
            ModelBundle.of(norm, cnn, raw.schema()).save(file);
            try (Dataset rawTest = FashionImages.test(0, 500); Dataset test = norm.apply(rawTest)) {
                accuracy = Evaluator.classification().evaluate(cnn, test).accuracy();
                Predictor predictor = Predictor.load(file);
                try (Dataset sample = rawTest.head(64); Dataset normalised = norm.apply(sample);
                     Dataset expected = cnn.predict(normalised); Dataset served = predictor.predict(sample)) {
                    List<float[]> a = TestImages.tensors(expected, "probabilities");
                    List<float[]> b = TestImages.tensors(served, "probabilities");
                    assertThat(b).hasSize(64);
                    for (int i = 0; i < a.size(); i++) {
                        assertThat(b.get(i)).as("row %d", i).containsExactly(a.get(i));
                    }
                }
            }
        }
        return accuracy;
    }

    @Test
    void aSchemaThatIsNoImageTensorIsAnErrorNamingTheColumn() {
        // the IDX reader's images are [28, 28]: no channel axis
        try (Dataset flat = FashionMnist.embeddedSample(); Dataset small = flat.head(32)) {
            for (NeuralNetwork cnn : new NeuralNetwork[] {ConvNets.lenet5().build(), ConvNets.vgg().build()}) {
                assertThatThrownBy(() -> Trainer.builder().epochs(1).seed(1).build().fit(cnn, small))
                        .isInstanceOf(SchemaMismatchException.class)
                        .hasMessageContaining("[image] with shape [28, 28]")
                        .satisfies(e -> assertThat(((SchemaMismatchException) e).columns()).containsExactly("image"));
            }
        }
    }

    @Test
    void imagesTooSmallForTheNetworkAreAnErrorNamingTheColumn() {
        try (Dataset images = FashionImages.train(0, 16)) {
            NeuralNetwork deep = ConvNets.vgg().blocks(4, 4, 4, 4, 4, 4).build();
            assertThatThrownBy(() -> Trainer.builder().epochs(1).seed(1).build().fit(deep, images))
                    .isInstanceOf(SchemaMismatchException.class)
                    .hasMessage("a VGG network of 6 blocks needs images of at least 64 x 64 pixels; column image is 28 x 28");
        }
    }

    @Test
    void builderArgumentsAreChecked() {
        assertThatThrownBy(() -> ConvNets.vgg().blocks()).hasMessageContaining("positive filter counts");
        assertThatThrownBy(() -> ConvNets.vgg().blocks(8, 0)).hasMessageContaining("[8, 0]");
        assertThatThrownBy(() -> ConvNets.vgg().dense(0)).hasMessageContaining("dense units must be positive, got 0");
        assertThatThrownBy(() -> ConvNets.vgg().dropout(1)).hasMessageContaining("dropout must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> ConvNets.lenet5().l2(Double.NaN)).hasMessageContaining("l2 must be finite and >= 0, got NaN");
        assertThat(ConvNets.vgg().blocks(8, 16).batchNorm(true).dropout(0.25).l2(1e-4).toString())
                .isEqualTo("vgg blocks [8, 16], dense 128, batch norm, dropout 0.25, l2 1.0E-4");
    }
}

package ai.bigdata.core.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.FashionImages;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.model.Pruning;
import ai.bigdata.core.model.Quantization;
import ai.bigdata.core.model.QuantizedNetwork;
import ai.bigdata.core.prep.Clean;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An int8 network in a bundle: about 4x smaller than the float bundle, bit-identical outputs after
 * loading, a cut or altered file named as such, the predictor from 8 threads as from one, and the
 * same row checks as for float models.
 */
@ExtendWith(ArrowLeakCheck.class)
class QuantizedBundleTest {
    @TempDir
    static Path dir;
    static NeuralNetwork floats;
    static QuantizedNetwork int8;
    static Transform prep;
    static List<float[]> images;

    @BeforeAll
    static void train() {
        try (Dataset train = FashionImages.train(0, 600)) {
            floats = NeuralNetwork.mlp().hidden(128, 64).build();
            Trainer.builder().epochs(1).batchSize(32).seed(3).optimizer(Optimizer.adam(3e-3)).build().fit(floats, train);
            prep = Pipeline.of(Clean.dropColumnsMissingMoreThan(0.99)).fit(train);
            int8 = Quantization.int8().calibrateOn(train, 300).quantize(floats);
        }
        try (Dataset test = FashionImages.test(0, 24);
             BatchIterator it = test.batches().features("image").batchSize(24).build()) {
            images = List.of(it.next().features().dup().reshape(24, 784).toFloatMatrix());
        }
    }

    private static INDArray batch() {
        return org.nd4j.linalg.factory.Nd4j.create(images.toArray(float[][]::new)).reshape(24, 1, 28, 28);
    }

    @Test
    void theInt8BundleIsAboutFourTimesSmallerAndLoadsWithBitIdenticalOutputs() throws Exception {
        Path f = dir.resolve("float.bundle");
        Path q = dir.resolve("int8.bundle");
        ModelBundle.of(prep, floats, FashionImages.SCHEMA).save(f);
        ModelBundle saved = ModelBundle.of(prep, int8, FashionImages.SCHEMA).save(q);
        assertThat(saved.manifest()).containsEntry("family", "int8").containsEntry("kind", "int8").containsEntry("format", 3);
        double ratio = (double) Files.size(f) / Files.size(q);
        System.out.printf("bundle sizes: float %d bytes, int8 %d bytes, ratio %.2f%n", Files.size(f), Files.size(q), ratio);
        assertThat(ratio).isGreaterThan(3.5);
        ModelBundle loaded = ModelBundle.load(q);
        assertThat(loaded.model()).isInstanceOf(QuantizedNetwork.class);
        assertThat(loaded.model().output(batch()).ravel().toFloatVector()).containsExactly(int8.output(batch()).ravel().toFloatVector());
    }

    @Test
    void aCutOrAlteredInt8BundleIsNamedAsSuch() throws Exception {
        Path q = dir.resolve("damaged.bundle");
        ModelBundle.of(prep, int8, FashionImages.SCHEMA).save(q);
        byte[] bytes = Files.readAllBytes(q);
        Path cut = dir.resolve("cut.bundle");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ModelBundle.load(cut)).isInstanceOf(BundleException.class).hasMessageContaining("truncated");
        byte[] altered = bytes.clone();
        altered[bytes.length / 2] ^= 0x10;
        Path changed = dir.resolve("altered.bundle");
        Files.write(changed, altered);
        assertThatThrownBy(() -> ModelBundle.load(changed)).isInstanceOf(BundleException.class).hasMessageContaining("altered");
    }

    @Test
    void eightThreadsAnswerAsOneAndAsTheModel() throws Exception {
        Path q = dir.resolve("served.bundle");
        ModelBundle.of(prep, int8, FashionImages.SCHEMA).save(q);
        Predictor predictor = Predictor.load(q, 8);
        float[][] direct = int8.output(batch()).toFloatMatrix();
        List<Prediction> single = new ArrayList<>();
        for (int r = 0; r < 24; r++) {
            Prediction p = predictor.predict(Map.of("image", images.get(r)));
            single.add(p);
            for (int c = 0; c < 10; c++) {
                assertThat(p.values()[c]).as("row %d class %d", r, c).isEqualTo(direct[r][c]);
            }
        }
        List<Prediction> batched = predictor.predictAll(images.stream().map(i -> Map.of("image", (Object) i)).toList());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Prediction>>> answers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 3;
                answers.add(pool.submit(() -> {
                    List<Prediction> got = new ArrayList<>();
                    for (int k = 0; k < 24; k++) {
                        got.add(predictor.predict(Map.of("image", images.get((offset + k) % 24))));
                    }
                    return got;
                }));
            }
            for (int t = 0; t < 8; t++) {
                List<Prediction> got = answers.get(t).get();
                for (int k = 0; k < 24; k++) {
                    assertThat(got.get(k).values()).isEqualTo(single.get((t * 3 + k) % 24).values());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (int r = 0; r < 24; r++) {
            assertThat(batched.get(r).values()).isEqualTo(single.get(r).values());
        }
    }

    @Test
    void nonFiniteOrMisshapenRowsAreRefusedAsForFloatModels() throws Exception {
        Path q = dir.resolve("hostile.bundle");
        ModelBundle.of(prep, int8, FashionImages.SCHEMA).save(q);
        Predictor predictor = Predictor.load(q, 2);
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            float[] image = images.get(0).clone();
            image[100] = bad;
            assertThatThrownBy(() -> predictor.predict(Map.of("image", image))).isInstanceOf(InvalidRowException.class)
                    .hasMessageContaining("image");
        }
        assertThatThrownBy(() -> predictor.predict(Map.of("image", new float[783]))).isInstanceOf(InvalidRowException.class)
                .hasMessageContaining("image");
        assertThatThrownBy(() -> predictor.predict(Map.of("picture", images.get(0)))).isInstanceOf(InvalidRowException.class);
    }

    @Test
    void aPrunedThenQuantisedNetworkCompressesFurther() throws Exception {
        NeuralNetwork pruned = Pruning.magnitude(0.8).prune(floats);
        QuantizedNetwork q;
        try (Dataset train = FashionImages.train(0, 300)) {
            q = Quantization.int8().calibrateOn(train, 300).quantize(pruned);
        }
        Path dense = dir.resolve("dense-int8.bundle");
        Path sparse = dir.resolve("pruned-int8.bundle");
        ModelBundle.of(prep, int8, FashionImages.SCHEMA).save(dense);
        ModelBundle.of(prep, q, FashionImages.SCHEMA).save(sparse);
        System.out.printf("int8 bundle %d bytes, 80%% pruned int8 bundle %d bytes%n", Files.size(dense), Files.size(sparse));
        assertThat(Files.size(sparse)).isLessThan(Files.size(dense) * 6 / 10);
    }
}

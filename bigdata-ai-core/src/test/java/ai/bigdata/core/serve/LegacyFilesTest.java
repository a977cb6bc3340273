package ai.bigdata.core.serve;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.Trainer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bundles and checkpoints written by the library before network families (see the README beside them
 * in {@code legacy/}) still load as {@code NeuralNetwork}s of their kind, compute the outputs they
 * computed then, and resume to the parameters the old uninterrupted run ended with. Where DL4J's own
 * kernels compute (the VAE's output, training steps), the values agree to float rounding only: oneDNN
 * and OpenBLAS choose their kernels by processor, and on an AVX-512 processor with AMX the last bits
 * differ from the machine that wrote the files (bit-identical resume on one processor is
 * {@code CrashResumeIT}'s to show).
 */
@ExtendWith(ArrowLeakCheck.class)
class LegacyFilesTest {
    private static Path legacy(String name) throws Exception {
        return Path.of(LegacyFilesTest.class.getResource("legacy/" + name).toURI());
    }

    private static float[] floats(String name) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(legacy(name)));
        float[] f = new float[b.capacity() / 4];
        for (int i = 0; i < f.length; i++) {
            f[i] = b.getFloat();
        }
        return f;
    }

    /** The olive data as the old run prepared it: its bundle's transform on the raw table without region. */
    private static Dataset prepared(ModelBundle bundle) {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region")) {
            return bundle.transform().apply(olive);
        }
    }

    /** Equal to float rounding: every value within 1e-5 of the expected one, relative to the larger of 1 and its size. */
    private static void assertCloseTo(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 1e-5 * Math.max(1, Math.abs(expected[i]));
            assertThat((double) actual[i]).as("value %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    private static float[] outputsOfFirstTen(Network model, Dataset data) {
        try (Dataset head = data.head(10); BatchIterator it = head.batches()
                .features(model.signature().featureNames().toArray(String[]::new)).batchSize(10).build()) {
            INDArray x = it.next().features().dup();
            return model.output(x).ravel().toFloatVector();
        }
    }

    @Test
    void anOldMlpBundleLoadsAsAMultilayerMlpWithTheSameOutputs() throws Exception {
        ModelBundle bundle = ModelBundle.load(legacy("mlp.bundle"));
        assertThat(bundle.manifest()).containsEntry("format", 2).doesNotContainKey("family");
        assertThat(bundle.model()).isInstanceOf(NeuralNetwork.class);
        assertThat(bundle.model().family()).isEqualTo("multilayer");
        assertThat(bundle.model().kind()).isEqualTo("mlp");
        assertThat(bundle.model().denseInference()).isPresent();
        try (Dataset data = prepared(bundle)) {
            // the outputs the old library gave, to within 4 float32 ulps: the dense pass adds the bias inside the
            // product since 2026-12-07 (one op, not two), which may round the last bit differently
            float[] actual = outputsOfFirstTen(bundle.model(), data);
            float[] expected = floats("mlp-outputs.bin");
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("value %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(4 * Math.ulp(expected[i])));
            }
        }
    }

    @Test
    void anOldVaeBundleLoadsAsAVaeThatReconstructsAtTheLatentMean() throws Exception {
        ModelBundle bundle = ModelBundle.load(legacy("vae.bundle"));
        assertThat(bundle.model().kind()).isEqualTo("vae");
        assertThat(bundle.model().reconstructs()).isTrue();
        try (Dataset data = prepared(bundle)) {
            assertCloseTo(outputsOfFirstTen(bundle.model(), data), floats("vae-outputs.bin"));
        }
    }

    @Test
    void anOldCheckpointResumesToTheOldRunsFinalParameters() throws Exception {
        ModelBundle bundle = ModelBundle.load(legacy("mlp.bundle"));
        try (Dataset data = prepared(bundle)) {
            NeuralNetwork model = NeuralNetwork.mlp().hidden(8).build();
            Trainer.builder().epochs(3).batchSize(64).seed(5).build().resume(legacy("mlp-after-epoch-1.ckpt"), model, data, null);
            assertCloseTo(model.parameters().toFloatVector(), floats("mlp-params.bin"));
        }
    }
}

package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.io.DataFormatException;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ArrowLeakCheck.class)
class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFullFashionMnistTestSetWithBalancedClasses() throws IOException {
        Path fm = SharedData.file("fashion-mnist");
        byte[] raw;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(fm.resolve("t10k-images-idx3-ubyte.gz")))) {
            raw = in.readAllBytes();
        }
        try (Dataset t = FashionMnist.read(fm, "t10k")) {
            assertThat(t.rowCount()).isEqualTo(10_000);
            assertThat(t.schema().column("image").type()).isEqualTo(ColumnType.TENSOR);
            assertThat(t.schema().column("image").shape()).containsExactly(28, 28);
            assertThat(t.schema().column("label").categories()).isEqualTo(FashionMnist.CLASS_NAMES);
            int[] perClass = new int[10];
            t.forEachRow(r -> perClass[FashionMnist.CLASS_NAMES.indexOf(r.getString("label"))]++);
            assertThat(perClass).containsOnly(1000);
            try (BatchIterator it = t.batches().features("image").batchSize(500).flat(true).build()) {
                float[] first = it.next().features().getRow(0).dup().data().asFloat();
                for (int p = 0; p < 784; p++) {
                    assertThat(first[p]).isEqualTo((raw[16 + p] & 0xFF) / 255f);
                }
            }
        }
    }

    @Test
    void embeddedSampleHoldsTwoThousandImages() {
        try (Dataset s = FashionMnist.embeddedSample()) {
            assertThat(s.rowCount()).isEqualTo(2000);
            assertThat(s.summary().column("label").distinct()).isEqualTo(10);
            assertThat(s.schema().column("image").shape()).containsExactly(28, 28);
        }
    }

    @Test
    void theEmbeddedSampleWithAChannelAxisTrainsACnnAndWithoutOneGetsAnErrorSayingHow() {
        try (Dataset flat = FashionMnist.embeddedSample(); Dataset chw = FashionMnist.embeddedSample(true);
             Dataset few = chw.head(256)) {
            assertThat(chw.schema().column("image").shape()).containsExactly(1, 28, 28);
            ai.bigdata.core.train.Trainer trainer = ai.bigdata.core.train.Trainer.builder().epochs(1).batchSize(64).build();
            assertThatThrownBy(() -> trainer.fit(ConvNets.lenet5().build(), flat))
                    .isInstanceOf(ai.bigdata.core.model.SchemaMismatchException.class)
                    .hasMessageContaining("[28, 28]").hasMessageContaining("FashionMnist.embeddedSample(true)");
            ai.bigdata.core.model.NeuralNetwork lenet = ConvNets.lenet5().build();
            trainer.fit(lenet, few);
            assertThat(lenet.signature().featureShape()).containsExactly(1, 28, 28);
        }
    }

    @Test
    void truncatedOrForeignFilesAreRefusedWithTheirName() throws IOException {
        Path fm = SharedData.file("fashion-mnist");
        byte[] images;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(fm.resolve("t10k-images-idx3-ubyte.gz")))) {
            images = in.readAllBytes();
        }
        Path cut = dir.resolve("cut-images");
        Files.write(cut, Arrays.copyOf(images, 16 + 784 * 3 + 100));
        Path labels = fm.resolve("t10k-labels-idx1-ubyte.gz");
        assertThatThrownBy(() -> IdxReader.files(cut, labels).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("cut-images").hasMessageContaining("truncated");
        assertThatThrownBy(() -> IdxReader.files(labels, labels).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("magic number");
        try (Dataset few = IdxReader.files(fm.resolve("t10k-images-idx3-ubyte.gz"), labels).limit(3).read()) {
            assertThat(few.rowCount()).isEqualTo(3);
        }
    }

    @Test
    void theChannelAxisOptionGivesTheShapeTheConvNetsTakeWithTheSamePixels() {
        Path fm = SharedData.file("fashion-mnist");
        Path images = fm.resolve("t10k-images-idx3-ubyte.gz");
        Path labels = fm.resolve("t10k-labels-idx1-ubyte.gz");
        try (Dataset flat = IdxReader.files(images, labels).limit(64).read();
             Dataset chw = IdxReader.files(images, labels).limit(64).channelAxis().read()) {
            assertThat(chw.schema().column("image").shape()).containsExactly(1, 28, 28);
            try (BatchIterator a = flat.batches().features("image").batchSize(64).flat(true).build();
                 BatchIterator b = chw.batches().features("image").batchSize(64).flat(true).build()) {
                assertThat(b.next().features().dup().data().asFloat()).containsExactly(a.next().features().dup().data().asFloat());
            }
            ChannelNormalizationTransform norm = ChannelNormalization.of("image").fit(chw);
            try (Dataset normalised = norm.apply(chw)) {
                ai.bigdata.core.model.NeuralNetwork lenet = ConvNets.lenet5().build();
                ai.bigdata.core.train.Trainer.builder().epochs(1).batchSize(32).build().fit(lenet, normalised);
                assertThat(lenet.signature().toString()).contains("image");
            }
        }
    }
}

package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The folder-of-images check on real pictures: the first 300 Fashion-MNIST test images are
 * written as PNG files in class folders under target/, read back with {@link ImageFolder}, and compared
 * with the IDX tensors pixel for pixel; a model trained on IDX data then predicts both, with the same
 * classes and bit-identical probabilities. It also draws the contact sheet of the most confidently
 * misclassified of these images (target/fashion-mnist-misclassified.png).
 */
@ExtendWith(ArrowLeakCheck.class)
class ImageFolderRoundTripIT {
    private static final int IMAGES = 300;

    @Test
    void pngFoldersGiveTheIdxPixelsAndPredictionsExactly() throws IOException {
        Path fm = SharedData.file("fashion-mnist");
        Path root = Path.of("target", "fashion-mnist-png");
        deleteTree(root);
        List<String> folders = new ArrayList<>();
        for (int c = 0; c < FashionMnist.CLASS_NAMES.size(); c++) {
            // class names hold a slash (T-shirt/top); the number keeps the folders in label order
            folders.add(c + "-" + FashionMnist.CLASS_NAMES.get(c).replace('/', '_'));
        }
        try (Dataset raw = IdxReader.files(fm.resolve("t10k-images-idx3-ubyte.gz"), fm.resolve("t10k-labels-idx1-ubyte.gz"))
                .classNames(FashionMnist.CLASS_NAMES).divideBy(1).limit(IMAGES).read()) {
            int[] index = {0};
            raw.forEachRow(r -> {
                float[] px = (float[]) r.get("image");
                BufferedImage im = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
                int[] v = new int[px.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (int) px[i];
                }
                im.getRaster().setSamples(0, 0, 28, 28, 0, v);
                String folder = folders.get(FashionMnist.CLASS_NAMES.indexOf(r.getString("label")));
                try {
                    TestImages.write(im, "png", root.resolve(folder).resolve(String.format(Locale.ROOT, "%05d.png", index[0]++)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        NeuralNetwork model = NeuralNetwork.logisticRegression().build();
        try (Dataset train = FashionMnist.read(fm, "train"); Dataset part = train.head(6_000)) {
            Trainer.builder().epochs(2).batchSize(100).optimizer(Optimizer.adam(1e-2)).seed(7).build().fit(model, part);
        }
        try (Dataset all = FashionMnist.read(fm, "t10k");
             Dataset idx = all.head(IMAGES);
             Dataset folder = ImageFolder.at(root).size(28, 28).channels(ChannelPolicy.GREY).threads(2).read();
             Dataset idxPredicted = model.predict(idx);
             Dataset folderPredicted = model.predict(folder)) {
            assertThat(folder.rowCount()).isEqualTo(IMAGES);
            assertThat(folder.schema().column("image").shape()).containsExactly(1, 28, 28);
            assertThat(folder.schema().column("label").categories()).isEqualTo(folders);
            List<float[]> idxPixels = TestImages.tensors(idx, "image");
            List<String> idxLabels = TestImages.strings(idx, "label");
            List<String> idxClasses = TestImages.strings(idxPredicted, "prediction");
            List<float[]> idxProbabilities = TestImages.tensors(idxPredicted, "probabilities");
            Map<Integer, Integer> rowOf = new HashMap<>();
            List<String> paths = TestImages.strings(folder, "path");
            for (int row = 0; row < paths.size(); row++) {
                String p = paths.get(row);
                rowOf.put(Integer.parseInt(p.substring(p.indexOf('/') + 1, p.indexOf(".png"))), row);
            }
            assertThat(rowOf.keySet()).hasSize(IMAGES);
            List<float[]> pixels = TestImages.tensors(folder, "image");
            List<String> labels = TestImages.strings(folder, "label");
            List<String> classes = TestImages.strings(folderPredicted, "prediction");
            List<float[]> probabilities = TestImages.tensors(folderPredicted, "probabilities");
            int correct = 0;
            for (int i = 0; i < IMAGES; i++) {
                int row = rowOf.get(i);
                assertThat(pixels.get(row)).as("pixels of test image %d", i).containsExactly(idxPixels.get(i));
                assertThat(labels.get(row)).isEqualTo(folders.get(FashionMnist.CLASS_NAMES.indexOf(idxLabels.get(i))));
                assertThat(classes.get(row)).as("class of test image %d", i).isEqualTo(idxClasses.get(i));
                assertThat(probabilities.get(row)).as("probabilities of test image %d", i).containsExactly(idxProbabilities.get(i));
                correct += idxClasses.get(i).equals(idxLabels.get(i)) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "folder round trip: %d images, identical pixels and predictions; accuracy %.3f%n",
                    IMAGES, correct / (double) IMAGES);
            assertThat(correct).as("a trained model, not a constant one").isGreaterThan(IMAGES * 7 / 10);
            Path sheet = Path.of("target", "fashion-mnist-misclassified.png");
            List<ContactSheet.Entry> shown = ContactSheet.of(idxPredicted).count(20).write(sheet);
            assertThat(shown).hasSize(Math.min(20, IMAGES - correct));
            for (int k = 0; k < shown.size(); k++) {
                ContactSheet.Entry e = shown.get(k);
                assertThat(e.predictedClass()).isNotEqualTo(e.trueClass()).isEqualTo(idxClasses.get((int) e.row()));
                assertThat(e.trueClass()).isEqualTo(idxLabels.get((int) e.row()));
                if (k > 0) {
                    assertThat(e.probability()).isLessThanOrEqualTo(shown.get(k - 1).probability());
                }
            }
            assertThat(ImageIO.read(sheet.toFile()).getWidth()).isEqualTo(4 + 5 * 144);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

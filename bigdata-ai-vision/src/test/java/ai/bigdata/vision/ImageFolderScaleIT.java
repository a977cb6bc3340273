package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Memory;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A larger folder: 10,000 Fashion-MNIST training images as PNG files, read on one and on two threads
 * (same result) and spilled to Arrow parts (no Arrow memory held once read). Prints images per second;
 * asserts no timing.
 */
@ExtendWith(ArrowLeakCheck.class)
class ImageFolderScaleIT {
    private static final int IMAGES = 10_000;

    @Test
    void tenThousandPngFilesReadTheSameOnAnyThreadCountAndSpilled() throws IOException {
        Path fm = SharedData.file("fashion-mnist");
        Path root = Path.of("target", "fashion-mnist-png-10k");
        if (Files.exists(root)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Dataset raw = IdxReader.files(fm.resolve("train-images-idx3-ubyte.gz"), fm.resolve("train-labels-idx1-ubyte.gz"))
                .divideBy(1).limit(IMAGES).read()) {
            int[] index = {0};
            raw.forEachRow(r -> {
                float[] px = (float[]) r.get("image");
                int[] v = new int[px.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (int) px[i];
                }
                try {
                    TestImages.write(TestImages.grey(28, 28, v), "png",
                            root.resolve("class-" + r.getString("label")).resolve(String.format(Locale.ROOT, "%05d.png", index[0]++)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        long t0 = System.nanoTime();
        try (Dataset one = ImageFolder.at(root).threads(1).read()) {
            long t1 = System.nanoTime();
            try (Dataset two = ImageFolder.at(root).threads(2).read()) {
                long t2 = System.nanoTime();
                long held = Memory.allocatedBytes();
                try (Dataset spilled = ImageFolder.at(root).threads(2).spillTo(Path.of("target", "fashion-mnist-10k-arrow"))
                        .partBytes(8L << 20).read()) {
                    long t3 = System.nanoTime();
                    assertThat(Memory.allocatedBytes()).as("the spilled result holds no Arrow memory").isEqualTo(held);
                    System.out.printf(Locale.ROOT, "ImageFolder, %d PNG files of 28 x 28: %.0f images/s on 1 thread, %.0f on 2,"
                            + " %.0f on 2 spilled (%d parts)%n", IMAGES, IMAGES / ((t1 - t0) / 1e9), IMAGES / ((t2 - t1) / 1e9),
                            IMAGES / ((t3 - t2) / 1e9), spilled.chunkCount());
                    assertThat(one.rowCount()).isEqualTo(IMAGES);
                    for (Dataset other : new Dataset[] {two, spilled}) {
                        assertThat(other.rowCount()).isEqualTo(IMAGES);
                        assertThat(TestImages.strings(other, "path")).isEqualTo(TestImages.strings(one, "path"));
                        assertThat(checksum(other)).isEqualTo(checksum(one));
                    }
                    assertThat(spilled.chunkCount()).isEqualTo(4);
                }
            }
        }
    }

    private static double checksum(Dataset d) {
        double[] sum = {0};
        long[] row = {0};
        d.forEachRow(r -> {
            float[] px = (float[]) r.get("image");
            long k = ++row[0];
            for (int i = 0; i < px.length; i++) {
                sum[0] += px[i] * ((k * 31 + i) % 97);
            }
        });
        return sum[0];
    }
}

package ai.bigdata.core.model;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.SharedData;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Small slices of the real Fashion-MNIST (the shared data set, through {@link SharedData}; a test
 * that needs it is skipped, naming it, when it is absent): images as a tensor column {@code image}
 * shaped {@code [1, 28, 28]} with pixels in [0, 1], and the categorical label {@code label}.
 */
public final class FashionImages {
    /** The ten class names, in label order. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
            "Sneaker", "Bag", "Ankle boot");
    /** The schema of the slices. */
    public static final Schema SCHEMA = Schema.of(Column.tensor("image", 1, 28, 28),
            Column.categorical("label", ColumnRole.LABEL, CLASSES));

    private FashionImages() {
    }

    /** Images {@code first} to {@code first + count - 1} of the training split. */
    public static Dataset train(int first, int count) {
        return read("train", first, count);
    }

    /** Images {@code first} to {@code first + count - 1} of the test split. */
    public static Dataset test(int first, int count) {
        return read("t10k", first, count);
    }

    /**
     * The first {@code count} images of the given classes (indices into {@link #CLASSES}) found from image
     * {@code first} of {@code split} ("train" or "t10k") on, with a label that has only those classes, in the
     * order given: for tasks on a subset of the classes, such as transfer learning to new classes.
     *
     * @throws IllegalArgumentException when the split holds fewer such images
     */
    public static Dataset ofClasses(String split, int first, int count, List<Integer> classes) {
        List<String> names = classes.stream().map(CLASSES::get).toList();
        Schema schema = Schema.of(Column.tensor("image", 1, 28, 28), Column.categorical("label", ColumnRole.LABEL, names));
        return read(split, first, count, schema, classes);
    }

    private static Dataset read(String split, int first, int count) {
        return read(split, first, count, SCHEMA, null);
    }

    /** Reads from image {@code first} on until {@code count} images of {@code classes} (all when null) are read. */
    private static Dataset read(String split, int first, int count, Schema schema, List<Integer> classes) {
        Path dir = SharedData.file("fashion-mnist");
        try (DataInputStream images = open(dir.resolve(split + "-images-idx3-ubyte.gz"), 2051);
             DataInputStream labels = open(dir.resolve(split + "-labels-idx1-ubyte.gz"), 2049)) {
            int n = images.readInt();
            if (labels.readInt() != n || images.readInt() != 28 || images.readInt() != 28) {
                throw new IllegalStateException("unexpected Fashion-MNIST header in " + dir);
            }
            if (first < 0 || count < 0 || (classes == null && (long) first + count > n)) {
                throw new IllegalArgumentException("images " + first + " to " + (first + count) + " are outside the " + n + " of " + split);
            }
            images.skipNBytes(784L * first);
            labels.skipNBytes(first);
            Dataset.RowsBuilder b = Dataset.builder(schema);
            byte[] pixels = new byte[784];
            int kept = 0;
            for (int i = first; kept < count; i++) {
                if (i == n) {
                    throw new IllegalArgumentException("only " + kept + " images of classes " + classes + " from image " + first + " of " + split);
                }
                images.readFully(pixels);
                int label = labels.readUnsignedByte();
                if (classes != null && !classes.contains(label)) {
                    continue;
                }
                float[] image = new float[784];
                for (int p = 0; p < 784; p++) {
                    image[p] = (pixels[p] & 0xff) / 255f;
                }
                b.add(image, CLASSES.get(label));
                kept++;
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataInputStream open(Path file, int magic) throws IOException {
        InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
        DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
        if (d.readInt() != magic) {
            d.close();
            throw new IllegalStateException(file + " is no IDX file with magic " + magic);
        }
        return d;
    }
}

package ai.bigdata.vision;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Memory;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.ChunkAssembler;
import ai.bigdata.core.internal.ColumnSink;
import ai.bigdata.core.io.DataFormatException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Reads IDX image and label files (the MNIST / Fashion-MNIST format, gzipped or not) into a dataset
 * with a float32 tensor column {@code image} of shape {@code [rows, cols]} and a categorical label
 * column {@code label}. Pixels are decoded straight into Arrow memory, divided by {@link Builder#divideBy} (255 by default).
 */
public final class IdxReader {
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /** Opens one IDX file as a stream; the name is used in error messages. */
    @FunctionalInterface
    public interface Source {
        /** A new stream over the file's bytes. */
        InputStream open() throws IOException;
    }

    /** A builder for images and labels in files. */
    public static Builder files(Path images, Path labels) {
        return new Builder(() -> Files.newInputStream(images), images.toString(), () -> Files.newInputStream(labels),
                labels.toString());
    }

    /** A builder for images and labels from any source (for example class-path resources). */
    public static Builder sources(Source images, String imagesName, Source labels, String labelsName) {
        return new Builder(images, imagesName, labels, labelsName);
    }

    /** Options of an IDX read. */
    public static final class Builder {
        private final Source images;
        private final String imagesName;
        private final Source labels;
        private final String labelsName;
        private List<String> classNames;
        private float divisor = 255f;
        private int chunkRows = 8_192;
        private long limit = Long.MAX_VALUE;

        Builder(Source images, String imagesName, Source labels, String labelsName) {
            this.images = images;
            this.imagesName = imagesName;
            this.labels = labels;
            this.labelsName = labelsName;
        }

        /** Names of the classes, in label order (default "0", "1", ...). */
        public Builder classNames(List<String> names) {
            this.classNames = List.copyOf(names);
            return this;
        }

        /** Each 0..255 pixel is divided by this (default 255, giving [0, 1]; 1 keeps raw values). */
        public Builder divideBy(float d) {
            if (!(d > 0) || Float.isInfinite(d)) {
                throw new IllegalArgumentException("divisor must be a positive finite number, got " + d);
            }
            this.divisor = d;
            return this;
        }

        /** Rows per chunk (default 8,192). */
        public Builder chunkRows(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("chunkRows must be positive, got " + n);
            }
            this.chunkRows = n;
            return this;
        }

        /** Reads at most this many images (default all). */
        public Builder limit(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("limit must be >= 0, got " + n);
            }
            this.limit = n;
            return this;
        }

        /** Reads the images and labels. */
        public Dataset read() {
            try (DataInputStream img = open(images, imagesName); DataInputStream lab = open(labels, labelsName)) {
                int[] dims = header(img, imagesName, IMAGES_MAGIC, 3);
                int[] labelDims = header(lab, labelsName, LABELS_MAGIC, 1);
                if (dims[0] != labelDims[0]) {
                    throw new DataFormatException(labelsName, "holds " + labelDims[0] + " labels but " + imagesName
                            + " holds " + dims[0] + " images");
                }
                int rows = dims[1];
                int cols = dims[2];
                long count = Math.min(dims[0], limit);
                List<String> names = classNames != null ? classNames : defaultNames(10);
                Schema schema = Schema.of(Column.tensor("image", rows, cols),
                        Column.categorical("label", ColumnRole.LABEL, names));
                ChunkAssembler out = new ChunkAssembler(schema, Memory.newChild("idx"), chunkRows);
                try {
                    ColumnSink image = out.sink(0);
                    ColumnSink label = out.sink(1);
                    byte[] pixels = new byte[rows * cols];
                    int[] bits = new int[256];
                    for (int v = 0; v < 256; v++) {
                        bits[v] = Float.floatToRawIntBits(v / divisor);
                    }
                    for (long i = 0; i < count; i++) {
                        readFully(img, pixels, imagesName, 16 + i * pixels.length);
                        long at = image.nextTensorAddress();
                        for (int p = 0; p < pixels.length; p++) {
                            MemoryUtil.putInt(at + 4L * p, bits[pixels[p] & 0xFF]);
                        }
                        image.commitTensor();
                        int code = lab.read();
                        if (code < 0) {
                            throw new DataFormatException(labelsName, "truncated: label " + i + " is missing (byte offset "
                                    + (8 + i) + ")");
                        }
                        if (code >= names.size()) {
                            throw new DataFormatException(labelsName, "label " + i + " is " + code + " but only "
                                    + names.size() + " class names are known");
                        }
                        label.appendText(names.get(code));
                        out.endRow();
                    }
                    return Dataset.wrap(out.build());
                } catch (RuntimeException | IOException e) {
                    out.close();
                    throw e;
                }
            } catch (NoSuchFileException e) {
                throw new DataFormatException(e.getFile(), "file does not exist", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read IDX files " + imagesName + ", " + labelsName, e);
            }
        }
    }

    private static List<String> defaultNames(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    private static DataInputStream open(Source s, String name) throws IOException {
        InputStream raw = new BufferedInputStream(s.open(), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        InputStream in = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
        return new DataInputStream(in);
    }

    private static int[] header(DataInputStream in, String name, int magic, int dimensions) throws IOException {
        try {
            int m = in.readInt();
            if (m != magic) {
                throw new DataFormatException(name, String.format("not an IDX %s file: magic number 0x%08x, expected 0x%08x",
                        magic == IMAGES_MAGIC ? "image" : "label", m, magic));
            }
            int[] dims = new int[dimensions];
            for (int i = 0; i < dimensions; i++) {
                dims[i] = in.readInt();
                if (dims[i] <= 0) {
                    throw new DataFormatException(name, "dimension " + i + " is " + dims[i]);
                }
            }
            return dims;
        } catch (EOFException e) {
            throw new DataFormatException(name, "truncated IDX header", e);
        }
    }

    private static void readFully(DataInputStream in, byte[] b, String name, long offset) throws IOException {
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw new DataFormatException(name, "truncated: image data ends before byte offset " + (offset + b.length), e);
        }
    }
}

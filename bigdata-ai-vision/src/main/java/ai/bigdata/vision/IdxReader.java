package ai.bigdata.vision;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnWriter;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.io.DataFormatException;
import ai.bigdata.core.io.Decompression;
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

/**
 * Reads IDX image and label files (the MNIST / Fashion-MNIST format, gzipped or not) into a dataset
 * with a float32 tensor column {@code image} of shape {@code [rows, cols]} ({@code [1, rows, cols]} with
 * {@link Builder#channelAxis()}) and a categorical label
 * column {@code label}. Pixels are decoded straight into Arrow memory, divided by {@link Builder#divideBy} (255 by default).
 * Gzip (and zstd) files are told apart by their magic bytes and checked whole: every CRC, and nothing
 * after the data. A damaged file is a {@link DataFormatException} naming it: wrong magic number,
 * image and label counts that differ, an image size beyond {@link DatasetWriter#MAX_TENSOR_CELL_BYTES} (checked
 * before anything is allocated), an uncompressed file whose size is not what its header claims,
 * truncation, or extra data.
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
        Builder b = new Builder(() -> Files.newInputStream(images), images.toString(), () -> Files.newInputStream(labels),
                labels.toString());
        b.imagesFile = images;
        b.labelsFile = labels;
        return b;
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
        private Path imagesFile;
        private Path labelsFile;
        private boolean channelAxis;

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

        /**
         * Gives the image column a leading channel axis, {@code [1, rows, cols]}, the shape the CNN builders
         * ({@link ConvNets}) and {@link ChannelNormalization} take (default off: {@code [rows, cols]}, the
         * shape flat models and the embedded sample use). The pixels are the same either way.
         */
        public Builder channelAxis() {
            this.channelAxis = true;
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

        /**
         * Reads the images and labels. Both streams are read to their end, even past {@link #limit}, so
         * that a gzip file's CRC is always checked and extra data after the last image or label is refused.
         */
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
                long pixelsPerImage = (long) rows * cols;
                long maxCell = DatasetWriter.MAX_TENSOR_CELL_BYTES;
                if (4L * pixelsPerImage > maxCell) {
                    throw new DataFormatException(imagesName, "the header claims images of " + rows + " x " + cols + " = "
                            + pixelsPerImage + " pixels, more than the limit of " + maxCell / 4
                            + " pixels per image (" + maxCell + " bytes as float32); the header is"
                            + " probably damaged");
                }
                checkPlainFileSize(imagesFile, imagesName, 16, dims[0], pixelsPerImage, "images of " + rows + " x " + cols);
                checkPlainFileSize(labelsFile, labelsName, 8, labelDims[0], 1, "labels");
                long count = Math.min(dims[0], limit);
                List<String> names = classNames != null ? classNames : defaultNames(10);
                Column imageColumn = channelAxis ? Column.tensor("image", 1, rows, cols) : Column.tensor("image", rows, cols);
                Schema schema = Schema.of(imageColumn,
                        Column.categorical("label", ColumnRole.LABEL, names));
                // try-with-resources frees the writer's memory on any throwable (also an OutOfMemoryError)
                try (DatasetWriter out = Dataset.writer(schema, chunkRows)) {
                    ColumnWriter image = out.column(0);
                    ColumnWriter label = out.column(1);
                    byte[] pixels = new byte[(int) pixelsPerImage];
                    for (long i = 0; i < count; i++) {
                        readFully(img, pixels, imagesName, 16 + i * pixels.length);
                        image.appendUnsignedBytes(pixels, 0, divisor);
                        int code = lab.read();
                        if (code < 0) {
                            throw new DataFormatException(labelsName, "truncated: label " + i + " is missing (byte offset "
                                    + (8 + i) + ")");
                        }
                        if (code >= names.size()) {
                            throw new DataFormatException(labelsName, "label " + i + " is " + code + " but only "
                                    + names.size() + " class names are known");
                        }
                        label.appendCategory(names.get(code));
                        out.endRow();
                    }
                    skipAndCheckEnd(img, imagesName, (dims[0] - count) * pixelsPerImage, "images");
                    skipAndCheckEnd(lab, labelsName, dims[0] - count, "labels");
                    return out.build();
                }
            } catch (NoSuchFileException e) {
                throw new DataFormatException(e.getFile(), "file does not exist", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read IDX files " + imagesName + ", " + labelsName, e);
            }
        }
    }

    /** For an uncompressed file whose size is known: the header's claim must match the size exactly. */
    private static void checkPlainFileSize(Path file, String name, long headerBytes, long items, long itemBytes, String what)
            throws IOException {
        if (file == null || isCompressed(file)) {
            return;
        }
        long size = Files.size(file);
        long claimed = headerBytes + items * itemBytes;
        if (claimed > size) {
            throw new DataFormatException(name, "truncated: the header claims " + items + " " + what + " (" + claimed
                    + " bytes) but the file holds " + size + " bytes");
        }
        if (claimed < size) {
            throw new DataFormatException(name, (size - claimed) + " bytes of extra data after the " + items + " " + what
                    + " that the header announces (" + claimed + " bytes)");
        }
    }

    private static boolean isCompressed(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int b0 = in.read();
            int b1 = in.read();
            return b0 == 0x1f && b1 == 0x8b || b0 == 0x28 && b1 == 0xB5;
        }
    }

    /** Skips {@code remaining} announced bytes (images past the limit), then requires the end of the stream. */
    private static void skipAndCheckEnd(DataInputStream in, String name, long remaining, String what) throws IOException {
        byte[] sink = new byte[1 << 16];
        long left = remaining;
        while (left > 0) {
            int n = in.read(sink, 0, (int) Math.min(sink.length, left));
            if (n < 0) {
                throw new DataFormatException(name, "truncated: the data of the " + what + " ends " + left
                        + " bytes before the size the header announces");
            }
            left -= n;
        }
        if (in.read() >= 0) {
            throw new DataFormatException(name, "extra data after the last of the " + what + " that the header announces");
        }
    }

    private static List<String> defaultNames(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    /** The decompressed stream (gzip or zstd by magic bytes, every CRC checked; see Decompression). */
    private static DataInputStream open(Source s, String name) throws IOException {
        return new DataInputStream(new BufferedInputStream(Decompression.wrap(s.open(), name), 1 << 16));
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

package ai.bigdata.vision;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.io.DataFormatException;
import ai.bigdata.core.io.ErrorPolicy;
import ai.bigdata.core.io.ReadReport;
import ai.bigdata.core.io.ReadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a folder of images with one sub-folder per class (as torchvision's {@code ImageFolder}) into a
 * dataset of three columns:
 * <ul>
 *   <li>{@value #IMAGE}: a float32 tensor {@code [channels, height, width]}, each 8-bit value divided by
 *       255 (so in [0, 1], exactly as {@link IdxReader} gives it);</li>
 *   <li>{@value #LABEL}: the class, categorical (role LABEL), the class folder names sorted;</li>
 *   <li>{@value #PATH}: the file's path relative to the root with {@code /} separators, text (role ID).</li>
 * </ul>
 * Each class folder is walked recursively; files are taken in sorted path order, and names starting with
 * a dot (hidden files such as {@code .DS_Store}) are passed over. Any format the JDK's ImageIO decodes is
 * read, told by content (PNG, JPEG, BMP, GIF tested; a GIF gives its first frame; alpha is dropped).
 *
 * <p>Images are decoded on {@link Builder#threads} threads, at most a few per thread ahead of the
 * writer, and written in file order, so the result does not depend on the thread count. A bad file (not
 * an image, corrupt, truncated, unreadable, too many pixels, another size under {@link ResizePolicy#EXACT},
 * another channel count under {@link ChannelPolicy#AS_STORED}) is a {@link DataFormatException} naming
 * the file under {@link ErrorPolicy#FAIL}, or left out and counted in the {@link ReadReport} under
 * {@link ErrorPolicy#SKIP}. A file directly in the root (outside every class folder) is a bad file too.
 * A class folder without images, a root without class folders, or a missing root is always an error.
 *
 * <p>Memory: the result is held in memory, unless {@link Builder#spillTo} names a folder; then each
 * part of about 64 MiB is written there as an Arrow file as soon as it is full and the result maps them
 * (so 100,000 images never need to be in memory at once).
 */
public final class ImageFolder {
    /** The image column's name. */
    public static final String IMAGE = "image";
    /** The label column's name. */
    public static final String LABEL = "label";
    /** The path column's name. */
    public static final String PATH = "path";

    private ImageFolder() {
    }

    /** A reader of the class folders under {@code root}. */
    public static Builder at(Path root) {
        return new Builder(root);
    }

    /** Options of a folder read. */
    public static final class Builder {
        private final Path root;
        private int height;
        private int width;
        private ResizePolicy resize = ResizePolicy.EXACT;
        private ChannelPolicy channels = ChannelPolicy.AS_STORED;
        private ErrorPolicy policy = ErrorPolicy.FAIL;
        private int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        private int chunkRows = DatasetWriter.DEFAULT_CHUNK_ROWS;
        private long maxPixels = 100_000_000L;
        private Path spill;
        private long partBytes = 64L << 20;

        Builder(Path root) {
            this.root = root;
        }

        /** The target size (required by RESIZE and RESIZE_CENTER_CROP; under EXACT, the required size). */
        public Builder size(int height, int width) {
            if (height <= 0 || width <= 0) {
                throw new IllegalArgumentException("size must be positive, got " + height + " x " + width);
            }
            this.height = height;
            this.width = width;
            return this;
        }

        /** How images reach the target size (default EXACT). */
        public Builder resize(ResizePolicy p) {
            this.resize = java.util.Objects.requireNonNull(p, "resize policy");
            return this;
        }

        /** Which channels are produced (default AS_STORED). */
        public Builder channels(ChannelPolicy p) {
            this.channels = java.util.Objects.requireNonNull(p, "channel policy");
            return this;
        }

        /** FAIL (default) or SKIP; QUARANTINE is refused, since an image has no text row to copy aside. */
        public Builder onError(ErrorPolicy p) {
            if (p == ErrorPolicy.QUARANTINE) {
                throw new IllegalArgumentException("QUARANTINE copies raw text rows; images have none: use SKIP and"
                        + " read the files named in ReadReport.rejections()");
            }
            this.policy = java.util.Objects.requireNonNull(p, "error policy");
            return this;
        }

        /** Decoding threads (default the processor count, at most 8). */
        public Builder threads(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("threads must be positive, got " + n);
            }
            this.threads = n;
            return this;
        }

        /** Rows per chunk (default {@link DatasetWriter#DEFAULT_CHUNK_ROWS}, fewer for wide images). */
        public Builder chunkRows(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("chunkRows must be positive, got " + n);
            }
            this.chunkRows = n;
            return this;
        }

        /** The most pixels (width x height) an image may claim before it is decoded (default 100 million). */
        public Builder maxPixels(long n) {
            if (n <= 0) {
                throw new IllegalArgumentException("maxPixels must be positive, got " + n);
            }
            this.maxPixels = n;
            return this;
        }

        /**
         * Writes the result to Arrow files {@code images-00000.arrow}, ... in {@code folder} (created if
         * missing; files of those names are replaced) part by part and maps them, instead of holding it in
         * memory. The files stay when the dataset is closed; deleting them is the caller's.
         */
        public Builder spillTo(Path folder) {
            this.spill = java.util.Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** Bytes of tensor data per spilled part (default 64 MiB; smaller in tests). */
        Builder partBytes(long n) {
            this.partBytes = n;
            return this;
        }

        /** Reads the folder. @throws DataFormatException under FAIL for the first bad file */
        public Dataset read() {
            return readWithReport().dataset();
        }

        /** Reads the folder and reports how many files were read, kept and left out (with the reasons). */
        public ReadResult readWithReport() {
            if (resize != ResizePolicy.EXACT && height == 0) {
                throw new IllegalArgumentException(resize + " needs a target size: call size(height, width)");
            }
            List<String> classes = classFolders();
            List<ImageFile> files = new ArrayList<>();
            for (String c : classes) {
                List<ImageFile> in = list(root.resolve(c), c);
                if (in.isEmpty()) {
                    throw new DataFormatException(root.resolve(c).toString(), "the class folder '" + c + "' holds no files");
                }
                files.addAll(in);
            }
            files.sort(java.util.Comparator.comparing(ImageFile::relative));
            addLooseFiles(files);
            ImageDecoder decoder = new ImageDecoder(channels, resize, height, width, maxPixels);
            return new FolderRead(root, files, classes, decoder, policy, threads, chunkRows,
                    channels == ChannelPolicy.GREY ? 1 : channels == ChannelPolicy.RGB ? 3 : 0, height, width, spill, partBytes).run();
        }

        private List<String> classFolders() {
            if (!Files.isDirectory(root)) {
                throw new DataFormatException(root.toString(), Files.exists(root) ? "not a folder" : "folder does not exist");
            }
            List<String> out = new ArrayList<>();
            try (Stream<Path> s = Files.list(root)) {
                s.filter(p -> Files.isDirectory(p) && !hidden(p)).forEach(p -> out.add(p.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
            if (out.isEmpty()) {
                throw new DataFormatException(root.toString(), "no class folders: put each class's images in a sub-folder"
                        + " named after the class");
            }
            out.sort(null);
            return out;
        }

        /** Files directly in the root are bad inputs (an image outside every class folder). */
        private void addLooseFiles(List<ImageFile> files) {
            try (Stream<Path> s = Files.list(root)) {
                s.filter(p -> !Files.isDirectory(p) && !hidden(p)).sorted()
                        .forEach(p -> files.add(new ImageFile(p, p.getFileName().toString(), null)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }

        private static List<ImageFile> list(Path folder, String label) {
            List<ImageFile> out = new ArrayList<>();
            try (Stream<Path> s = Files.walk(folder)) {
                s.filter(p -> !Files.isDirectory(p) && !hidden(p)).forEach(p -> out.add(new ImageFile(p,
                        label + "/" + folder.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"), label)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
            return out;
        }

        private static boolean hidden(Path p) {
            return p.getFileName().toString().startsWith(".");
        }
    }

    /** The dataset schema for images of {@code shape} and these classes. */
    static Schema schema(int[] shape, List<String> classes) {
        return Schema.of(Column.tensor(IMAGE, shape), Column.categorical(LABEL, ColumnRole.LABEL, classes),
                Column.of(PATH, ColumnType.TEXT, ColumnRole.ID));
    }

    /** A file to read: where it is, its path relative to the root, its class (null: outside every class folder). */
    record ImageFile(Path file, String relative, String label) {
    }
}

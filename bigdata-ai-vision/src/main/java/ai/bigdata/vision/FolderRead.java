package ai.bigdata.vision;

import ai.bigdata.core.data.ColumnWriter;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One run of {@link ImageFolder}: decodes files on a thread pool, a bounded window ahead, and writes them
 * in file order, applying the error policy and the size and channel checks that depend on the first image.
 */
final class FolderRead {

    private final Path root;
    private final List<ImageFolder.ImageFile> files;
    private final List<String> classes;
    private final ImageDecoder decoder;
    private final ErrorPolicy policy;
    private final int threads;
    private final int chunkRows;
    private final Path spill;
    private final long partBytes;
    private final List<DataFormatException> rejections = new ArrayList<>();
    private final List<Dataset> parts = new ArrayList<>();
    private long rejected;
    private long kept;
    /** Channels, height, width; 0 where the first image kept decides. */
    private final int[] shape;
    private final boolean sizeGiven;
    private DatasetWriter writer;
    private long rowsInPart;

    FolderRead(Path root, List<ImageFolder.ImageFile> files, List<String> classes, ImageDecoder decoder, ErrorPolicy policy,
               int threads, int chunkRows, int channels, int height, int width, Path spill, long partBytes) {
        this.partBytes = partBytes;
        this.root = root;
        this.files = files;
        this.classes = classes;
        this.decoder = decoder;
        this.policy = policy;
        this.threads = threads;
        this.chunkRows = chunkRows;
        this.spill = spill;
        this.sizeGiven = height > 0;
        this.shape = new int[] {channels, height, width};
    }

    ReadResult run() {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "image-decoder");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Outcome>> window = new ArrayDeque<>();
            int next = 0;
            int ahead = threads * 4;
            for (int i = 0; i < files.size(); i++) {
                while (next < files.size() && next < i + ahead) {
                    ImageFolder.ImageFile f = files.get(next++);
                    window.add(pool.submit(() -> decode(f)));
                }
                Outcome o = await(window.poll());
                ImageFolder.ImageFile f = files.get(i);
                DataFormatException bad = o.error() != null ? o.error() : check(f, o.image());
                if (bad != null) {
                    reject(bad);
                } else {
                    write(f, o.image());
                }
            }
            if (kept == 0) {
                if (shape[0] == 0 || shape[1] == 0) {
                    throw new DataFormatException(root.toString(), "none of the " + files.size() + " files could be read as an"
                            + " image (first problem: " + (rejections.isEmpty() ? "none" : rejections.get(0).getMessage()) + ")");
                }
            }
            Dataset data = finish();
            return new ReadResult(data, new ReadReport(root.toString(), files.size(), kept, rejected, 0, rejections, null));
        } catch (RuntimeException | Error e) {
            if (writer != null) {
                writer.close();
            }
            parts.forEach(Dataset::close);
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome decode(ImageFolder.ImageFile f) {
        if (f.label() == null) {
            return new Outcome(null, new DataFormatException(f.file().toString(), "a file outside every class folder; move"
                    + " it into the sub-folder of its class"));
        }
        try {
            return new Outcome(decoder.decode(f.file(), f.file().toString()), null);
        } catch (DataFormatException e) {
            return new Outcome(null, e);
        }
    }

    private static Outcome await(Future<Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding images", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** A decoded image, or why the file is not one. */
    private record Outcome(DecodedImage image, DataFormatException error) {
    }

    /** The problem with this decoded image given the first one kept, or null when it is good. */
    private DataFormatException check(ImageFolder.ImageFile f, DecodedImage image) {
        String name = f.file().toString();
        int h = shape[1] == 0 ? image.height() : shape[1];
        int w = shape[1] == 0 ? image.width() : shape[2];
        int c = shape[0] == 0 ? image.channels() : shape[0];
        if (image.height() != h || image.width() != w) {
            return new DataFormatException(name, String.format(Locale.ROOT, "the image is %d x %d (height x width) but %d x %d"
                    + " is required (ResizePolicy.EXACT, %s); choose RESIZE or RESIZE_CENTER_CROP to resize it", image.height(),
                    image.width(), h, w, sizeGiven ? "the size asked for" : "the size of the first image kept"));
        }
        if (image.channels() != c) {
            return new DataFormatException(name, "the image has " + image.channels() + " channel(s) but the first image kept"
                    + " has " + c + " (ChannelPolicy.AS_STORED); choose ChannelPolicy.GREY or RGB to convert them");
        }
        // the first image kept fixes what the policies left open
        shape[0] = c;
        shape[1] = h;
        shape[2] = w;
        return null;
    }

    private void reject(DataFormatException bad) {
        if (policy == ErrorPolicy.FAIL) {
            throw bad;
        }
        rejected++;
        if (rejections.size() < ReadReport.MAX_DETAILS) {
            rejections.add(bad);
        }
    }

    private void write(ImageFolder.ImageFile f, DecodedImage image) {
        if (writer == null) {
            writer = Dataset.writer(ImageFolder.schema(shape, classes), chunkRows);
        }
        ColumnWriter img = writer.column(0);
        img.appendUnsignedBytes(image.pixels(), 0, 255f);
        writer.column(1).appendCategory(f.label());
        writer.column(2).appendText(f.relative());
        writer.endRow();
        kept++;
        rowsInPart++;
        if (spill != null && rowsInPart * 4L * image.pixels().length >= partBytes) {
            spillPart();
        }
    }

    private void spillPart() {
        try (DatasetWriter w = writer; Dataset part = w.build()) {
            writer = null;
            rowsInPart = 0;
            Files.createDirectories(spill);
            Path file = spill.resolve(String.format(Locale.ROOT, "images-%05d.arrow", parts.size()));
            part.writeArrow(file);
            parts.add(Dataset.readArrow(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + spill, e);
        }
    }

    private Dataset finish() {
        if (writer == null && (spill == null || parts.isEmpty())) {
            writer = Dataset.writer(ImageFolder.schema(shape, classes), chunkRows);
        }
        if (spill == null) {
            Dataset d = writer.build();
            writer = null;
            return d;
        }
        if (writer != null) {
            spillPart();
        }
        Dataset first = parts.get(0);
        Dataset all = first.concat(parts.subList(1, parts.size()).toArray(new Dataset[0]));
        parts.forEach(Dataset::close);
        parts.clear();
        return all;
    }
}

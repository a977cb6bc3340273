package ai.bigdata.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When and where the trainer writes checkpoints: every N epochs, every N batches and/or every so many
 * minutes, into a folder, keeping the last few. Each checkpoint is one file written to a temporary name
 * and renamed, so a crash never leaves a half-written checkpoint under a real name; temporary files
 * that a crash left behind are deleted with the old checkpoints.
 */
public final class Checkpoints {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final String PREFIX = "checkpoint-";
    private static final String SUFFIX = ".ckpt";
    private static final String TEMPORARY = ".tmp";

    private final Path folder;
    private final int everyEpochs;
    private final long everyBatches;
    private final Duration every;
    private final int keep;

    private Checkpoints(Path folder, int everyEpochs, long everyBatches, Duration every, int keep) {
        this.folder = folder;
        this.everyEpochs = everyEpochs;
        this.everyBatches = everyBatches;
        this.every = every;
        this.keep = keep;
    }

    /** Checkpoints in this folder (created when needed), by default after every epoch, keeping the last 3. */
    public static Checkpoints in(Path folder) {
        return new Checkpoints(java.util.Objects.requireNonNull(folder, "folder"), 1, 0, null, 3);
    }

    /** After every {@code n} epochs (0: not by epoch). */
    public Checkpoints everyEpochs(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("everyEpochs must be >= 0, got " + n);
        }
        return new Checkpoints(folder, n, everyBatches, every, keep);
    }

    /** After every {@code n} batches, also in the middle of an epoch (0: not by batch). */
    public Checkpoints everyBatches(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("everyBatches must be >= 0, got " + n);
        }
        return new Checkpoints(folder, everyEpochs, n, every, keep);
    }

    /** When at least this much time has passed since the last checkpoint (checked after each batch). */
    public Checkpoints every(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        return new Checkpoints(folder, everyEpochs, everyBatches, interval, keep);
    }

    /** How many of the newest checkpoints to keep (default 3). */
    public Checkpoints keepLast(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("keepLast must be positive, got " + n);
        }
        return new Checkpoints(folder, everyEpochs, everyBatches, every, n);
    }

    /** The folder. */
    public Path folder() {
        return folder;
    }

    boolean dueAfterBatch(long batchesSinceLast, long nanosSinceLast) {
        return (everyBatches > 0 && batchesSinceLast >= everyBatches) || (every != null && nanosSinceLast >= every.toNanos());
    }

    boolean dueAfterEpoch(int epochsDone) {
        return everyEpochs > 0 && epochsDone % everyEpochs == 0;
    }

    /** The file name of the checkpoint taken after {@code batchesDone} batches in total. */
    Path fileFor(long batchesDone) {
        return folder.resolve(String.format(java.util.Locale.ROOT, "%s%012d%s", PREFIX, batchesDone, SUFFIX));
    }

    /**
     * Deletes all but the newest {@code keep} checkpoints, and the temporary files of checkpoint writes
     * that never finished (a process killed while writing leaves one). Called by the trainer right after
     * it wrote a checkpoint, when none of its own writes is in progress.
     */
    void prune() {
        List<Path> all = list(folder, SUFFIX);
        List<Path> doomed = new ArrayList<>(all.subList(0, Math.max(0, all.size() - keep)));
        doomed.addAll(list(folder, TEMPORARY));
        for (Path p : doomed) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete old checkpoint file " + p, e);
            }
        }
    }

    /**
     * The newest checkpoint in a folder that reads back completely, if any. Newer files under
     * checkpoint names that do not (damaged, truncated, not a checkpoint) are skipped, each with a
     * warning in the log that names it and says why; {@link #scan} returns the same answer with the
     * skipped files.
     */
    public static Optional<Path> latest(Path folder) {
        Scan scan = scan(folder);
        for (Skipped s : scan.skipped()) {
            LOG.warn("skipped a checkpoint that cannot be resumed from: {}", s.reason());
        }
        return scan.latest();
    }

    /**
     * Reads the checkpoints of a folder from the newest down until one reads back completely: that one
     * is the latest, and every newer one is reported as skipped with the reason. A missing folder holds
     * no checkpoints.
     */
    public static Scan scan(Path folder) {
        List<Path> all = list(folder, SUFFIX);
        List<Skipped> skipped = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            Path file = all.get(i);
            try {
                CheckpointFile.read(file);
                return new Scan(Optional.of(file), skipped);
            } catch (RuntimeException e) {
                skipped.add(new Skipped(file, String.valueOf(e.getMessage())));
            }
        }
        return new Scan(Optional.empty(), skipped);
    }

    /**
     * What {@link #scan} found in a folder.
     *
     * @param latest the newest checkpoint that reads back completely, if any
     * @param skipped the newer checkpoint files that do not, newest first
     */
    public record Scan(Optional<Path> latest, List<Skipped> skipped) {
        /** Copies the list. */
        public Scan {
            java.util.Objects.requireNonNull(latest, "latest");
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * A checkpoint file that {@link #scan} passed over.
     *
     * @param file the file
     * @param reason why it cannot be resumed from (the reading error)
     */
    public record Skipped(Path file, String reason) {
    }

    /** The checkpoint files (by name: {@code checkpoint-*} ending in {@code ending}) of a folder, oldest first. */
    private static List<Path> list(Path folder, String ending) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(ending) && Files.isRegularFile(p);
            }).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + folder, e);
        }
    }

    @Override
    public String toString() {
        return "checkpoints in " + folder + (everyEpochs > 0 ? ", every " + everyEpochs + " epoch(s)" : "")
                + (everyBatches > 0 ? ", every " + everyBatches + " batches" : "") + (every != null ? ", every " + every : "")
                + ", keep " + keep;
    }
}

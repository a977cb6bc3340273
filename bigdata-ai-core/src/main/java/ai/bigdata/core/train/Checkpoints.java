package ai.bigdata.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When and where the trainer writes checkpoints: every N epochs, every N batches and/or every so many
 * minutes, into a folder, keeping the last few. Each checkpoint is one file written to a temporary name
 * and renamed, so a crash never leaves a half-written checkpoint under a real name.
 */
public final class Checkpoints {
    private static final String PREFIX = "checkpoint-";
    private static final String SUFFIX = ".ckpt";

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

    /** Deletes all but the newest {@code keep} checkpoints. */
    void prune() {
        List<Path> all = list(folder);
        for (int i = 0; i < all.size() - keep; i++) {
            try {
                Files.deleteIfExists(all.get(i));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete old checkpoint " + all.get(i), e);
            }
        }
    }

    /** The newest complete checkpoint in a folder, if any. */
    public static Optional<Path> latest(Path folder) {
        List<Path> all = list(folder);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(SUFFIX);
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

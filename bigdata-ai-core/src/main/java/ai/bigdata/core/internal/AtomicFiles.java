package ai.bigdata.core.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that its real name only ever holds a complete file: the content goes to a
 * temporary file in the same folder, which is then renamed atomically over the target (and removed
 * if anything fails). Every file the library writes (Arrow, CSV, checkpoints, bundles, reports) goes
 * through here.
 */
public final class AtomicFiles {
    /** Writes the content into the temporary file it is given. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything into {@code tmp}. */
        void writeTo(Path tmp) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code file} atomically; with {@code durable}, the content is also forced to disk before
     * the rename, so that a crash right after cannot leave an empty file under the real name.
     */
    public static void write(Path file, boolean durable, Content content) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
        try {
            content.writeTo(tmp);
            if (durable) {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

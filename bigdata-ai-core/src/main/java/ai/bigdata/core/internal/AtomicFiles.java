package ai.bigdata.core.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that its real name only ever holds a complete file: the content goes to a
 * temporary file in the same folder, which is then renamed atomically over the target (and removed
 * if anything fails). Every file the library writes (Arrow, CSV, checkpoints, bundles, reports) goes
 * through here.
 *
 * <p>Permissions: a new file gets what any program's new file gets, read and write for everyone less
 * the process's umask (so usually {@code rw-r--r--}: a bundle written by a training job is readable by a
 * serving process running as another user); a file that is replaced keeps its permissions. (Java's
 * temporary files are {@code rw-------}, which is why the temporary file is not made with
 * {@link Files#createTempFile}.)
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
     * the rename and the folder after it (where the file system allows), so that a crash right after
     * can leave neither an empty file under the real name nor the old file.
     */
    public static void write(Path file, boolean durable, Content content) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Set<PosixFilePermission> existing = permissions(abs);
        Path tmp = newTemporary(dir, abs.getFileName().toString());
        try {
            content.writeTo(tmp);
            if (existing != null && Files.exists(tmp)) {
                Files.getFileAttributeView(tmp, PosixFileAttributeView.class).setPermissions(existing);
            }
            if (durable) {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (durable) {
                forceDirectory(dir);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new empty file next to the target, created like any other new file (the umask applies). */
    private static Path newTemporary(Path dir, String name) throws IOException {
        while (true) {
            Path tmp = dir.resolve(name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    /** The POSIX permissions of an existing file, or null (no file, or not a POSIX file system). */
    private static Set<PosixFilePermission> permissions(Path file) throws IOException {
        if (!Files.exists(file) || Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return null;
        }
        return Files.getPosixFilePermissions(file);
    }

    /** Forces a folder's entries (the rename) to disk; a no-op where folders cannot be opened (Windows). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here: the rename is as durable as the file system makes it
        }
    }
}

package ai.bigdata.nlp.corpus;

import ai.bigdata.core.io.DataFormatException;
import ai.bigdata.core.io.Decompression;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The regular files of a folder tree or of a tar archive (plain, gzip or zstd, told apart by magic bytes
 * through core's {@link Decompression}, which checks gzip whole), read without unpacking anything.
 */
final class CorpusFiles {
    /** Receives each file: its path relative to the corpus root ('/'-separated) and its bytes. */
    interface Visitor {
        void accept(String path, byte[] bytes);

        /** A file over the size limit (not read). */
        void tooLarge(String path, long size);
    }

    private CorpusFiles() {
    }

    static boolean isArchive(Path root) {
        String n = root.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(root) && (n.endsWith(".tar") || n.endsWith(".tar.gz") || n.endsWith(".tgz")
                || n.endsWith(".tar.zst"));
    }

    static void forEach(Path root, long maxBytes, Visitor v) {
        if (!Files.exists(root)) {
            throw new IllegalArgumentException("corpus root " + root + " does not exist");
        }
        if (Files.isDirectory(root)) {
            folder(root, maxBytes, v);
        } else if (isArchive(root)) {
            archive(root, maxBytes, v);
        } else {
            throw new IllegalArgumentException("corpus root " + root + " is neither a folder nor a .tar / .tar.gz / .tgz"
                    + " / .tar.zst archive");
        }
    }

    private static void folder(Path root, long maxBytes, Visitor v) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list corpus folder " + root, e);
        }
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            try {
                long size = Files.size(f);
                if (size > maxBytes) {
                    v.tooLarge(rel, size);
                    continue;
                }
                v.accept(rel, Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read corpus file " + f, e);
            }
        }
    }

    private static void archive(Path root, long maxBytes, Visitor v) {
        String current = null;
        try (InputStream raw = Decompression.open(root); TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (!e.isFile()) {
                    continue;
                }
                current = e.getName();
                long size = e.getSize();
                if (size > maxBytes) {
                    v.tooLarge(current, size);
                    continue;
                }
                byte[] bytes = tar.readNBytes((int) size);
                if (bytes.length != size) {
                    throw new DataFormatException(root.toString(), "archive ends inside entry '" + current + "' ("
                            + bytes.length + " of " + size + " bytes)");
                }
                v.accept(current, bytes);
                current = null;
            }
        } catch (UndecodableDocumentException e) {
            throw e; // the visitor's own verdict on a document, not a damaged archive
        } catch (DataFormatException e) {
            if (current == null || e.source().equals(root.toString()) && e.getMessage().contains(current)) {
                throw e;
            }
            throw new DataFormatException(root.toString(), "damaged archive inside entry '" + current + "': "
                    + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new DataFormatException(root.toString(), "damaged archive" + (current == null ? "" : " inside entry '"
                    + current + "'") + ": " + e.getMessage(), e);
        }
    }
}

package ai.bigdata.core.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Files made of named parts in a zip (checkpoints, model bundles): all parts read into memory, or written in order. */
public final class ZipParts {
    private ZipParts() {
    }

    /**
     * Every part of a zip file by name, in file order.
     *
     * @throws ZipException naming the file when the zip is damaged (an entry name that is not UTF-8, a bad header)
     */
    public static Map<String, byte[]> read(Path file) throws IOException {
        return read(Files.newInputStream(file), file.toString());
    }

    /** Every part of a zip held in memory; {@code source} names it in errors. */
    public static Map<String, byte[]> read(byte[] zip, String source) throws IOException {
        return read(new ByteArrayInputStream(zip), source);
    }

    private static Map<String, byte[]> read(InputStream in, String source) throws IOException {
        return read(in, source, InMemoryReads.limit());
    }

    /** Every part of the zip in {@code in}; more than {@code limit} bytes in all is an {@link IOException}. */
    static Map<String, byte[]> read(InputStream in, String source, long limit) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        long left = limit;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                // the parts together are capped: a small damaged or hostile entry may inflate to gigabytes
                byte[] part = InMemoryReads.readAll(zip, left, source + ": the part '" + e.getName() + "' with the parts before it");
                left -= part.length;
                if (parts.put(e.getName(), part) != null) {
                    throw new ZipException(source + ": the part '" + e.getName() + "' occurs twice");
                }
            }
        } catch (IllegalArgumentException e) {
            // ZipInputStream decodes entry names as UTF-8 and reports a damaged name as "malformed input"
            ZipException z = new ZipException(source + ": a zip entry name is damaged (" + e.getMessage() + ")");
            z.initCause(e);
            throw z;
        }
        return parts;
    }

    /** Writes the parts, in map order, as a zip file. */
    public static void write(Path file, Map<String, byte[]> parts) throws IOException {
        write(Files.newOutputStream(file), parts, null);
    }

    /** Writes the parts, in map order, as a zip to {@code out} (closed at the end), with an optional zip comment. */
    static void write(OutputStream out, Map<String, byte[]> parts, String comment) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (comment != null) {
                zip.setComment(comment);
            }
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
        }
    }
}
